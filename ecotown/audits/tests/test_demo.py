"""The demo audits: every first-wave area over two fiscal years, certified at different levels, nothing dated in
the future, loaded on a fresh database and again without duplicating anything."""

import pytest
from django.utils import timezone

from ecotown.areas.models import Area
from ecotown.audits.demo import DEMO, seed_demo
from ecotown.audits.models import Assessment, Certificate, CorrectiveAction, Finding
from ecotown.core.dates import current_fiscal_year

pytestmark = pytest.mark.django_db


@pytest.fixture
def bootstrapped(db):
    from ecotown.accounts.demo import seed_accounts
    from ecotown.core.registry import registry

    for step in registry.reference_steps:
        step.run()
    seed_accounts()


def test_the_demo_audits_every_area_over_two_years_at_different_levels(bootstrapped):
    assert seed_demo().endswith("audits")  # its run time is measured by `make run`, not asserted here
    demo = Assessment.objects.filter(notes=DEMO)
    this_year, areas = current_fiscal_year(), set(Area.objects.values_list("pk", flat=True))
    assert len(areas) >= 18
    # Both closed fiscal years: every area's internal audit closed and its external audit certified.
    for year in (this_year - 2, this_year - 1):
        for kind in ("internal", "external"):
            assert (
                set(demo.filter(fiscal_year=year, kind=kind, status="closed").values_list("area", flat=True)) == areas
            )
        certified = Certificate.objects.filter(assessment__fiscal_year=year, assessment__notes=DEMO)
        assert set(certified.values_list("area", flat=True)) == areas
    certificates = list(Certificate.objects.select_related("level", "assessment"))
    # Last year's certificates are in force; the year before's have run their course (expired, never withdrawn).
    assert {c.state for c in certificates if c.assessment.fiscal_year == this_year - 1} == {"valid"}
    assert {c.state for c in certificates} <= {"valid", "expired"}
    levels = [c.level.number for c in certificates]
    assert len(set(levels)) >= 3
    assert sum(level <= 3 for level in levels) > len(levels) / 2  # mostly levels 1 to 3
    # This year: every area's internal audit, some closed and some under way; a few external audits in progress.
    current = demo.filter(fiscal_year=this_year)
    assert set(current.filter(kind="internal").values_list("area", flat=True)) == areas
    assert current.filter(kind="internal", status="closed").exists()
    assert current.filter(kind="internal", status="in_progress").exists()
    assert 1 <= current.filter(kind="external", status="in_progress").count() < len(areas)
    # Findings with corrective actions, some awaiting verification and some verified effective.
    assert Finding.objects.filter(assessment__notes=DEMO, grade="major").exists()
    assert CorrectiveAction.objects.filter(status="proposed").exists()
    assert CorrectiveAction.objects.filter(status="effective").exists()
    # No audit of the demo, closed or under way, is dated in the future.
    today = timezone.localdate()
    assert not demo.filter(starts_on__gt=today).exists()
    assert not demo.filter(ends_on__gt=today).exists()
    counts = (demo.count(), Certificate.objects.count(), Finding.objects.count(), CorrectiveAction.objects.count())
    assert seed_demo() == "already present"
    assert (
        demo.count(),
        Certificate.objects.count(),
        Finding.objects.count(),
        CorrectiveAction.objects.count(),
    ) == counts
