"""Plan versions: drafted, submitted, approved only by a committee resolution, frozen, revised; coverage."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ecotown.criteria.choices import RequirementKind
from ecotown.criteria.models import AreaRequirementSelection
from ecotown.criteria.testing import make_catalogue, make_requirement
from ecotown.engagement import choices as engagement_choices
from ecotown.engagement import services as engagement
from ecotown.engagement.testing import make_committee, make_meeting
from ecotown.plans import coverage, progress, services
from ecotown.plans.choices import PlanLevel, VersionStatus
from ecotown.plans.models import BudgetLine, Kpi, Plan, PlanVersion, ProgressReport, Project
from ecotown.plans.testing import approve, make_plan, make_project, make_report
from ecotown.targets.testing import make_target


@pytest.fixture
def plan(world):
    return make_plan(world.area_a1)


@pytest.fixture
def committee(world):
    return make_committee(area=world.area_a1)


def test_a_new_plan_starts_with_a_draft_version(plan):
    version = plan.latest_version
    assert (version.number, version.status) == (1, VersionStatus.DRAFT)
    assert plan.approved_version is None


def test_it_refuses_a_plan_in_the_wrong_place(world):
    with pytest.raises(ValidationError) as error:
        make_plan(province=world.province_a, level=PlanLevel.AREA_ACTION)
    assert "area" in error.value.message_dict


def test_it_refuses_to_submit_a_version_without_projects(plan, world):
    with pytest.raises(ValidationError, match="at least one project"):
        services.submit_version(plan.latest_version, acting_user=world.secretary_a1)


def test_the_secretariat_submits_and_an_outsider_may_not(plan, world):
    version = plan.latest_version
    make_project(version)
    with pytest.raises(PermissionDenied):
        services.submit_version(version, acting_user=world.officer_b)
    services.submit_version(version, acting_user=world.secretary_a1)
    version.refresh_from_db()
    assert version.status == VersionStatus.SUBMITTED
    assert version.submitted_on is not None
    record = version.history.latest()
    assert record.history_user == world.secretary_a1


def test_a_resolution_approves_the_version_and_it_shows_which(plan, committee, world):
    version = plan.latest_version
    make_project(version)
    resolution = approve(version, committee, user=world.officer_a)
    version.refresh_from_db()
    plan.refresh_from_db()
    assert version.status == VersionStatus.APPROVED
    assert version.resolution == resolution
    assert plan.approved_version == version
    assert str(version.resolution) == f"resolution 1 of meeting no. 1/{resolution.meeting.year_be}"
    assert version.history.latest().history_user == world.officer_a


def test_a_resolution_that_only_records_approves_nothing(plan, committee, world):
    version = plan.latest_version
    make_project(version)
    services.submit_version(version, acting_user=None)
    meeting = make_meeting(committee)
    with pytest.raises(ValidationError, match="approves an action-plan version"):
        engagement.record_resolution(
            meeting, kind=engagement_choices.ResolutionKind.RECORD,
            outcome=engagement_choices.ResolutionOutcome.APPROVED, text="x", subject=version, acting_user=None,
        )  # fmt: skip
    version.refresh_from_db()
    assert version.status == VersionStatus.SUBMITTED
    assert not meeting.resolutions.exists()  # the resolution is rolled back with the refused approval


def test_another_areas_committee_cannot_approve(plan, world):
    version = plan.latest_version
    make_project(version)
    other = make_committee(area=world.area_b1)
    with pytest.raises(ValidationError, match="does not approve plans"):
        approve(version, other)
    version.refresh_from_db()
    assert version.status == VersionStatus.SUBMITTED


def test_the_provincial_committee_may_approve_an_area_plan(plan, world):
    make_project(plan.latest_version)
    provincial = make_committee(engagement_choices.CommitteeKind.PROVINCIAL, province=world.province_a)
    assert services.committee_decides(provincial, plan)
    approve(plan.latest_version, provincial)
    plan.refresh_from_db()
    assert plan.approved_version.number == 1


def test_an_approved_version_is_frozen(plan, committee):
    version = plan.latest_version
    project = make_project(version)
    approve(version, committee)
    project.refresh_from_db()
    project.title = "เปลี่ยนชื่อ"
    with pytest.raises(ValidationError, match="frozen"):
        project.full_clean()
    with pytest.raises(ValidationError, match="frozen"):
        Project(version=project.version, title="ใหม่", owner_organisation="x").full_clean()
    with pytest.raises(ValidationError, match="frozen"):
        BudgetLine(project=project, fiscal_year=2568, source="private", amount=1).full_clean()
    with pytest.raises(ValidationError, match="frozen"):
        Kpi(project=project, name="x", target_value=1).full_clean()
    with pytest.raises(ValidationError, match="frozen"):
        services.delete_project(project, acting_user=None)
    assert Project.objects.filter(pk=project.pk).exists()


def test_revising_copies_projects_and_approval_supersedes_the_old_version(plan, committee, world):
    first = plan.latest_version
    project = make_project(first, requirements=[], kpis=2)
    approve(first, committee)
    make_report(project, 30)
    second = services.revise(plan, acting_user=world.secretary_a1, summary="เพิ่มโครงการ")
    assert (second.number, second.status) == (2, VersionStatus.DRAFT)
    copy = second.projects.get()
    assert copy.key == project.key
    assert copy.pk != project.pk
    assert copy.kpis.count() == 2
    assert copy.budget_lines.count() == 1
    with pytest.raises(ValidationError, match="still open"):
        services.revise(plan, acting_user=None)
    # The copy's progress is the report made under version 1: the same project.
    assert progress.with_progress(Project.objects.filter(pk=copy.pk)).get().progress == 30
    approve(second, committee, when=None)
    first.refresh_from_db()
    plan.refresh_from_db()
    assert first.status == VersionStatus.SUPERSEDED
    assert plan.approved_version == second


def test_returning_to_draft_needs_a_reason(plan, world):
    version = plan.latest_version
    make_project(version)
    services.submit_version(version, acting_user=None)
    with pytest.raises(ValidationError):
        services.return_version(version, acting_user=world.secretary_a1, reason=" ")
    services.return_version(version, acting_user=world.secretary_a1, reason="ปรับงบประมาณ")
    assert PlanVersion.objects.get(pk=version.pk).status == VersionStatus.DRAFT


def test_progress_is_reported_on_the_approved_version_only(plan):
    project = make_project(plan.latest_version)
    draft_report = ProgressReport(project=project, fiscal_year=2569, quarter=1, percent_complete=10, status="on_track")
    with pytest.raises(ValidationError, match="approved version"):
        draft_report.full_clean()


def test_plan_figures_are_computed_in_sql(plan, committee):
    version = plan.latest_version
    first = make_project(version, budget={(2569, "government"): 100, (2570, "private"): 50})
    make_project(version, "สอง", budget={(2569, "local_government"): 25})
    approve(version, committee)
    make_report(first, 20, quarter=1)
    make_report(first, 60, quarter=2)
    row = progress.with_plan_figures(Plan.objects.filter(pk=plan.pk)).get()
    assert (row.project_count, row.budget_total, row.progress) == (2, 175, 30)
    assert progress.budget_by_year_and_source(version)[(2570, "private")] == 50


# -- coverage ---------------------------------------------------------------------------------------------------


def test_coverage_lists_the_requirements_no_project_serves(world):
    catalogue = make_catalogue(version="9")
    served = make_requirement(catalogue, "G1")
    through_target = make_requirement(catalogue, "G2")
    unserved = make_requirement(catalogue, "G3")
    specific = make_requirement(catalogue, "S1", kind=RequirementKind.SPECIFIC)
    not_selected = make_requirement(catalogue, "S2", kind=RequirementKind.SPECIFIC)
    AreaRequirementSelection.objects.create(area=world.area_a1, requirement=specific)
    plan = make_plan(world.area_a1)
    project = make_project(plan.latest_version, requirements=[served])
    project.targets.add(make_target(world.area_a1, through_target))
    result = coverage.coverage(plan.latest_version, catalogue)
    assert [r.code for r in result.covered] == ["G1", "G2"]
    assert [r.code for r in result.uncovered] == ["G3", "S1"]
    assert not_selected not in result.uncovered
    assert unserved in result.uncovered
    assert result.percent == 50


def test_coverage_matches_requirements_by_code_across_catalogue_versions(world):
    old, new = make_catalogue(version="7"), make_catalogue(version="8")
    make_requirement(old, "G1")
    current = make_requirement(new, "G1")
    plan = make_plan(world.area_a1)
    make_project(plan.latest_version, requirements=[old.requirements.get()])
    assert coverage.coverage(plan.latest_version, new).covered == [current]


def test_split_is_a_plain_function():
    class R:
        def __init__(self, code):
            self.code = code

    a, b = R("A"), R("B")
    assert coverage.split([a, b], {"B"}) == ([b], [a])


def test_approving_a_plan_approves_the_targets_its_projects_serve(plan, committee, world, client_for):
    requirement = make_requirement(make_catalogue(version="approval"), "G1-01")
    served = make_target(world.area_a1, requirement, fiscal_year=2569)
    other = make_target(world.area_a1, requirement, fiscal_year=2570)
    project = make_project(plan.latest_version)
    project.targets.add(served)
    resolution = approve(plan.latest_version, committee)
    served.refresh_from_db()
    other.refresh_from_db()
    assert served.approved_by == resolution
    assert other.approved_by is None  # no project of the plan serves it
    page = client_for(world.officer_a).get(served.get_absolute_url()).content.decode()
    assert f"Approved by {resolution}" in page
    # Changing the committed value withdraws the approval until a committee approves again.
    served.target_value = served.target_value + 1
    served.save()
    served.refresh_from_db()
    assert served.approved_by is None
    assert served.history.filter(approved_by=resolution).exists()  # the approval stays on the record's history
