"""Demo audits for `make run`, labelled demo: over the last two fiscal years, internal and external audits of
three first-wave areas with findings, corrective actions and certificates at different levels —
Bang Kadi certified last year and, this year, its internal audit closed and the external one in progress with a
major finding; a second area certified one level lower; a third with its internal audit in progress."""

import datetime

from django.utils import timezone

from ecotown.accounts.models import User
from ecotown.areas.models import Area
from ecotown.audits import choices, readiness, services
from ecotown.audits.models import Assessment, AuditTeamMember
from ecotown.core.dates import current_fiscal_year
from ecotown.criteria.versions import catalogue_for

DEMO = "ข้อมูลสาธิต (demo data)"
S, K = choices.AssessmentStatus, choices.AssessmentKind


def seed_demo() -> str:
    if Assessment.objects.filter(notes=DEMO).exists():
        return "already present"
    this_year = current_fiscal_year()
    catalogue = catalogue_for(this_year)
    areas = list(Area.objects.order_by("code")[:3])
    internal_auditor = User.objects.filter(username="auditor.bangkadi").first()
    central = User.objects.filter(username="auditor.external").first()
    if catalogue is None or len(areas) < 3 or central is None:
        return "skipped: no catalogue, areas or demo auditors"
    first, second, third = _bang_kadi_first(areas)
    lead = internal_auditor if internal_auditor and first.code == "pte-bang-kadi" else central
    last_year = this_year - 1
    # Bang Kadi: certified last year at the level every result supports; this year's external audit follows.
    _audit(first, catalogue, last_year, K.INTERNAL, lead, until=S.CLOSED)
    _certify(_audit(first, catalogue, last_year, K.EXTERNAL, central, until=S.REVIEWED), last_year)
    _audit(first, catalogue, this_year, K.INTERNAL, lead, until=S.CLOSED)
    external = _audit(first, catalogue, this_year, K.EXTERNAL, central, until=S.IN_PROGRESS)
    _major_with_action(external)
    # A second area: one nonconformity at level 2 keeps it at level 1.
    _audit(second, catalogue, last_year, K.INTERNAL, central, until=S.CLOSED, gap_at=2)
    _certify(_audit(second, catalogue, last_year, K.EXTERNAL, central, until=S.REVIEWED, gap_at=2), last_year)
    # A third area: its internal audit is under way.
    _audit(third, catalogue, this_year, K.INTERNAL, central, until=S.IN_PROGRESS, partial=True)
    count = Assessment.objects.filter(notes=DEMO).count()
    return f"{count} audits"


def _bang_kadi_first(areas):
    bang_kadi = Area.objects.filter(code="pte-bang-kadi").first()
    if bang_kadi is None:
        return areas
    others = list(Area.objects.exclude(pk=bang_kadi.pk).order_by("code")[:2])
    return [bang_kadi, *others]


def _audit(area, catalogue, year, kind, lead, *, until, gap_at=None, partial=False) -> Assessment:
    start = datetime.date(year - 543, 6, 1) if kind == K.INTERNAL else datetime.date(year - 543, 8, 1)
    if year == current_fiscal_year():
        # This year's audits happened in the last weeks, never in the future (a closed audit dated next June).
        days_ago = 30 if kind == K.INTERNAL else 5
        start = max(timezone.localdate() - datetime.timedelta(days=days_ago), datetime.date(year - 544, 10, 1))
    assessment = Assessment.objects.create(
        area=area, catalogue=catalogue, fiscal_year=year, kind=kind, level_applied_for=2, starts_on=start,
        ends_on=start + datetime.timedelta(days=2), places=f"สำนักงาน{area.name_th}", notes=DEMO,
        agenda="ประชุมเปิด · ตรวจเอกสารและพื้นที่ · สัมภาษณ์ผู้เกี่ยวข้อง · ประชุมปิด",
    )  # fmt: skip
    AuditTeamMember.objects.create(assessment=assessment, user=lead, role=choices.TeamRole.LEAD)
    services.start_assessment(assessment, acting_user=None)
    requirements = readiness.applicable_requirements(assessment)
    if partial:
        requirements = requirements[: len(requirements) // 2]
    gap_done = False
    for requirement in requirements:
        level = requirement.level.number if requirement.level_id else 0
        result = choices.Result.CONFORM
        if gap_at is not None and level == gap_at and not gap_done:
            result, gap_done = choices.Result.NONCONFORM, True
            services.record_finding(
                assessment, requirement=requirement, grade=choices.Grade.MINOR, acting_user=None,
                statement=f"{DEMO}: ยังไม่มีหลักฐานการดำเนินการครบตามข้อกำหนด", objective_evidence="ตรวจเอกสาร",
                criterion=requirement.title_th,
            )  # fmt: skip
        services.record_result(assessment, requirement, result=result, acting_user=None, notes=DEMO)
    if until == S.IN_PROGRESS:
        return assessment
    services.submit_assessment(assessment, acting_user=None)
    services.review_assessment(assessment, acting_user=None)
    if until == S.CLOSED:
        services.close_assessment(assessment, acting_user=None)
    return assessment


def _major_with_action(assessment) -> None:
    requirement = readiness.applicable_requirements(assessment)[-1]
    finding = services.record_finding(
        assessment, requirement=requirement, grade=choices.Grade.MAJOR, acting_user=None,
        statement=f"{DEMO}: ไม่พบบันทึกการติดตามผลตามแผน", objective_evidence="แฟ้มรายงานผลประจำไตรมาส",
        criterion=requirement.title_th,
    )  # fmt: skip
    services.propose_corrective_action(
        finding, root_cause="ไม่มีผู้รับผิดชอบการติดตามผล", action="แต่งตั้งคณะทำงานติดตามผลและรายงานทุกไตรมาส",
        responsible="ฝ่ายเลขานุการพื้นที่", due_on=timezone.localdate() + datetime.timedelta(days=45), acting_user=None,
    )  # fmt: skip


def _certify(assessment, year) -> None:
    from ecotown.engagement import choices as engagement
    from ecotown.engagement import services as engagement_services
    from ecotown.engagement.models import Committee

    committee, _created = Committee.objects.get_or_create(
        kind=engagement.CommitteeKind.NATIONAL_EXPERT, notes=DEMO,
        defaults={"name_th": "คณะกรรมการผู้ทรงคุณวุฒิด้านเมืองอุตสาหกรรมเชิงนิเวศ (สาธิต)"},
    )  # fmt: skip
    when = timezone.make_aware(datetime.datetime(year - 543, 9, 10, 9, 30))
    meeting = engagement_services.schedule_meeting(committee, kind=engagement.MeetingKind.COMMITTEE, starts_at=when,
                                                   title="พิจารณาการรับรองเมืองอุตสาหกรรมเชิงนิเวศ", acting_user=None,
                                                   notes=DEMO)  # fmt: skip
    engagement_services.hold_meeting(meeting, acting_user=None)
    engagement_services.record_resolution(
        meeting, kind=engagement.ResolutionKind.CERTIFY, outcome=engagement.ResolutionOutcome.APPROVED,
        text=f"รับรอง{assessment.area.name_th} ตามผลการตรวจประเมิน", subject=assessment, acting_user=None,
    )  # fmt: skip
    services.close_assessment(Assessment.objects.get(pk=assessment.pk), acting_user=None)
