"""Matrix rows for upgrade reports: the province's officers, the area's secretariat and its internal auditors read
an area's reports; the province and the secretariat ask for them; nobody else reaches them (404 outside one's
scope). World: a ready report of A1 (upgrade_report_a1) and of B1 (upgrade_report_b1), and A1's report still
running (running_a1)."""

from ecotown.accounts.testing import PERSONAS
from ecotown.core.testing import Row, rows
from ecotown.reports.models import UpgradeReport

NO_ROLE = dict.fromkeys(PERSONAS, 403) | {"anonymous": 302}
READERS_A1 = ("diw_admin", "officer_a", "secretary_a1", "auditor_a1")
READ_A1 = NO_ROLE | dict.fromkeys(READERS_A1, 200) | {"officer_b": 404}
LIST = NO_ROLE | dict.fromkeys((*READERS_A1, "officer_b"), 200)
WRITERS_A1 = NO_ROLE | {"diw_admin": 200, "officer_a": 200, "secretary_a1": 200, "officer_b": 404}
HISTORY_A1 = READ_A1 | {"external_auditor": 403}
API_READ_A1 = READ_A1 | {"anonymous": 403}
API_LIST = LIST | {"anonymous": 403}
REQUEST = {"baseline_year": "2566", "current_year": "2569"}


def area(attribute):
    return lambda world: {"parent_pk": getattr(world, attribute).pk}


def download(attribute, kind="pdf"):
    return lambda world: {"pk": getattr(world, attribute).pk, "kind": kind}


def requested(attribute, exists=True):
    return lambda world: (
        UpgradeReport.objects.filter(area=getattr(world, attribute), baseline_year=2566).exists() == (exists)
    )


def api_request(attribute):
    return lambda world: {"area": getattr(world, attribute).pk, "baseline_year": 2566, "current_year": 2569}


ROWS = [
    *rows("GET", "reports:upgradereport_list", LIST),
    *rows("GET", "reports:upgradereport_detail", READ_A1, target="upgrade_report_a1"),
    *rows("GET", "reports:upgradereport_detail", READ_A1, target="running_a1"),
    *rows("GET", "reports:upgradereport_history", HISTORY_A1, target="upgrade_report_a1"),
    *rows("GET", "reports:upgradereport_download", READ_A1, target=download("upgrade_report_a1")),
    *rows("GET", "reports:upgradereport_download", READ_A1, target=download("upgrade_report_a1", "xlsx")),
    Row("secretary_a1", "GET", "reports:upgradereport_download", 404, target=download("running_a1")),  # not ready
    Row("secretary_a1", "GET", "reports:upgradereport_download", 404, target=download("upgrade_report_a1", "docx")),
    # Asking for a report: from the area page, for an area in one's scope.
    *rows("GET", "reports:upgradereport_add", WRITERS_A1, target=area("area_a1")),
    Row(
        "secretary_a1",
        "POST",
        "reports:upgradereport_add",
        302,
        target=area("area_a1"),
        data=REQUEST,
        check=requested("area_a1"),
    ),
    Row(
        "officer_a",
        "POST",
        "reports:upgradereport_add",
        302,
        target=area("area_a1"),
        data=REQUEST,
        check=requested("area_a1"),
    ),
    *rows(
        "POST",
        "reports:upgradereport_add",
        {"officer_b": 404, "auditor_a1": 403, "public": 403, "anonymous": 302},
        target=area("area_a1"),
        data=REQUEST,
        check=requested("area_a1", False),
    ),
    # Out of scope: the secretariat of A1 asks for B1's report.
    Row(
        "secretary_a1",
        "POST",
        "reports:upgradereport_add",
        404,
        target=area("area_b1"),
        data=REQUEST,
        check=requested("area_b1", False),
    ),
    # A baseline after the current year is refused with the form.
    Row(
        "secretary_a1",
        "POST",
        "reports:upgradereport_add",
        200,
        target=area("area_a1"),
        data={"baseline_year": "2569", "current_year": "2566"},
        check=requested("area_a1", False),
    ),
    # The API: ask, follow, download.
    *rows("GET", "api:upgradereport-list", API_LIST),
    *rows("GET", "api:upgradereport-detail", API_READ_A1, target="upgrade_report_a1"),
    *rows("GET", "api:upgradereport-download", API_READ_A1, target=download("upgrade_report_a1")),
    Row("secretary_a1", "GET", "api:upgradereport-download", 409, target=download("running_a1")),
    Row("secretary_a1", "POST", "api:upgradereport-list", 201, data=api_request("area_a1"), check=requested("area_a1")),
    Row(
        "secretary_a1",
        "POST",
        "api:upgradereport-list",
        403,
        data=api_request("area_b1"),
        check=requested("area_b1", False),
    ),
    *rows(
        "POST",
        "api:upgradereport-list",
        {"auditor_a1": 403, "public": 403, "operator": 403, "anonymous": 403},
        data=api_request("area_a1"),
        check=requested("area_a1", False),
    ),
    Row(
        "secretary_a1",
        "POST",
        "api:upgradereport-list",
        400,
        check=requested("area_a1", False),
        data=lambda w: {"area": w.area_a1.pk, "baseline_year": 2569, "current_year": 2566},
    ),
]
