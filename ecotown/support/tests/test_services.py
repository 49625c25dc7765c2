"""Capacity building through its services and domain functions: deliverable steps, man-days, progress from the
records, the consultant's scope, the audit conflict of interest and the figures the upgrade report reads."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from ecotown.audits import conflicts
from ecotown.audits.models import Assessment
from ecotown.audits.testing import make_assessment, make_auditor, on_team
from ecotown.criteria.testing import make_catalogue
from ecotown.engagement import choices as engagement
from ecotown.engagement.models import Participant
from ecotown.engagement.testing import make_committee, make_meeting
from ecotown.factories.models import Factory
from ecotown.factories.testing import make_factory
from ecotown.support import progress, services
from ecotown.support.choices import DeliverableStatus, Measure
from ecotown.support.models import ConsultingEngagement, ConsultingVisit, Deliverable, conflict_since
from ecotown.support.testing import (
    make_consultant,
    make_engagement,
    make_project,
    make_study_visit,
    make_training,
    make_visit,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(world):
    world.consultant_user = world.users["consultant"]
    world.project = make_project(world.area_a1, team=[world.consultant_user])
    world.factories = [make_factory(world.province_a, areas=[world.area_a1]) for _ in range(4)]
    return world


# -- deliverables ------------------------------------------------------------------------------------------------


def test_a_deliverable_is_submitted_returned_with_comments_resubmitted_and_accepted(project):
    item = Deliverable.objects.create(
        project=project.project, kind="inception_report", due_on=datetime.date(2026, 1, 1)
    )
    services.submit(item, acting_user=project.consultant_user)
    assert item.status == DeliverableStatus.SUBMITTED
    assert item.submitted_on == timezone.localdate()
    services.return_with_comments(item, acting_user=project.diw_admin, comments="เพิ่มแผนประชาสัมพันธ์")
    assert item.status == DeliverableStatus.RETURNED
    assert item.comments == "เพิ่มแผนประชาสัมพันธ์"
    assert item.history.first().history_change_reason == "เพิ่มแผนประชาสัมพันธ์"
    assert item.history.first().history_user == project.diw_admin
    services.resubmit(item, acting_user=project.consultant_user)
    services.accept(item, acting_user=project.diw_admin)
    assert item.status == DeliverableStatus.ACCEPTED
    assert item.accepted_on == timezone.localdate()
    with pytest.raises(ValidationError):
        services.save_deliverable(item, acting_user=project.diw_admin)


def test_only_diw_accepts_and_a_return_needs_comments(project):
    item = Deliverable.objects.create(project=project.project, kind="training", due_on=datetime.date(2026, 1, 1))
    services.submit(item, acting_user=project.consultant_user)
    with pytest.raises(PermissionDenied):
        services.accept(item, acting_user=project.consultant_user)
    with pytest.raises(PermissionDenied):
        services.accept(item, acting_user=project.officer_a)
    with pytest.raises(ValidationError):
        services.return_with_comments(item, acting_user=project.diw_admin, comments="  ")
    draft = Deliverable.objects.create(project=project.project, kind="training", due_on=datetime.date(2026, 1, 1))
    with pytest.raises(ValidationError):  # a draft cannot be accepted: it was never submitted
        services.accept(draft, acting_user=project.diw_admin)


def test_a_consultant_off_the_team_may_not_submit(project):
    other = make_consultant("other_consultant")
    item = Deliverable.objects.create(project=project.project, kind="training", due_on=datetime.date(2026, 1, 1))
    with pytest.raises(PermissionDenied):
        services.submit(item, acting_user=other)


def test_a_new_project_gets_the_seeds_targets_as_rows(world):
    from ecotown.support.models import UpgradeProject

    project = UpgradeProject(title="x", consultant_firm="y", area=world.area_a1, starts_on=datetime.date(2026, 1, 1),
                             ends_on=datetime.date(2026, 12, 31))  # fmt: skip
    services.save_project(project, acting_user=world.diw_admin)
    assert dict(project.targets.values_list("measure", "value")) == {
        "factories_trained": 30, "factories_on_study_visits": 30, "consulting_man_days": 60,
        "meetings_per_province": 2, "workshop_participants": 50,
    }  # fmt: skip


# -- man-days and progress ---------------------------------------------------------------------------------------


def test_man_days_are_hours_over_six_by_default_and_configurable(settings):
    assert progress.man_days(Decimal("390")) == Decimal("65.00")
    assert progress.man_days(Decimal("10")) == Decimal("1.67")
    assert progress.man_days(None) == Decimal("0.00")
    settings.SUPPORT_HOURS_PER_MAN_DAY = 8
    assert progress.man_days(Decimal("10")) == Decimal("1.25")


def test_progress_is_computed_from_trainings_visits_consulting_and_meetings(project):
    w, first, second, third, fourth = project, *project.factories
    make_training(w.project, [first, second])
    make_training(w.project, [first, third])  # first counts once
    make_study_visit(w.project, [fourth])
    make_engagement(w.project, w.consultant_user, first, hours=[6, 6, 3])
    province_committee = make_committee(engagement.CommitteeKind.PROVINCIAL, province=w.province_a)
    day = datetime.datetime(2026, 2, 1, 9, tzinfo=timezone.get_current_timezone())
    make_meeting(province_committee, when=day)
    area_committee = make_committee(area=w.area_a1)
    make_meeting(area_committee, when=day)
    make_meeting(area_committee, when=day.replace(year=2024))  # before the project: not counted
    make_meeting(make_committee(engagement.CommitteeKind.PROVINCIAL, province=w.province_b), when=day)  # elsewhere
    workshop = make_meeting(area_committee, kind=engagement.MeetingKind.WORKSHOP, when=day)
    Participant.objects.create(meeting=workshop, sector=engagement.Sector.COMMUNITY, count=55)
    found = {row.measure: row for row in progress.project_progress(w.project)}
    assert found[Measure.FACTORIES_TRAINED].actual == 3
    assert found[Measure.FACTORIES_ON_STUDY_VISITS].actual == 1
    assert found[Measure.CONSULTING_MAN_DAYS].actual == Decimal("2.50")
    assert found[Measure.MEETINGS_PER_PROVINCE].actual == 2
    assert found[Measure.MEETINGS_PER_PROVINCE].met
    assert found[Measure.WORKSHOP_PARTICIPANTS].actual >= 55
    assert found[Measure.WORKSHOP_PARTICIPANTS].met
    assert not found[Measure.FACTORIES_TRAINED].met
    assert found[Measure.FACTORIES_TRAINED].percent == 10


def test_the_factories_not_yet_reached_say_what_they_miss(project):
    w, first, second, *_rest = project, *project.factories
    make_training(w.project, [first, second])
    make_study_visit(w.project, [first])
    make_engagement(w.project, w.consultant_user, first)
    reach = {row.factory.pk: row for row in progress.unreached_factories(w.project)}
    assert first.pk not in reach  # trained, visited and consulted
    assert (reach[second.pk].trained, reach[second.pk].visited, reach[second.pk].consulted) == (True, False, False)
    assert len(reach) == Factory.objects.filter(areas=w.area_a1).count() - 1


def test_a_visit_keeps_the_engagements_last_visit_and_an_issued_report_keeps_its_visits(project):
    w = project
    engagement = make_engagement(w.project, w.consultant_user, w.factories[0])
    with pytest.raises(ValidationError):
        services.issue_report(engagement, acting_user=w.consultant_user)
    visit = ConsultingVisit(engagement=engagement, visited_on=datetime.date(2026, 3, 2), hours=Decimal(4),
                            findings="ก", recommendations="ข")  # fmt: skip
    services.record_visit(visit, acting_user=w.consultant_user)
    engagement.refresh_from_db()
    assert engagement.last_visit_on == datetime.date(2026, 3, 2)
    services.issue_report(engagement, acting_user=w.consultant_user)
    assert engagement.report_issued_on == timezone.localdate()
    with pytest.raises(ValidationError):
        services.delete_visit(visit, acting_user=w.consultant_user)


def test_an_engagement_needs_a_factory_of_the_area_a_team_consultant_and_listed_topics(project):
    w = project
    outsider = make_factory(w.province_b, areas=[w.area_b1])
    engagement = ConsultingEngagement(project=w.project, consultant=make_consultant(), factory=outsider,
                                      topics=["astrology"])  # fmt: skip
    with pytest.raises(ValidationError) as refused:
        engagement.full_clean()
    assert {"topics"} <= set(refused.value.message_dict)
    engagement.topics = ["safety"]
    with pytest.raises(ValidationError) as refused:
        engagement.full_clean()
    assert {"factory", "consultant"} <= set(refused.value.message_dict)


# -- scope -------------------------------------------------------------------------------------------------------


def test_a_consultant_reaches_the_factories_and_engagements_of_their_own_engagements(project):
    w = project
    consultant = w.consultant_user
    assert not Factory.objects.for_user(consultant).exists()
    engagement = make_engagement(w.project, consultant, w.factories[0])
    assert list(Factory.objects.for_user(consultant)) == [w.factories[0]]
    assert list(ConsultingEngagement.objects.for_user(consultant)) == [engagement]
    other = make_consultant("elsewhere")
    assert not ConsultingEngagement.objects.for_user(other).exists()
    assert not Factory.objects.for_user(other).exists()


# -- the audit conflict of interest (issue 16) -------------------------------------------------------------------


def _audit_with(world, auditor):
    assessment = make_assessment(world.area_a1, make_catalogue(), "external")
    on_team(assessment, auditor)
    return assessment


def test_an_auditor_who_consulted_a_factory_of_the_area_in_the_last_two_years_is_kept_off_its_audits(project):
    w = project
    auditor = make_auditor("consulting_auditor")
    w.project.team.create(name="ผู้ตรวจ", position="expert", user=auditor)
    assessment = _audit_with(w, auditor)
    assert Assessment.objects.for_user(auditor).filter(pk=assessment.pk).exists()
    engagement = make_engagement(w.project, auditor, w.factories[0])
    make_visit(engagement, 6, visited_on=timezone.localdate() - datetime.timedelta(days=400))
    assert not Assessment.objects.for_user(auditor).filter(pk=assessment.pk).exists()
    assert "consulted one of its factories in the last two years" in conflicts.reasons(auditor, assessment)


def test_consulting_more_than_two_years_ago_is_no_conflict(project):
    w = project
    auditor = make_auditor("former_consultant")
    w.project.team.create(name="ผู้ตรวจ", position="expert", user=auditor)
    assessment = _audit_with(w, auditor)
    engagement = make_engagement(w.project, auditor, w.factories[0])
    make_visit(engagement, 6, visited_on=conflict_since() - datetime.timedelta(days=1))
    assert Assessment.objects.for_user(auditor).filter(pk=assessment.pk).exists()
    assert conflicts.reasons(auditor, assessment) == []
    # Another auditor's consulting does not exclude this one.
    other = make_auditor("other_auditor")
    w.project.team.create(name="อื่น", position="expert", user=other)
    make_visit(make_engagement(w.project, other, w.factories[1]), 6, visited_on=timezone.localdate())
    assert Assessment.objects.for_user(auditor).filter(pk=assessment.pk).exists()


# -- figures for the upgrade report ------------------------------------------------------------------------------


def test_capacity_figures_count_an_areas_work_within_the_fiscal_years(project):
    w = project
    first, second, third, _fourth = w.factories
    make_training(w.project, [first, second], held_on=datetime.date(2025, 11, 1))  # FY 2569
    make_training(w.project, [third], held_on=datetime.date(2024, 11, 1))  # FY 2568
    make_study_visit(w.project, [first], visited_on=datetime.date(2026, 9, 30))  # last day of FY 2569
    make_study_visit(w.project, [second], visited_on=datetime.date(2026, 10, 1))  # FY 2570
    engagement = make_engagement(w.project, w.consultant_user, first)
    make_visit(engagement, 9, visited_on=datetime.date(2026, 1, 5))
    make_visit(engagement, 3, visited_on=datetime.date(2023, 1, 5))  # FY 2566
    ConsultingEngagement.objects.filter(pk=engagement.pk).update(report_issued_on=datetime.date(2026, 2, 1))
    make_training(make_project(w.area_b1), [make_factory(w.province_b)], held_on=datetime.date(2026, 1, 1))
    figures = progress.capacity_figures(w.area_a1, 2569, 2569)
    assert (figures.trainings, figures.factories_trained, figures.study_visits, figures.factories_visited) == (
        1,
        2,
        1,
        1,
    )
    assert (figures.man_days, figures.engagements, figures.reports) == (Decimal("1.50"), 1, 1)
    wider = progress.capacity_figures(w.area_a1, 2566, 2570)
    assert (wider.trainings, wider.factories_trained, wider.study_visits, wider.man_days) == (2, 3, 2, Decimal("2.00"))
