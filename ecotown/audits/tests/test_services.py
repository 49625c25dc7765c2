"""The audit cycle through its services: team and conflicts of interest, states, results with optimistic
locking, findings and corrective actions, the level, and certification by the expert committee."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from ecotown.accounts.choices import Role
from ecotown.areas.choices import AreaStatus
from ecotown.audits import choices, conflicts, readiness, services
from ecotown.audits.models import Assessment, Certificate, Finding, RequirementResult
from ecotown.audits.testing import make_assessment, make_auditor, on_team
from ecotown.core.evidence import attach_file
from ecotown.criteria.choices import RequirementKind
from ecotown.criteria.testing import make_catalogue, make_requirement
from ecotown.engagement import choices as engagement
from ecotown.engagement import services as engagement_services
from ecotown.engagement.testing import make_committee, make_meeting, make_member

pytestmark = pytest.mark.django_db
S, K, T = choices.AssessmentStatus, choices.AssessmentKind, choices.TeamRole
DUE = datetime.date(2026, 12, 31)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def audit(world):
    """Area A1's catalogue (one basic, one level-1 and one level-2 requirement) and its internal audit led by
    auditor_a1, in progress."""
    catalogue = make_catalogue()
    world.basic = make_requirement(catalogue, "B1", kind=RequirementKind.BASIC, level=None)
    world.g1 = make_requirement(catalogue, "G1-01", level=1)
    world.g2 = make_requirement(catalogue, "G2-01", level=2)
    world.catalogue = catalogue
    world.internal = make_assessment(world.area_a1, catalogue)
    on_team(world.internal, world.auditor_a1, T.LEAD)
    services.start_assessment(world.internal, acting_user=world.auditor_a1)
    return world


def record_all(world, assessment, user, **overrides):
    for requirement in (world.basic, world.g1, world.g2):
        result = overrides.get(requirement.code, "conform")
        services.record_result(assessment, requirement, result=result, acting_user=user)


def reachable(user, assessment) -> bool:
    return Assessment.objects.filter(pk=assessment.pk).for_user(user).exists()


# -- the team and conflicts of interest -------------------------------------------------------------------------


def test_auditors_reach_only_the_assessments_of_their_teams(audit):
    other = make_auditor()
    assert reachable(audit.auditor_a1, audit.internal)
    assert not reachable(other, audit.internal)
    assert reachable(audit.officer_a, audit.internal)
    assert reachable(audit.secretary_a1, audit.internal)
    assert not reachable(audit.officer_b, audit.internal)


@pytest.mark.parametrize("place", ["area", "province"])
def test_an_auditor_on_a_committee_of_the_area_or_its_province_is_refused_with_the_reason(audit, place):
    auditor = make_auditor()
    committee = make_committee(area=audit.area_a1) if place == "area" else make_committee(
        engagement.CommitteeKind.PROVINCIAL, province=audit.province_a)  # fmt: skip
    make_member(committee, "ผู้ตรวจ", user=auditor)
    with pytest.raises(ValidationError) as refused:
        services.add_team_member(audit.internal, auditor, role=T.AUDITOR, acting_user=audit.officer_a)
    expected = "sits on a committee of the area" + ("'s province" if place == "province" else "")
    assert expected in str(refused.value)
    assert not audit.internal.team.filter(user=auditor).exists()


def test_the_scope_engine_keeps_out_a_conflicted_auditor_already_on_the_team(audit):
    auditor = make_auditor()
    services.add_team_member(audit.internal, auditor, role=T.AUDITOR, acting_user=audit.officer_a)
    assert reachable(auditor, audit.internal)
    make_member(make_committee(area=audit.area_a1), "ผู้ตรวจ", user=auditor)
    assert not reachable(auditor, audit.internal)
    with pytest.raises(PermissionDenied):
        services.record_result(audit.internal, audit.g1, result="conform", acting_user=auditor)


def test_a_declared_conflict_keeps_the_auditor_off(audit):
    from ecotown.audits.models import AuditorConflict

    auditor = make_auditor()
    AuditorConflict.objects.create(user=auditor, area=audit.area_a1, reason="ที่ปรึกษาโรงงาน ก. ปี 2568")
    with pytest.raises(ValidationError, match="declared a conflict"):
        services.add_team_member(audit.internal, auditor, role=T.AUDITOR, acting_user=audit.officer_a)


def test_other_apps_register_conflict_rules_as_paths_with_their_reason(audit, monkeypatch):
    auditor = make_auditor()
    monkeypatch.setattr(conflicts, "_reasons", dict(conflicts._reasons))
    for role in ("internal_auditor", "external_auditor"):
        monkeypatch.setitem(Assessment.scope.exclude, role, list(Assessment.scope.exclude[role]))
    conflicts.register("area__province__areas__assessments__team__user", "ตรวจพื้นที่อื่นในจังหวัดเดียวกัน")
    services.add_team_member(make_assessment(audit.area_a2, audit.catalogue), auditor, role=T.AUDITOR,
                             acting_user=audit.officer_a)  # fmt: skip
    assert "ตรวจพื้นที่อื่นในจังหวัดเดียวกัน" in conflicts.reasons(auditor, audit.internal)


def test_only_auditors_join_a_team_and_only_central_auditors_an_external_audit(audit):
    with pytest.raises(ValidationError, match="does not hold an auditor role"):
        services.add_team_member(audit.internal, audit.secretary_a1, role=T.AUDITOR, acting_user=audit.officer_a)
    external = make_assessment(audit.area_a1, audit.catalogue, K.EXTERNAL)
    with pytest.raises(ValidationError, match="does not hold an auditor role"):
        services.add_team_member(external, audit.auditor_a1, role=T.AUDITOR, acting_user=audit.diw_admin)


def test_the_province_plans_internal_audits_and_diw_external_ones(audit):
    external = make_assessment(audit.area_a1, audit.catalogue, K.EXTERNAL)
    with pytest.raises(PermissionDenied):
        services.add_team_member(external, make_auditor(), role=T.AUDITOR, acting_user=audit.officer_a)
    with pytest.raises(PermissionDenied):
        services.add_team_member(audit.internal, make_auditor(), role=T.AUDITOR, acting_user=audit.officer_b)


# -- the audit cycle --------------------------------------------------------------------------------------------


def test_the_cycle_runs_planned_to_closed_with_the_acting_user_in_history(audit):
    record_all(audit, audit.internal, audit.auditor_a1)
    services.submit_assessment(audit.internal, acting_user=audit.auditor_a1)
    services.review_assessment(audit.internal, acting_user=audit.officer_a)
    services.close_assessment(audit.internal, acting_user=audit.officer_a)
    steps = list(audit.internal.history.order_by("history_date").values_list("status", "history_user__username"))
    assert steps[-4:] == [("in_progress", "auditor_a1"), ("submitted", "auditor_a1"), ("reviewed", "officer_a"),
                          ("closed", "officer_a")]  # fmt: skip
    assert Assessment.objects.get(pk=audit.internal.pk).recommended_level == 2


def test_a_report_is_submitted_only_with_every_result_and_by_the_lead(audit):
    with pytest.raises(ValidationError, match="B1, G1-01, G2-01"):
        services.submit_assessment(audit.internal, acting_user=audit.auditor_a1)
    helper = make_auditor(role=Role.INTERNAL_AUDITOR, area=audit.area_a1)
    on_team(audit.internal, helper)
    record_all(audit, audit.internal, helper)
    with pytest.raises(PermissionDenied):
        services.submit_assessment(audit.internal, acting_user=helper)


def test_an_external_audit_starts_only_after_the_internal_audit_of_the_year_is_closed(audit):
    external = make_assessment(audit.area_a1, audit.catalogue, K.EXTERNAL)
    on_team(external, audit.external_auditor, T.LEAD)
    with pytest.raises(ValidationError, match="after the internal audit of fiscal year 2569 is closed"):
        services.start_assessment(external, acting_user=audit.external_auditor)
    Assessment.objects.filter(pk=audit.internal.pk).update(status=S.CLOSED)
    services.start_assessment(external, acting_user=audit.external_auditor)
    assert external.status == S.IN_PROGRESS


def test_an_audit_starts_only_with_a_lead_auditor(audit):
    planned = make_assessment(audit.area_a2, audit.catalogue)
    with pytest.raises(ValidationError, match="lead auditor"):
        services.start_assessment(planned, acting_user=audit.diw_admin)


def test_observers_record_and_verify_nothing(audit):
    observer = make_auditor(role=Role.INTERNAL_AUDITOR, area=audit.area_a1)
    on_team(audit.internal, observer, T.OBSERVER)
    assert reachable(observer, audit.internal)
    with pytest.raises(PermissionDenied):
        services.record_result(audit.internal, audit.g1, result="conform", acting_user=observer)
    action = services.propose_corrective_action(major_on_g2(audit), root_cause="x", action="y", responsible="z",
                                                due_on=DUE, acting_user=audit.secretary_a1)  # fmt: skip
    with pytest.raises(PermissionDenied):
        services.verify_corrective_action(action, effective=True, acting_user=observer)


# -- results: optimistic locking --------------------------------------------------------------------------------


def test_two_auditors_cannot_overwrite_each_other_silently(audit):
    colleague = make_auditor(role=Role.INTERNAL_AUDITOR, area=audit.area_a1)
    on_team(audit.internal, colleague)
    first = services.record_result(audit.internal, audit.g1, result="conform", acting_user=audit.auditor_a1,
                                   revision=0)  # fmt: skip
    seen = first.revision
    services.record_result(audit.internal, audit.g1, result="nonconform", acting_user=colleague, revision=seen)
    with pytest.raises(services.StaleRecord) as refused:
        services.record_result(audit.internal, audit.g1, result="conform", acting_user=audit.auditor_a1,
                               revision=seen)  # fmt: skip
    assert "now “Does not conform”" in str(refused.value)
    assert RequirementResult.objects.get(assessment=audit.internal, requirement=audit.g1).result == "nonconform"


def test_a_result_created_meanwhile_is_not_overwritten_by_a_first_save(audit):
    services.record_result(audit.internal, audit.g1, result="nonconform", acting_user=audit.auditor_a1, revision=0)
    with pytest.raises(services.StaleRecord):
        services.record_result(audit.internal, audit.g1, result="conform", acting_user=audit.auditor_a1, revision=0)


def test_not_applicable_needs_a_reason_and_the_requirement_must_apply(audit):
    with pytest.raises(ValidationError, match="does not apply"):
        services.record_result(audit.internal, audit.basic, result="not_applicable", acting_user=audit.auditor_a1)
    specific = make_requirement(audit.catalogue, "S2-01", kind=RequirementKind.SPECIFIC, level=2)
    with pytest.raises(ValidationError, match="does not apply to the area"):
        services.record_result(audit.internal, specific, result="conform", acting_user=audit.auditor_a1)


# -- findings, corrective actions and the level -----------------------------------------------------------------


def major_on_g2(world):
    return services.record_finding(world.internal, requirement=world.g2, grade=choices.Grade.MAJOR,
                                   statement="ไม่มีแผนจัดการกากของเสีย", objective_evidence="เอกสาร ก.",
                                   criterion="ข้อ G2-01", acting_user=world.auditor_a1)  # fmt: skip


def test_an_open_major_blocks_its_level_until_its_corrective_action_is_verified_effective(audit):
    record_all(audit, audit.internal, audit.auditor_a1)
    finding = major_on_g2(audit)
    assert readiness.decision_for(audit.internal).level == 1
    action = services.propose_corrective_action(
        finding, root_cause="ไม่มีผู้รับผิดชอบ", action="แต่งตั้งคณะทำงาน", responsible="เลขานุการพื้นที่",
        due_on=datetime.date(2026, 12, 31), acting_user=audit.secretary_a1,
    )  # fmt: skip
    services.verify_corrective_action(action, effective=False, note="ยังไม่ดำเนินการ", acting_user=audit.auditor_a1)
    assert Finding.objects.get(pk=finding.pk).status == "open"
    again = services.propose_corrective_action(
        finding, root_cause="ไม่มีผู้รับผิดชอบ", action="จัดทำแผนแล้ว", responsible="เลขานุการพื้นที่",
        due_on=datetime.date(2026, 12, 31), acting_user=audit.secretary_a1,
    )  # fmt: skip
    services.verify_corrective_action(again, effective=True, note="ตรวจแผนแล้ว", acting_user=audit.auditor_a1)
    assert Finding.objects.get(pk=finding.pk).status == "closed"
    assert readiness.decision_for(audit.internal).level == 2
    assert again.verified_by == audit.auditor_a1


def test_the_area_answers_and_the_team_verifies_not_the_other_way_round(audit):
    finding = major_on_g2(audit)
    with pytest.raises(PermissionDenied):
        services.propose_corrective_action(finding, root_cause="x", action="y", responsible="z",
                                           due_on=DUE, acting_user=audit.auditor_a1)  # fmt: skip
    action = services.propose_corrective_action(finding, root_cause="x", action="y", responsible="z",
                                                due_on=DUE, acting_user=audit.secretary_a1)  # fmt: skip
    with pytest.raises(PermissionDenied):
        services.verify_corrective_action(action, effective=True, acting_user=audit.secretary_a1)


def test_observations_need_no_corrective_action(audit):
    finding = services.record_finding(audit.internal, requirement=audit.g1, grade=choices.Grade.OBSERVATION,
                                      statement="ควรปรับปรุงแบบฟอร์ม", objective_evidence="-", criterion="-",
                                      acting_user=audit.auditor_a1)  # fmt: skip
    with pytest.raises(ValidationError, match="Only an open nonconformity"):
        services.propose_corrective_action(finding, root_cause="x", action="y", responsible="z",
                                           due_on=DUE, acting_user=audit.secretary_a1)  # fmt: skip


def test_the_gap_to_the_next_level_names_findings_overdue_actions_and_missing_evidence(audit):
    record_all(audit, audit.internal, audit.auditor_a1)
    finding = major_on_g2(audit)
    services.propose_corrective_action(finding, root_cause="x", action="y", responsible="z",
                                       due_on=datetime.date(2020, 1, 1), acting_user=audit.secretary_a1)  # fmt: skip
    gap = readiness.gap_to_next_level(audit.internal)
    assert gap.decision.level == 1
    [only] = gap.gaps
    assert (only.requirement.code, only.reasons, only.missing_evidence) == ("G2-01", ("open_major",), True)
    assert only.open_findings == [finding]
    assert len(only.overdue_actions) == 1


def test_evidence_from_last_year_is_reused_once_and_says_so(audit):
    last_year = make_assessment(audit.area_a1, audit.catalogue, fiscal_year=2568, status=S.CLOSED)
    old = RequirementResult.objects.create(assessment=last_year, requirement=audit.g1, result="conform")
    attach_file(old, SimpleUploadedFile("บันทึก.pdf", PDF), acting_user=audit.auditor_a1)
    result = services.record_result(audit.internal, audit.g1, result="conform", acting_user=audit.auditor_a1)
    added = services.reuse_evidence(result, acting_user=audit.auditor_a1)
    assert len(added) == 1
    assert "reused from" in added[0].title
    assert added[0].file_id == old.evidence.get().file_id
    assert services.reuse_evidence(result, acting_user=audit.auditor_a1) == []


# -- certification ----------------------------------------------------------------------------------------------


@pytest.fixture
def reviewed_external(audit):
    Assessment.objects.filter(pk=audit.internal.pk).update(status=S.CLOSED)
    external = make_assessment(audit.area_a1, audit.catalogue, K.EXTERNAL)
    on_team(external, audit.external_auditor, T.LEAD)
    services.start_assessment(external, acting_user=audit.external_auditor)
    record_all(audit, external, audit.external_auditor)
    services.submit_assessment(external, acting_user=audit.external_auditor)
    services.review_assessment(external, acting_user=audit.diw_admin)
    audit.external = external
    return audit


def certify_by_resolution(world, committee_kind=engagement.CommitteeKind.NATIONAL_EXPERT, *, when=None):
    committee = make_committee(committee_kind, area=world.area_a1 if committee_kind == "area" else None)
    meeting = make_meeting(committee, when=when)
    return engagement_services.record_resolution(
        meeting, kind=engagement.ResolutionKind.CERTIFY, outcome=engagement.ResolutionOutcome.APPROVED,
        text="รับรองระดับ 2", subject=world.external, acting_user=world.diw_admin,
    )  # fmt: skip


def test_the_expert_committees_resolution_certifies_the_level_and_numbers_the_certificate(reviewed_external):
    world = reviewed_external
    certify_by_resolution(world)
    certificate = Certificate.objects.get(area=world.area_a1)
    assert (certificate.number, certificate.level.number, certificate.state) == ("EIT-2569-0001", 2, "valid")
    assert certificate.valid_until == datetime.date(2027, 9, 30)  # the end of FY 2570
    world.area_a1.refresh_from_db()
    assert (world.area_a1.status, world.area_a1.certified_level) == (AreaStatus.CERTIFIED, 2)


def test_validity_is_configurable(reviewed_external, settings):
    settings.CERTIFICATE_VALID_FISCAL_YEARS = 2
    certify_by_resolution(reviewed_external)
    assert Certificate.objects.get().valid_until == datetime.date(2028, 9, 30)


def test_another_committee_certifies_nothing_and_its_resolution_is_not_recorded(reviewed_external):
    from ecotown.engagement.models import Resolution

    with pytest.raises(ValidationError, match="national expert committee"):
        certify_by_resolution(reviewed_external, engagement.CommitteeKind.AREA)
    assert not Certificate.objects.exists()
    assert not Resolution.objects.filter(text="รับรองระดับ 2").exists()


def test_a_major_opened_after_the_review_stops_the_certificate(reviewed_external):
    world = reviewed_external
    Finding.objects.create(assessment=world.internal, requirement=world.g2, grade="major", statement="x",
                           objective_evidence="y", criterion="z")  # fmt: skip
    with pytest.raises(ValidationError, match="now supports level 1"):
        certify_by_resolution(world)


def test_a_number_taken_by_a_concurrent_issue_is_retried(reviewed_external, monkeypatch):
    from ecotown.audits.testing import make_certificate

    world = reviewed_external
    # EIT-2569-0001, issued by a colleague after our read of the last number:
    make_certificate(world, assessment=world.external)
    reads = []
    real = services.last_serial

    def stale_first(year):
        reads.append(year)
        return 0 if len(reads) == 1 else real(year)

    monkeypatch.setattr(services, "last_serial", stale_first)
    certify_by_resolution(world)
    assert len(reads) == 2
    assert sorted(Certificate.objects.values_list("number", flat=True)) == ["EIT-2569-0001", "EIT-2569-0002"]


def test_suspending_the_certificate_lapses_the_area_and_reinstating_restores_it(reviewed_external):
    world = reviewed_external
    certify_by_resolution(world)
    certificate = Certificate.objects.get()
    services.change_certificate(certificate, "suspend", acting_user=world.diw_admin, reason="ข้อร้องเรียนกลิ่น")
    world.area_a1.refresh_from_db()
    assert (certificate.state, world.area_a1.status, world.area_a1.certified_level) == ("suspended", "lapsed", None)
    services.change_certificate(certificate, "reinstate", acting_user=world.diw_admin, reason="แก้ไขแล้ว")
    world.area_a1.refresh_from_db()
    assert world.area_a1.certified_level == 2
    with pytest.raises(PermissionDenied):
        services.change_certificate(certificate, "withdraw", acting_user=world.officer_a, reason="x")


def test_the_national_picture_decides_like_one_assessment_at_a_time(reviewed_external):
    world = reviewed_external
    Finding.objects.create(assessment=world.internal, requirement=world.g2, grade="major", statement="x",
                     objective_evidence="y", criterion="z")  # fmt: skip
    decided = readiness.decisions_for(Assessment.objects.all())
    for assessment in Assessment.objects.all():
        assert decided[assessment.pk] == readiness.decision_for(assessment)
    assert decided[world.external.pk].level == 1


def test_the_gap_names_the_targets_that_address_a_blocking_requirement_or_warns(audit):
    from ecotown.targets.testing import make_target

    record_all(audit, audit.internal, audit.auditor_a1, **{"G2-01": "nonconform"})
    [gap] = readiness.gap_to_next_level(audit.internal).gaps
    assert gap.addressed_by == []
    target = make_target(audit.area_a1, audit.g2, 2569, 80)
    [gap] = readiness.gap_to_next_level(audit.internal, audit.officer_a).gaps
    assert gap.addressed_by == [target]


def test_an_actual_value_of_the_area_is_offered_as_evidence(audit):
    from ecotown.core.evidence import linkable_records
    from ecotown.targets.testing import make_target

    target = make_target(audit.area_a1, audit.g1, 2569, 80, actual=85)
    result = services.record_result(audit.internal, audit.g1, result="conform", acting_user=audit.auditor_a1)
    offered = [record for _label, records in linkable_records(result, audit.auditor_a1) for record in records]
    assert target.actual in offered
