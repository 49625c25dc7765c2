import pytest

from ecotown.criteria.testing import make_catalogue, make_requirements
from ecotown.engagement.demo import seed_demo as seed_committees
from ecotown.plans.choices import VersionStatus
from ecotown.plans.demo import DEMO, seed_demo
from ecotown.plans.models import Plan, ProgressReport

pytestmark = pytest.mark.django_db


def test_the_demo_tells_the_story_and_runs_once(world):
    make_requirements(make_catalogue(version="1"), 20)
    seed_committees()
    summary = seed_demo()
    assert "3 area action plans (3 approved by resolution)" in summary
    plan = Plan.objects.get(area=world.area_a1)
    assert plan.notes == DEMO
    version = plan.approved_version
    assert version.status == VersionStatus.APPROVED
    assert version.resolution.meeting.committee.province == world.province_a
    assert version.projects.count() == 6
    assert ProgressReport.objects.filter(project__version=version).count() == 24
    assert Plan.objects.filter(level="national", latest_version__status=VersionStatus.DRAFT).exists()
    assert seed_demo() == "already present"
