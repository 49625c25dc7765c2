"""Matrix rows for the dashboards: the national and province dashboards are public (areas, certificates and
published totals, no personal data); the pivot of target results is for those who read targets, each within
their scope (the pivot's own tests check the rows). The dashboards write nothing."""

from ecotown.accounts.testing import PERSONAS
from ecotown.core.testing import rows

EVERYONE = dict.fromkeys(PERSONAS, 200)
# Target readers: DIW, the provinces' officers, the area's secretariat and internal auditor; others 403; the
# anonymous visitor is sent to sign in.
TARGET_READERS = dict.fromkeys(PERSONAS, 403) | {
    "diw_admin": 200, "officer_a": 200, "officer_b": 200, "secretary_a1": 200, "auditor_a1": 200, "anonymous": 302,
}  # fmt: skip


def province(code):
    return lambda world: {"code": code}


# Progress at a glance is the programme staff's (their scope's counts) and the consultants' (their projects'
# deliverables awaiting acceptance): operators and the public 403.
STAFF = TARGET_READERS | {"external_auditor": 200, "consultant": 200}

ROWS = [
    *rows("GET", "dashboards:national", EVERYONE),
    *rows("GET", "dashboards:national", EVERYONE, query="export=xlsx"),
    # Province A's dashboard is public, also to province B's officer; an unknown code is 404 for everyone.
    *rows("GET", "dashboards:province", EVERYONE, target=province("13")),
    *rows("GET", "dashboards:province", EVERYONE, target=province("13"), query="export=xlsx"),
    *rows("GET", "dashboards:province", dict.fromkeys(PERSONAS, 404), target=province("00")),
    *rows("GET", "dashboards:pivot", TARGET_READERS),
    *rows("GET", "dashboards:pivot", TARGET_READERS, query="export=xlsx&status=met"),
    *rows("GET", "dashboards:glance", STAFF),
]
