"""Demo audits for `make run`, labelled demo: internal and external audits of every first-wave area over the last
two fiscal years, closed and certified by the committee at levels that differ between areas (1 to 3 mostly, one
level lower two years ago where there is room); this year every area's internal audit closed or under way and a few
external audits in progress with a major finding awaiting its corrective action; some earlier majors answered and
verified. Nothing is dated after today; a second run adds nothing."""

import datetime

from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from ecotown.accounts.models import User
from ecotown.areas.models import Area
from ecotown.audits import choices, readiness, services
from ecotown.audits.models import Assessment, AuditTeamMember, RequirementResult
from ecotown.core.dates import current_fiscal_year
from ecotown.criteria.versions import catalogue_for

DEMO = "ข้อมูลสาธิต (demo data)"
S, K = choices.AssessmentStatus, choices.AssessmentKind


# The level each area's results support (a minor nonconformity at gap_at keeps the area one level below it):
# mostly 1 to 3, the pilot areas higher; it rotates over the areas so that neighbours differ.
GAPS = (2, 3, 4, 3, 2, 4, None, 3, 2)


def seed_demo() -> str:
    if Assessment.objects.filter(notes=DEMO).exists():
        return "already present"
    this_year = current_fiscal_year()
    catalogue = catalogue_for(this_year)
    areas = _bang_kadi_first(list(Area.objects.order_by("code")))
    internal_auditor = User.objects.filter(username="auditor.bangkadi").first()
    central = User.objects.filter(username="auditor.external").first()
    if catalogue is None or len(areas) < 3 or central is None:
        return "skipped: no catalogue, areas or demo auditors"
    committee = _committee()
    meetings = {year: _meeting(committee, year) for year in (this_year - 2, this_year - 1)}
    for index, area in enumerate(areas):
        lead = internal_auditor if internal_auditor and area.code == "pte-bang-kadi" else central
        gap = GAPS[index % len(GAPS)]
        # The two closed fiscal years: an internal audit closed, then the external one certified by the committee.
        for year, meeting in meetings.items():
            # Two years ago one level lower where there is room: the areas progress.
            level_gap = gap if year == this_year - 1 or gap in (None, 2) else gap - 1
            _audit(area, catalogue, year, K.INTERNAL, lead, until=S.CLOSED, gap_at=level_gap)
            # Every third area had a major finding, answered and verified effective before the review.
            external = _audit(area, catalogue, year, K.EXTERNAL, central, until=S.REVIEWED, gap_at=level_gap,
                              verified_major=index % 3 == 1)  # fmt: skip
            _certify(external, meeting)
        # This year: every internal audit under way or closed; a few external audits in progress.
        partial = index % 4 == 3
        until = S.IN_PROGRESS if partial else S.CLOSED
        _audit(area, catalogue, this_year, K.INTERNAL, lead, until=until, gap_at=gap, partial=partial)
        if index % 6 == 0:
            external = _audit(area, catalogue, this_year, K.EXTERNAL, central, until=S.IN_PROGRESS, partial=True)
            _major_with_action(external)
    count = Assessment.objects.filter(notes=DEMO).count()
    return f"{count} audits"


def _bang_kadi_first(areas):
    bang_kadi = [area for area in areas if area.code == "pte-bang-kadi"]
    return bang_kadi + [area for area in areas if area.code != "pte-bang-kadi"]


def _audit(area, catalogue, year, kind, lead, *, until, gap_at=None, partial=False,
           verified_major=False) -> Assessment:  # fmt: skip
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
    gap_done, rows = False, []
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
        rows.append(RequirementResult(assessment=assessment, requirement=requirement, result=result, notes=DEMO))
    # In bulk (with their history): the demo records the team's results at once, not one form at a time.
    bulk_create_with_history(rows, RequirementResult, default_change_reason=DEMO)
    if verified_major:
        _major_with_action(assessment, verified=True)
    if until == S.IN_PROGRESS:
        return assessment
    services.submit_assessment(assessment, acting_user=None)
    services.review_assessment(assessment, acting_user=None)
    if until == S.CLOSED:
        services.close_assessment(assessment, acting_user=None)
    return assessment


def _major_with_action(assessment, *, verified=False) -> None:
    """A major nonconformity answered by the area; `verified`: verified effective (the finding closes)."""
    requirement = readiness.applicable_requirements(assessment)[-1]
    finding = services.record_finding(
        assessment, requirement=requirement, grade=choices.Grade.MAJOR, acting_user=None,
        statement=f"{DEMO}: ไม่พบบันทึกการติดตามผลตามแผน", objective_evidence="แฟ้มรายงานผลประจำไตรมาส",
        criterion=requirement.title_th,
    )  # fmt: skip
    due_on = timezone.localdate() + datetime.timedelta(days=45)
    if verified:
        due_on = min(assessment.ends_on + datetime.timedelta(days=45), timezone.localdate())
    corrective = services.propose_corrective_action(
        finding, root_cause="ไม่มีผู้รับผิดชอบการติดตามผล", action="แต่งตั้งคณะทำงานติดตามผลและรายงานทุกไตรมาส",
        responsible="ฝ่ายเลขานุการพื้นที่", due_on=due_on, acting_user=None,
    )  # fmt: skip
    if verified:
        services.verify_corrective_action(corrective, effective=True, acting_user=None, note=DEMO)


def _committee():
    from ecotown.engagement import choices as engagement
    from ecotown.engagement.models import Committee

    committee, _created = Committee.objects.get_or_create(
        kind=engagement.CommitteeKind.NATIONAL_EXPERT, notes=DEMO,
        defaults={"name_th": "คณะกรรมการผู้ทรงคุณวุฒิด้านเมืองอุตสาหกรรมเชิงนิเวศ (สาธิต)"},
    )  # fmt: skip
    return committee


def _meeting(committee, year):
    """The committee's meeting of `year` that certifies the year's reviewed external audits."""
    from ecotown.engagement import choices as engagement
    from ecotown.engagement import services as engagement_services

    when = timezone.make_aware(datetime.datetime(year - 543, 9, 10, 9, 30))
    meeting = engagement_services.schedule_meeting(committee, kind=engagement.MeetingKind.COMMITTEE, starts_at=when,
                                                   title="พิจารณาการรับรองเมืองอุตสาหกรรมเชิงนิเวศ", acting_user=None,
                                                   notes=DEMO)  # fmt: skip
    engagement_services.hold_meeting(meeting, acting_user=None)
    return meeting


def _certify(assessment, meeting) -> None:
    from ecotown.engagement import choices as engagement
    from ecotown.engagement import services as engagement_services

    engagement_services.record_resolution(
        meeting, kind=engagement.ResolutionKind.CERTIFY, outcome=engagement.ResolutionOutcome.APPROVED,
        text=f"รับรอง{assessment.area.name_th} ตามผลการตรวจประเมิน", subject=assessment, acting_user=None,
    )  # fmt: skip
    services.close_assessment(Assessment.objects.get(pk=assessment.pk), acting_user=None)
