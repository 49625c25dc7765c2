"""Test helpers for audits, and the permission matrix's sample records.

Samples (full world): area A1's internal audit of FY 2569 in progress, led by `auditor_a1`, with a result, a
major finding on G1-01 and the secretariat's corrective action; A1's external audit planned with
`external_auditor` on its team; B1's internal audit; a certificate of A1. Two more auditors: `auditor_free`
(an auditor on no team) and `auditor_excluded` (on A1's team records, but sitting on A1's area committee).
"""

import datetime

from django.utils import timezone

from ecotown.accounts.choices import Role
from ecotown.accounts.testing import assign, make_user
from ecotown.audits import choices
from ecotown.audits.models import Assessment, AuditTeamMember, CorrectiveAction, Finding, RequirementResult


def make_assessment(area, catalogue, kind=choices.AssessmentKind.INTERNAL, *, fiscal_year=2569,
                    status=choices.AssessmentStatus.PLANNED, **fields) -> Assessment:  # fmt: skip
    fields.setdefault("starts_on", datetime.date(2026, 6, 1))
    fields.setdefault("ends_on", datetime.date(2026, 6, 3))
    return Assessment.objects.create(area=area, catalogue=catalogue, kind=kind, fiscal_year=fiscal_year,
                                     status=status, **fields)  # fmt: skip


def make_auditor(name=None, role=Role.EXTERNAL_AUDITOR, area=None):
    user = make_user(name)
    assign(user, role, area)
    return user


def on_team(assessment, user, role=choices.TeamRole.AUDITOR) -> AuditTeamMember:
    return AuditTeamMember.objects.create(assessment=assessment, user=user, role=role)


def make_result(assessment, requirement, result=choices.Result.CONFORM, **fields) -> RequirementResult:
    return RequirementResult.objects.create(assessment=assessment, requirement=requirement, result=result, **fields)


def make_finding(assessment, requirement, grade=choices.Grade.MAJOR, **fields) -> Finding:
    fields.setdefault("statement", "ไม่มีบันทึกการติดตามคุณภาพน้ำทิ้ง")
    fields.setdefault("objective_evidence", "ตรวจสอบแฟ้มบันทึก ม.ค.–มี.ค. 2569")
    fields.setdefault("criterion", requirement.title_th)
    if grade not in choices.NONCONFORMITIES:
        fields.setdefault("status", choices.FindingStatus.CLOSED)
    return Finding.objects.create(assessment=assessment, requirement=requirement, grade=grade, **fields)


def make_action(finding, **fields) -> CorrectiveAction:
    fields.setdefault("root_cause", "ไม่มีผู้รับผิดชอบบันทึก")
    fields.setdefault("action", "แต่งตั้งผู้รับผิดชอบและบันทึกทุกเดือน")
    fields.setdefault("responsible", "ฝ่ายเลขานุการพื้นที่")
    fields.setdefault("due_on", timezone.localdate() + datetime.timedelta(days=30))
    return CorrectiveAction.objects.create(finding=finding, **fields)


def add_samples(world) -> None:
    from ecotown.engagement.testing import make_member

    S = choices.AssessmentStatus
    world.assessment_a1 = make_assessment(world.area_a1, world.catalogue, status=S.IN_PROGRESS)
    on_team(world.assessment_a1, world.auditor_a1, choices.TeamRole.LEAD)
    world.result_a1 = make_result(world.assessment_a1, world.requirement)
    world.finding_a1 = make_finding(world.assessment_a1, world.requirement)
    world.action_a1 = make_action(world.finding_a1)
    world.external_a1 = make_assessment(world.area_a1, world.catalogue, choices.AssessmentKind.EXTERNAL)
    on_team(world.external_a1, world.external_auditor, choices.TeamRole.LEAD)
    world.assessment_b1 = make_assessment(world.area_b1, world.catalogue, status=S.IN_PROGRESS)
    world.result_b1 = make_result(world.assessment_b1, world.requirement)
    world.finding_b1 = make_finding(world.assessment_b1, world.requirement, choices.Grade.MINOR)
    world.action_b1 = make_action(world.finding_b1)
    world.users["auditor_free"] = make_auditor("auditor_free")
    world.users["auditor_excluded"] = excluded = make_auditor("auditor_excluded")
    make_member(world.committee_a1, "ผู้ตรวจ ที่มีส่วนได้เสีย", user=excluded)
    # Put on the team before the conflict was known: the scope engine still keeps them out.
    on_team(world.external_a1, excluded)
    world.minor_a1 = make_finding(world.assessment_a1, world.requirement, choices.Grade.MINOR)
    world.next_a1 = make_assessment(world.area_a1, world.catalogue, fiscal_year=2570)
    world.lead_next_a1 = on_team(world.next_a1, world.auditor_a1, choices.TeamRole.LEAD)
    world.certificate_a1 = make_certificate(world)


def make_certificate(world, level=1, assessment=None, **fields):
    from ecotown.audits.models import Certificate
    from ecotown.criteria.testing import make_level
    from ecotown.engagement import choices as engagement
    from ecotown.engagement import services
    from ecotown.engagement.testing import make_committee, make_meeting

    expert = make_committee(engagement.CommitteeKind.NATIONAL_EXPERT, name_th="คณะกรรมการผู้เชี่ยวชาญ")
    meeting = make_meeting(expert, topics=[engagement.Topic.CERTIFICATION])
    resolution = services.record_resolution(
        meeting, kind=engagement.ResolutionKind.CERTIFY, outcome=engagement.ResolutionOutcome.APPROVED,
        text="รับรองระดับ 1", acting_user=None,
    )  # fmt: skip
    fields.setdefault("valid_from", timezone.localdate() - datetime.timedelta(days=10))
    fields.setdefault("valid_until", timezone.localdate() + datetime.timedelta(days=300))
    serial = Certificate.objects.filter(year_be=2569).count() + 1
    return Certificate.objects.create(
        number=f"EIT-2569-{serial:04d}", year_be=2569, serial=serial, area=world.area_a1,
        assessment=assessment or world.external_a1, resolution=resolution, level=make_level(world.catalogue, level),
        **fields,
    )  # fmt: skip
