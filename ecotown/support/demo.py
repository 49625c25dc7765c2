"""Demo data for capacity building (`make run`): one upgrade project raising the Bang Kadi demo area toward level 2
that meets the seed's targets from its records — 32 factories trained, 30 on study visits, 65 consulting man-days
over 13 engagements with their reports issued — and deliverables in every state. Every record says it is demo data
and every name is invented. Idempotent."""

import datetime
from decimal import Decimal

from django.db import transaction

from ecotown.accounts.models import User
from ecotown.areas.models import Area
from ecotown.factories.models import Factory
from ecotown.support import choices, services
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

AREA = "pte-bang-kadi"
DEMO = "ข้อมูลสาธิต (demo data)"
TITLE = "โครงการยกระดับพื้นที่ประกอบการอุตสาหกรรมบางกะดีสู่เมืองอุตสาหกรรมเชิงนิเวศ ระดับ 2 (สาธิต)"
START = datetime.date(2025, 11, 1)
K, S = choices.DeliverableKind, choices.DeliverableStatus
# kind, due (days from the start), the state it has reached, DIW's comments when returned
DELIVERABLES = (
    (K.INCEPTION_REPORT, 30, S.ACCEPTED, ""),
    (K.DRAFT_ACTION_PLAN, 120, S.ACCEPTED, ""),
    (K.FACTORY_DATABASE, 150, S.ACCEPTED, ""),
    (K.FINAL_ACTION_PLAN, 240, S.RETURNED, "ขอให้เพิ่มตัวชี้วัดด้านการจัดการกากของเสียให้ครบทุกโครงการ"),
    (K.TRAINING, 270, S.SUBMITTED, ""),
    (K.STUDY_VISITS, 300, S.SUBMITTED, ""),
    (K.CONSULTING_REPORTS, 390, S.DRAFT, ""),
    (K.UPGRADE_REPORT, 420, S.DRAFT, ""),
)
FINDINGS = ("ยังไม่มีการแยกจัดเก็บกากของเสียอันตราย", "ไม่มีการบันทึกการใช้น้ำรายเดือน",
            "ยังไม่มีนโยบายความปลอดภัยเป็นลายลักษณ์อักษร", "ยังไม่ได้ประเมินความเสี่ยงสารเคมี")  # fmt: skip
ADVICE = ("จัดพื้นที่จัดเก็บกากของเสียอันตรายและขออนุญาต สก.2", "ติดตั้งมาตรวัดน้ำและบันทึกทุกเดือน",
          "จัดทำนโยบายความปลอดภัยและแต่งตั้งคณะกรรมการ", "จัดทำทะเบียนสารเคมีและแผนฉุกเฉิน")  # fmt: skip


@transaction.atomic
def seed_demo(**context) -> str:
    area = Area.objects.filter(code=AREA).first()
    factories = list(Factory.objects.filter(areas=area, is_demo=True).order_by("registration_number")) if area else []
    if len(factories) < 30:
        return "skipped: the Bang Kadi demo area needs 30 demo factories"
    if UpgradeProject.objects.filter(title=TITLE).exists():
        return "demo upgrade project already there"
    consultant = User.objects.filter(username="consultant").first()
    project = UpgradeProject.objects.create(
        title=TITLE, contract_number="สัญญาเลขที่ 99/2569 (สาธิต)", consultant_firm="สถาบันที่ปรึกษาตัวอย่าง (สาธิต)",
        area=area, target_level=2, starts_on=START, ends_on=START + datetime.timedelta(days=450), notes=DEMO,
    )  # fmt: skip
    ProjectTeamMember.objects.create(project=project, name="ดร.ปิยะ นิเวศน์", user=consultant,
                                     position=choices.TeamPosition.PROJECT_MANAGER)  # fmt: skip
    ProjectTeamMember.objects.create(project=project, name="นางสาวกานดา ใจงาม", position=choices.TeamPosition.EXPERT)
    for measure, value in choices.SEED_TARGETS.items():
        ProjectTarget.objects.create(project=project, measure=measure, value=value, source="ข้อ 5.3–5.6 (สาธิต)")
    _deliverables(project)
    _trainings(project, factories)
    _study_visits(project, factories)
    if consultant is not None:
        _consulting(project, consultant, factories[:13])
    return f"demo upgrade project for {AREA}: {len(factories)} factories trained"


