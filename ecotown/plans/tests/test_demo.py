import pytest

from ecotown.criteria.testing import make_catalogue, make_requirements
from ecotown.engagement.demo import seed_demo as seed_committees
from ecotown.engagement.models import Comment
from ecotown.plans import diff
from ecotown.plans.choices import VersionStatus
from ecotown.plans.demo import DEMO, seed_demo
from ecotown.plans.models import Plan, ProgressReport
from ecotown.targets.models import Target

pytestmark = pytest.mark.django_db


def test_the_demo_tells_the_story_and_runs_once(world):
    make_requirements(make_catalogue(version="1"), 20)
    seed_committees()
    summary = seed_demo()
    assert "3 area action plans (3 approved by resolution, each with a draft version 2)" in summary
    plan = Plan.objects.get(area=world.area_a1)
    assert plan.notes == DEMO
    version = plan.approved_version
    assert version.status == VersionStatus.APPROVED
    assert version.resolution.meeting.committee.province == world.province_a
    assert version.projects.count() == 6
    assert ProgressReport.objects.filter(project__version=version).count() == 24
    assert Plan.objects.filter(level="national", latest_version__status=VersionStatus.DRAFT).exists()
    # Targets the plan's projects serve are approved by the resolution that approved the plan.
    assert Target.objects.filter(plan_projects__version=version).exclude(approved_by=version.resolution).count() == 0
    # The workshop's accepted comment points at the project it changed.
    comment = Comment.objects.get(committee__province=world.province_a, response="accepted")
    assert comment.changed_id == version.projects.get(code="P-02").pk
    # Version 2, a draft, differs from version 1 by a project added, a budget moved and a KPI raised.
    found = diff.compare(version, plan.latest_version)
    assert plan.latest_version.status == VersionStatus.DRAFT
    assert [p.code for p in found.added] == ["P-07"]
    assert not found.removed
    assert {c.field for item in found.changed for c in item.changes} == {"budget", "kpi"}
    assert seed_demo() == "already present"
