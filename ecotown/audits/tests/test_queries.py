"""Query budgets: the assessment page, the lists and the API stay flat when the audit grows tenfold."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ecotown.audits import choices
from ecotown.audits.models import CorrectiveAction, Finding, RequirementResult
from ecotown.audits.testing import make_assessment, on_team
from ecotown.core.models import Evidence, StoredFile
from ecotown.criteria.models import Requirement
from ecotown.criteria.testing import make_catalogue, make_level

pytestmark = pytest.mark.django_db


def grow(assessment, catalogue, count: int, start: int = 0) -> None:
    """`count` requirements, each with a result and a file of evidence, a finding on every other one and a
    corrective action for each finding (bulk: the test measures reading, not writing)."""
    level = make_level(catalogue, 1)
    requirements = Requirement.objects.bulk_create(
        Requirement(catalogue=catalogue, code=f"Q{start + n:03d}", kind="general", level=level,
                    title_th=f"ข้อกำหนด {n}", position=start + n)
        for n in range(count)
    )  # fmt: skip
    results = RequirementResult.objects.bulk_create(
        RequirementResult(assessment=assessment, requirement=r, result="conform") for r in requirements
    )
    stored = StoredFile.objects.create(sha256=f"{start:064d}", size=1, content_type="application/pdf",
                                       stored_name=f"q/{start}")  # fmt: skip
    owner_type = ContentType.objects.get_for_model(RequirementResult)
    Evidence.objects.bulk_create(
        Evidence(owner_type=owner_type, owner_id=r.pk, file=stored, file_name=f"{r.pk}.pdf") for r in results
    )
    findings = Finding.objects.bulk_create(
        Finding(assessment=assessment, requirement=r, grade="minor", statement="x", objective_evidence="y",
                criterion="z")
        for r in requirements[::2]
    )  # fmt: skip
    CorrectiveAction.objects.bulk_create(
        CorrectiveAction(finding=f, root_cause="a", action="b", responsible="c", due_on="2027-01-01") for f in findings
    )


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.fixture
def audit(world):
    catalogue = make_catalogue()
    assessment = make_assessment(world.area_a1, catalogue, status=choices.AssessmentStatus.IN_PROGRESS)
    on_team(assessment, world.auditor_a1, choices.TeamRole.LEAD)
    world.assessment, world.catalogue = assessment, catalogue
    return world


@pytest.mark.parametrize("persona", ["auditor_a1", "officer_a"])
def test_the_assessment_page_reads_40_requirements_in_12_queries_and_stays_flat(audit, client_for, persona):
    client = client_for(audit.users[persona])
    url = audit.assessment.get_absolute_url()
    grow(audit.assessment, audit.catalogue, 4)
    small = queries(client, url)
    grow(audit.assessment, audit.catalogue, 36, start=4)
    forty = queries(client, url)
    grow(audit.assessment, audit.catalogue, 360, start=40)
    assert queries(client, url) == forty == small
    # The budget of 12 counts everything: the session, the user and their roles, then the page's own
    # (the area's selections and open majors are read with the catalogue's requirements).
    assert forty <= 12


@pytest.mark.parametrize(
    "route",
    ["audits:assessment_list", "audits:certificate_list", "api:assessment-list", "api:requirementresult-list",
     "api:finding-list", "api:correctiveaction-list", "api:certificate-list"],
)  # fmt: skip
def test_lists_stay_flat_at_tenfold(audit, client_for, route):
    client = client_for(audit.officer_a)
    grow(audit.assessment, audit.catalogue, 5)
    more_audits(audit, 5)
    # The second page: a list that fits on its first page is read without a COUNT (core.pagination), so page 1
    # would count one query more once the data no longer fit on it.
    url = reverse(route) + ("" if route.startswith("api:") else "?page=2")
    small = queries(client, url)
    grow(audit.assessment, audit.catalogue, 45, start=5)
    more_audits(audit, 45, start=5)
    assert queries(client, url) == small


def more_audits(world, count: int, start: int = 0) -> None:
    """Earlier years' audits of A1, each with a certificate."""
    from ecotown.audits.models import Assessment, Certificate
    from ecotown.audits.testing import make_certificate

    template = make_certificate(world, assessment=world.assessment) if start == 0 else Certificate.objects.first()
    assessments = Assessment.objects.bulk_create(
        Assessment(area=world.area_a1, catalogue=world.catalogue, kind="external", fiscal_year=2400 + start + n)
        for n in range(count)
    )
    Certificate.objects.bulk_create(
        Certificate(number=f"EIT-2400-{start + n:04d}", year_be=2400, serial=start + n + 1000, area=world.area_a1,
                    assessment=a, resolution=template.resolution, level=template.level, valid_from=template.valid_from,
                    valid_until=template.valid_until)
        for n, a in enumerate(assessments)
    )  # fmt: skip
