"""Matrix rows for core's own page: the home page answers everyone with what they may see."""

from ecotown.accounts.testing import PERSONAS
from ecotown.core.testing import Row, rows

ROWS = [*rows("GET", "core:home", dict.fromkeys(PERSONAS, 200))]

from ecotown.core.models import Job  # noqa: E402


def evidence_key(attribute):
    return lambda world: {"key": getattr(world, attribute).key}


def job_of(persona):
    def target(world):
        result = {"errors": [[0, "x"]], "more_errors": 0, "import_url": "/", "table_url": "/"}
        job = Job.objects.create(kind="targets.import", user=world.users[persona], status="done", result=result)
        return {"key": job.key}

    return target


ROWS += [
    # Evidence is served to exactly those who may see the record it belongs to; 404 for everyone else.
    *rows(
        "GET",
        "core:evidence_download",
        {
            "diw_admin": 200,
            "officer_a": 200,
            "secretary_a1": 200,
            "auditor_a1": 200,
            "officer_b": 404,
            "external_auditor": 404,
            "operator": 404,
            "consultant": 404,
            "public": 404,
            "anonymous": 404,
        },
        target=evidence_key("evidence_a1"),
    ),
    # A background job's page is its owner's only.
    Row("secretary_a1", "GET", "core:job_detail", 200, target=job_of("secretary_a1")),
    *rows(
        "GET",
        "core:job_detail",
        {"officer_a": 404, "diw_admin": 404, "public": 404, "anonymous": 302},
        target=job_of("secretary_a1"),
    ),
]
