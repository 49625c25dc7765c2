"""Matrix rows for symbiosis: the province's officers and the area's secretariat run the matching and follow
candidates up; the area's internal auditor reads; a factory's operators read only the exchanges of their own
factory (the `operator` persona runs a factory with none); the public, consultants and central auditors reach
nothing."""

from ecotown.accounts.testing import PERSONAS
from ecotown.core.testing import Row, rows
from ecotown.symbiosis.models import Exchange, MatchingRun

NO_ROLE = dict.fromkeys(PERSONAS, 403) | {"anonymous": 302}
LIST = NO_ROLE | {"diw_admin": 200, "officer_a": 200, "officer_b": 200, "secretary_a1": 200, "auditor_a1": 200,
                  "operator": 200}  # fmt: skip
READ_A1 = NO_ROLE | {"diw_admin": 200, "officer_a": 200, "officer_b": 404, "secretary_a1": 200, "auditor_a1": 200,
                     "operator": 404}  # fmt: skip
READ_B1 = READ_A1 | {"officer_a": 404, "officer_b": 200, "secretary_a1": 404, "auditor_a1": 404}
HISTORY_A1 = NO_ROLE | {"diw_admin": 200, "officer_a": 200, "officer_b": 404, "secretary_a1": 200, "auditor_a1": 200}
API_LIST = LIST | {"anonymous": 403}
API_READ_A1 = READ_A1 | {"anonymous": 403}


def area(attribute):
    return lambda world: {"code": getattr(world, attribute).code}


def status_of(attribute, status):
    return lambda world: Exchange.objects.get(pk=getattr(world, attribute).pk).status == status


def runs_of(attribute, count):
    return lambda world: MatchingRun.objects.filter(area=getattr(world, attribute)).count() == count


CONTACT = {"step": "contact"}

ROWS = [
    *rows("GET", "symbiosis:exchange_list", LIST),
    *rows("GET", "symbiosis:exchange_detail", READ_A1, target="exchange_a1"),
    *rows("GET", "symbiosis:exchange_detail", READ_B1, target="exchange_b1"),
    *rows("GET", "symbiosis:exchange_history", HISTORY_A1, target="exchange_a1"),
    *rows("GET", "symbiosis:area_network", READ_A1, target=area("area_a1")),
    *rows("GET", "symbiosis:area_network", READ_B1, target=area("area_b1")),
    *rows("GET", "symbiosis:area_network_export", READ_A1, target=area("area_a1")),
    # Following a candidate up: the secretariat and the province's officer, in their scope.
    Row("secretary_a1", "POST", "symbiosis:exchange_step", 302, target="exchange_a1", data=CONTACT,
        check=status_of("exchange_a1", "contacted")),
    Row("officer_b", "POST", "symbiosis:exchange_step", 302, target="exchange_b1", data=CONTACT,
        check=status_of("exchange_b1", "contacted")),
    # Escalation: a step the candidate's state does not offer (realised straight from proposed) changes nothing.
    Row("secretary_a1", "POST", "symbiosis:exchange_step", 302, target="exchange_a1",
        data={"step": "realise", "start_date": "01/01/2569"}, check=status_of("exchange_a1", "proposed")),
    *rows("POST", "symbiosis:exchange_step", {"auditor_a1": 403, "operator": 403, "public": 403, "officer_a": 404,
                                              "secretary_a1": 404, "anonymous": 302},
          target="exchange_b1", data=CONTACT, check=status_of("exchange_b1", "proposed")),
    # Running the matching for an area.
    Row("secretary_a1", "POST", "symbiosis:area_match", 302, target=area("area_a1"), check=runs_of("area_a1", 2)),
    *rows("POST", "symbiosis:area_match", {"auditor_a1": 403, "operator": 403, "public": 403, "officer_b": 404,
                                           "anonymous": 302},
          target=area("area_a1"), check=runs_of("area_a1", 1)),
    # Recording the symbiosis results on the area's targets.
    Row("secretary_a1", "POST", "symbiosis:area_results", 302, target=area("area_a1"), data={"fiscal_year": 2569}),
    *rows("POST", "symbiosis:area_results", {"auditor_a1": 403, "operator": 403, "public": 403, "officer_b": 404,
                                             "anonymous": 302},
          target=area("area_a1"), data={"fiscal_year": 2569}),
    # The API: read in scope; steps through the `step` action.
    *rows("GET", "api:exchange-list", API_LIST),
    *rows("GET", "api:exchange-detail", API_READ_A1, target="exchange_a1"),
    Row("secretary_a1", "POST", "api:exchange-step", 200, target="exchange_a1", data=CONTACT,
        check=status_of("exchange_a1", "contacted")),
    Row("secretary_a1", "POST", "api:exchange-step", 400, target="exchange_a1", data={"step": "start_trial"},
        check=status_of("exchange_a1", "proposed")),
    *rows("POST", "api:exchange-step", {"auditor_a1": 403, "operator": 403, "public": 403, "officer_b": 404,
                                        "anonymous": 403},
          target="exchange_a1", data=CONTACT, check=status_of("exchange_a1", "proposed")),
]  # fmt: skip
