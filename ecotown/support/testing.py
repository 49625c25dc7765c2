"""Test helpers for capacity building, and the permission matrix's sample records.

Samples (full world): project A1 raising area A1, with the `consultant` persona on its team; a draft and a
submitted deliverable; a training and a study visit with factory A1; an engagement of the consultant with factory
A1 and one visit. Project B1 raises area B1 with nobody's account on its team, and has a training and an
engagement of another consultant (`consultant_b`), out of the persona's reach.
"""

import datetime
from decimal import Decimal

from ecotown.accounts.choices import Role
from ecotown.accounts.testing import assign, make_user
from ecotown.support import choices
from ecotown.support.models import (
    ConsultingEngagement,
    ConsultingVisit,
    Deliverable,
    ProjectTarget,
    ProjectTeamMember,
    StudyVisit,
    StudyVisitParticipant,
    Training,
    TrainingAttendance,
    UpgradeProject,
)

START = datetime.date(2025, 10, 1)


def make_project(area, *, team=(), targets=True, **fields) -> UpgradeProject:
    fields.setdefault("title", f"โครงการยกระดับพื้นที่ {area.name_th}")
    fields.setdefault("consultant_firm", "บริษัท ที่ปรึกษาสิ่งแวดล้อม จำกัด")
    fields.setdefault("starts_on", START)
    fields.setdefault("ends_on", datetime.date(2026, 9, 30))
    project = UpgradeProject.objects.create(area=area, **fields)
    for user in team:
        ProjectTeamMember.objects.create(project=project, name=user.get_full_name() or user.username,
                                         position=choices.TeamPosition.CONSULTANT, user=user)  # fmt: skip
    if targets:
        for measure, value in choices.SEED_TARGETS.items():
            ProjectTarget.objects.create(project=project, measure=measure, value=value)
    return project


def make_consultant(name=None):
    user = make_user(name)
    assign(user, Role.CONSULTANT)
    return user


def make_training(project, factories=(), **fields) -> Training:
    fields.setdefault("topic", "ระบบการจัดการสิ่งแวดล้อม ISO 14001")
    fields.setdefault("held_on", START + datetime.timedelta(days=30))
    fields.setdefault("place", "ศาลากลางจังหวัด")
    fields.setdefault("trainers", "ผู้เชี่ยวชาญ")
    training = Training.objects.create(project=project, **fields)
    TrainingAttendance.objects.bulk_create(
        TrainingAttendance(training=training, factory=factory, person_name=f"ผู้เข้าอบรม {factory.pk}")
        for factory in factories
    )
    return training


def make_study_visit(project, factories=(), **fields) -> StudyVisit:
    fields.setdefault("topics", "การจัดการกากอุตสาหกรรม")
    fields.setdefault("host_name", "โรงงานต้นแบบ")
    fields.setdefault("visited_on", START + datetime.timedelta(days=60))
    visit = StudyVisit.objects.create(project=project, **fields)
    StudyVisitParticipant.objects.bulk_create(
        StudyVisitParticipant(visit=visit, factory=factory, person_name=f"ผู้ศึกษาดูงาน {factory.pk}")
        for factory in factories
    )
    return visit


def make_engagement(project, consultant, factory, *, hours=(), **fields) -> ConsultingEngagement:
    fields.setdefault("topics", [choices.ConsultingTopic.ENVIRONMENTAL_MANAGEMENT])
    engagement = ConsultingEngagement.objects.create(project=project, consultant=consultant, factory=factory, **fields)
    for index, spent in enumerate(hours):
        make_visit(engagement, spent, visited_on=START + datetime.timedelta(days=90 + index))
    return engagement


def make_visit(engagement, hours, **fields) -> ConsultingVisit:
    fields.setdefault("visited_on", START + datetime.timedelta(days=90))
    fields.setdefault("findings", "ไม่มีการแยกกากของเสียอันตราย")
    fields.setdefault("recommendations", "จัดพื้นที่จัดเก็บกากของเสียอันตรายแยกต่างหาก")
    visit = ConsultingVisit.objects.create(engagement=engagement, hours=Decimal(str(hours)), **fields)
    last = max(engagement.last_visit_on or visit.visited_on, visit.visited_on)
    ConsultingEngagement.objects.filter(pk=engagement.pk).update(last_visit_on=last)
    engagement.last_visit_on = last
    return visit


def add_samples(world) -> None:
    consultant = world.users.get("consultant")
    world.upgrade_a1 = make_project(world.area_a1, team=[consultant] if consultant else [])
    world.deliverable_a1 = Deliverable.objects.create(project=world.upgrade_a1, due_on=datetime.date(2026, 1, 31),
                                                      kind=choices.DeliverableKind.INCEPTION_REPORT)  # fmt: skip
    world.submitted_deliverable_a1 = Deliverable.objects.create(
        project=world.upgrade_a1, kind=choices.DeliverableKind.DRAFT_ACTION_PLAN, due_on=datetime.date(2026, 3, 31),
        status=choices.DeliverableStatus.SUBMITTED, submitted_on=datetime.date(2026, 3, 1),
    )  # fmt: skip
    world.training_a1 = make_training(world.upgrade_a1, [world.factory_a1])
    world.study_visit_a1 = make_study_visit(world.upgrade_a1, [world.factory_a1])
    if consultant:
        world.engagement_a1 = make_engagement(world.upgrade_a1, consultant, world.factory_a1, hours=[6])
        world.visit_a1 = world.engagement_a1.visits.get()
    world.upgrade_b1 = make_project(world.area_b1)
    world.users["consultant_b"] = consultant_b = make_consultant("consultant_b")
    ProjectTeamMember.objects.create(project=world.upgrade_b1, name="ที่ปรึกษา บี", position="consultant",
                                     user=consultant_b)  # fmt: skip
    world.deliverable_b1 = Deliverable.objects.create(project=world.upgrade_b1, due_on=datetime.date(2026, 1, 31),
                                                      kind=choices.DeliverableKind.INCEPTION_REPORT)  # fmt: skip
    world.training_b1 = make_training(world.upgrade_b1, [world.factory_b1])
    world.study_visit_b1 = make_study_visit(world.upgrade_b1, [world.factory_b1])
    world.engagement_b1 = make_engagement(world.upgrade_b1, consultant_b, world.factory_b1, hours=[3])
    world.visit_b1 = world.engagement_b1.visits.get()
