"""The demo audits load on a fresh database and again without duplicating anything."""

import pytest
from django.utils import timezone

from ecotown.audits.demo import DEMO, seed_demo
from ecotown.audits.models import Assessment, Certificate

pytestmark = pytest.mark.django_db


@pytest.fixture
def bootstrapped(db):
    from ecotown.accounts.demo import seed_accounts
    from ecotown.core.registry import registry

    for step in registry.reference_steps:
        step.run()
    seed_accounts()


def test_the_demo_certifies_two_areas_at_different_levels_and_leaves_an_external_audit_in_progress(bootstrapped):
    assert seed_demo().endswith("audits")
    certificates = list(Certificate.objects.select_related("level", "area"))
    assert len(certificates) == 2
    assert len({c.level.number for c in certificates}) == 2
    assert all(c.state == "valid" for c in certificates)
    assert Assessment.objects.filter(notes=DEMO, kind="external", status="in_progress").count() == 1
    assert Assessment.objects.filter(notes=DEMO, kind="internal", status="closed").count() >= 2
    # No audit of the demo, closed or under way, is dated in the future.
    assert not Assessment.objects.filter(notes=DEMO, starts_on__gt=timezone.localdate()).exists()
    assert seed_demo() == "already present"