def _deliverables(project):
    for kind, due, state, comments in DELIVERABLES:
        item = Deliverable.objects.create(project=project, kind=kind, due_on=START + datetime.timedelta(days=due),
                                          notes=DEMO)  # fmt: skip
        if state == S.DRAFT:
            continue
        services.submit(item, acting_user=None)
        if state == S.ACCEPTED:
            services.accept(item, acting_user=None)
        elif state == S.RETURNED:
            services.return_with_comments(item, acting_user=None, comments=comments)


def _trainings(project, factories):
    halves = (factories[: len(factories) // 2], factories[len(factories) // 2 :])
    topics = ("ระบบการจัดการสิ่งแวดล้อมและความปลอดภัยสำหรับโรงงาน", "CSR-DIW และอุตสาหกรรมสีเขียว")
    for index, (topic, group) in enumerate(zip(topics, halves, strict=True)):
        training = Training.objects.create(
            project=project, topic=topic, held_on=START + datetime.timedelta(days=160 + 30 * index),
            place="ห้องประชุมเทศบาลเมืองบางกะดี", trainers="ผู้เชี่ยวชาญของสถาบันที่ปรึกษาตัวอย่าง",
            materials="เอกสารประกอบการอบรม 40 หน้า", evaluation_score=Decimal("4.32") - index / Decimal(10), notes=DEMO,
        )  # fmt: skip
        TrainingAttendance.objects.bulk_create(
            TrainingAttendance(training=training, factory=factory, person_name=f"ผู้แทนโรงงาน {n + 1} (สาธิต)",
                               position="เจ้าหน้าที่สิ่งแวดล้อม")
            for n, factory in enumerate(group)
        )  # fmt: skip


def _study_visits(project, factories):
    for index, group in enumerate((factories[:15], factories[15:30])):
        visit = StudyVisit.objects.create(
            project=project, host_name="โรงงานต้นแบบอุตสาหกรรมสีเขียว ระดับ 4 (สาธิต)", place="จังหวัดระยอง",
            topics="การจัดการสิ่งแวดล้อม ความปลอดภัย และความรับผิดชอบต่อสังคม",
            visited_on=START + datetime.timedelta(days=220 + 14 * index), notes=DEMO,
        )  # fmt: skip
        StudyVisitParticipant.objects.bulk_create(
            StudyVisitParticipant(visit=visit, factory=factory, person_name=f"ผู้แทนโรงงาน {n + 1} (สาธิต)")
            for n, factory in enumerate(group)
        )


def _consulting(project, consultant, factories):
    topics = list(choices.ConsultingTopic.values)
    for index, factory in enumerate(factories):
        engagement = ConsultingEngagement.objects.create(
            project=project, consultant=consultant, factory=factory, notes=DEMO,
            topics=[topics[index % 5], choices.ConsultingTopic.CSR_DIW],
        )  # fmt: skip
        for visit in range(5):
            ConsultingVisit.objects.create(
                engagement=engagement, visited_on=START + datetime.timedelta(days=250 + 7 * visit + index),
                hours=Decimal(6), findings=FINDINGS[(index + visit) % 4], recommendations=ADVICE[(index + visit) % 4],
            )  # fmt: skip
        engagement.last_visit_on = engagement.visits.latest("visited_on").visited_on
        engagement.report_issued_on = engagement.last_visit_on + datetime.timedelta(days=7)
        engagement.save(update_fields=["last_visit_on", "report_issued_on"])
