"""Named changes to audits, each with the acting user: the audit cycle planned → in progress → submitted →
reviewed → closed, the team, results, findings, corrective actions and certificates.

Who may take each step is the scope engine's answer (`rules.py`): auditors reach an assessment only through its
team and never one they have a conflict of interest with (`conflicts.py`); observers accompany the team but
record nothing (ISO 19011 6.2.4). Results are saved against the revision the auditor started from, so two
auditors recording the same requirement cannot overwrite each other silently.
"""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from ecotown.accounts.choices import Role
from ecotown.accounts.models import RoleAssignment
from ecotown.audits import choices, conflicts, readiness
from ecotown.audits.models import (
    AUDITOR_ROLES,
    Assessment,
    AuditTeamMember,
    Certificate,
    CorrectiveAction,
    Finding,
    RequirementResult,
)
from ecotown.core import dates
from ecotown.core.models import Evidence
from ecotown.core.numbering import numbered
from ecotown.core.scopes import may
from ecotown.core.workflow import Transition, Workflow

S, A, F, C = choices.AssessmentStatus, choices.ActionStatus, choices.FindingStatus, choices.CertificateStatus
CONDUCT, REVIEW = "audits.conduct_assessment", "audits.review_assessment"
ASSESSMENT_WORKFLOW = Workflow(
    "status",
    Transition("start", (S.PLANNED,), S.IN_PROGRESS, CONDUCT, _("Start the audit")),
    Transition("submit", (S.IN_PROGRESS,), S.SUBMITTED, CONDUCT, _("Submit the audit report")),
    Transition("review", (S.SUBMITTED,), S.REVIEWED, REVIEW, _("Review the audit report")),
    Transition("close", (S.REVIEWED,), S.CLOSED, REVIEW, _("Close the audit")),
    Transition("reopen", (S.SUBMITTED, S.REVIEWED), S.IN_PROGRESS, REVIEW, _("Send back to the team"),
               needs_reason=True),
)  # fmt: skip
ACTION_WORKFLOW = Workflow(
    "status",
    Transition("verify_effective", (A.PROPOSED,), A.EFFECTIVE, "audits.verify_correctiveaction",
               _("Verified effective")),
    Transition("verify_not_effective", (A.PROPOSED,), A.NOT_EFFECTIVE, "audits.verify_correctiveaction",
               _("Verified not effective"), needs_reason=True),
)  # fmt: skip
CERTIFICATE_WORKFLOW = Workflow(
    "status",
    Transition("suspend", (C.VALID,), C.SUSPENDED, "audits.change_certificate", _("Suspend"), needs_reason=True),
    Transition("reinstate", (C.SUSPENDED,), C.VALID, "audits.change_certificate", _("Reinstate"), needs_reason=True),
    Transition("withdraw", (C.VALID, C.SUSPENDED), C.WITHDRAWN, "audits.change_certificate", _("Withdraw"),
               needs_reason=True),
)  # fmt: skip


class StaleRecord(ValidationError):
    """Someone saved the record since the user read it: their values come back with the message."""

    def __init__(self, current):
        self.current = current
        super().__init__(
            _("Someone else recorded this requirement while you were working on it: now “{value}”. Check their "
              "result, then save again.").format(value=current.get_result_display() if current else "—"),
            code="stale",
        )  # fmt: skip


# -- planning and the team --------------------------------------------------------------------------------------


def _may_plan(user, assessment) -> None:
    """Internal audits are planned by the province's officers; external and surveillance audits by DIW."""
    needed = "audits.change_assessment" if assessment.pk else "audits.add_assessment"
    if assessment.kind != choices.AssessmentKind.INTERNAL:
        needed = "audits.plan_external_assessment"
    if user is not None and not may(user, needed, assessment if assessment.pk else None):
        raise PermissionDenied


@transaction.atomic
def plan_assessment(assessment: Assessment, *, acting_user) -> Assessment:
    """Save a new or changed audit plan (the status is never changed here)."""
    _may_plan(acting_user, assessment)
    if assessment.pk and assessment.status not in (S.PLANNED, S.IN_PROGRESS):
        raise ValidationError(_("The plan of a submitted audit no longer changes."))
    assessment.full_clean()
    assessment._history_user = acting_user
    assessment.save()
    return assessment


def holds_auditor_role(user, assessment) -> bool:
    """Central auditors audit externally; an internal audit takes internal or central auditors."""
    internal = assessment.kind == choices.AssessmentKind.INTERNAL
    roles = AUDITOR_ROLES if internal else (Role.EXTERNAL_AUDITOR,)
    return RoleAssignment.objects.in_force().filter(user=user, role__in=roles).exists()


@transaction.atomic
def add_team_member(assessment: Assessment, user, *, role, acting_user) -> AuditTeamMember:
    """Put `user` on the audit team; refused, with the reason, for a user without an auditor role or with a
    conflict of interest with the area."""
    _may_plan(acting_user, assessment)
    if assessment.status in (S.SUBMITTED, S.REVIEWED, S.CLOSED):
        raise ValidationError(_("The team of a submitted audit no longer changes."))
    if not holds_auditor_role(user, assessment):
        raise ValidationError({"user": _("{user} does not hold an auditor role for this kind of audit.").format(
            user=user)})  # fmt: skip
    found = conflicts.reasons(user, assessment)
    if found:
        raise ValidationError({"user": _("{user} may not audit {area}: {reasons}.").format(
            user=user, area=assessment.area, reasons="; ".join(found))})  # fmt: skip
    member = AuditTeamMember(assessment=assessment, user=user, role=role)
    member.full_clean()
    member._history_user = acting_user
    member.save()
    return member


@transaction.atomic
def remove_team_member(member: AuditTeamMember, *, acting_user) -> None:
    _may_plan(acting_user, member.assessment)
    member._history_user = acting_user
    member.delete()


# -- the audit cycle --------------------------------------------------------------------------------------------


def _step(assessment, name, acting_user, reason="", **changes) -> Assessment:
    if ASSESSMENT_WORKFLOW[name].permission == REVIEW and assessment.kind != choices.AssessmentKind.INTERNAL:
        _may_plan(acting_user, assessment)
    locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if locked.revision != assessment.revision:
        raise ValidationError(_("Someone else changed this audit meanwhile. Reload the page and try again."))
    return ASSESSMENT_WORKFLOW.run(assessment, name, acting_user=acting_user, reason=reason, **changes)


@transaction.atomic
def start_assessment(assessment: Assessment, *, acting_user) -> Assessment:
    """Start the audit: it needs a lead auditor, and an external or surveillance audit the internal audit of the
    same fiscal year closed first (seed 000: internal audit, then external audit)."""
    if not assessment.team.filter(role=choices.TeamRole.LEAD).exists():
        raise ValidationError(_("Name the lead auditor before the audit starts."))
    if assessment.kind != choices.AssessmentKind.INTERNAL:
        internal = Assessment.objects.filter(
            area=assessment.area_id, fiscal_year=assessment.fiscal_year, kind=choices.AssessmentKind.INTERNAL
        ).first()
        if internal is None or internal.status != S.CLOSED:
            raise ValidationError(_("The external audit starts only after the internal audit of fiscal year {year} "
                                    "is closed.").format(year=assessment.fiscal_year))  # fmt: skip
    _auditing(acting_user, assessment)
    return _step(assessment, "start", acting_user)


@transaction.atomic
def submit_assessment(assessment: Assessment, *, acting_user) -> Assessment:
    """The lead auditor submits the report; every applicable requirement needs its result."""
    _auditing(acting_user, assessment, lead=True)
    missing = readiness.unassessed(assessment)
    if missing:
        raise ValidationError(_("Record a result for every applicable requirement first: {codes}.").format(
            codes=", ".join(missing[:10]) + ("…" if len(missing) > 10 else "")))  # fmt: skip
    return _step(assessment, "submit", acting_user)


@transaction.atomic
def review_assessment(assessment: Assessment, *, acting_user) -> Assessment:
    """Review the report; the level the results support is recorded as the team's recommendation."""
    level = readiness.decision_for(assessment).level
    return _step(assessment, "review", acting_user, recommended_level=level)


@transaction.atomic
def close_assessment(assessment: Assessment, *, acting_user) -> Assessment:
    return _step(assessment, "close", acting_user)


@transaction.atomic
def reopen_assessment(assessment: Assessment, *, acting_user, reason: str) -> Assessment:
    return _step(assessment, "reopen", acting_user, reason=reason, recommended_level=None)


STEPS = {"start": start_assessment, "submit": submit_assessment, "review": review_assessment,
         "close": close_assessment, "reopen": reopen_assessment}  # fmt: skip


def _auditing(user, assessment, *, lead=False) -> None:
    """Only the team's lead and auditors do the audit work (observers do not); DIW may step in."""
    if user is None:
        return
    if not may(user, CONDUCT, assessment):
        raise PermissionDenied
    if may(user, "audits.plan_external_assessment"):
        return
    roles = (choices.TeamRole.LEAD,) if lead else (choices.TeamRole.LEAD, choices.TeamRole.AUDITOR)
    if not assessment.team.filter(user=user, role__in=roles).exists():
        raise PermissionDenied


# -- results and evidence ---------------------------------------------------------------------------------------


@transaction.atomic
def record_result(assessment: Assessment, requirement, *, result, acting_user, reason="", notes="",
                  revision: int | None = None) -> RequirementResult:  # fmt: skip
    """Record the result for an applicable requirement. `revision` is the one the auditor started from (0: they
    saw no result yet); a result saved meanwhile by someone else is refused (StaleRecord), never overwritten."""
    _auditing(acting_user, assessment)
    if not assessment.is_open_for_work:
        raise ValidationError(_("Results are recorded while the audit is in progress."))
    if requirement.pk not in readiness.applicable_ids(assessment):
        raise ValidationError({"requirement": _("This requirement does not apply to the area.")})
    current = RequirementResult.objects.filter(assessment=assessment, requirement=requirement).first()
    if current is None:
        row = RequirementResult(assessment=assessment, requirement=requirement)
    else:
        row = current
        if revision is not None and not current.claim_revision(revision):
            raise StaleRecord(RequirementResult.objects.get(pk=current.pk))
    if current is None and revision not in (None, 0):
        raise StaleRecord(None)
    row.result, row.reason, row.notes = result, reason if result == choices.Result.NOT_APPLICABLE else "", notes
    row.full_clean(validate_unique=False, validate_constraints=False)
    row._history_user = acting_user
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError:  # recorded by a colleague between our read and our insert
        raise StaleRecord(RequirementResult.objects.get(assessment=assessment, requirement=requirement)) from None
    return row


@transaction.atomic
def reuse_evidence(result: RequirementResult, *, acting_user) -> list[Evidence]:
    """Attach to `result` the evidence the same requirement (by code) had in the area's earlier audits, saying
    where it comes from; the stored bytes are shared, never copied."""
    _auditing(acting_user, result.assessment)
    earlier = RequirementResult.objects.filter(
        assessment__area=result.assessment.area_id, requirement__code=result.requirement.code,
        assessment__fiscal_year__lte=result.assessment.fiscal_year,
    ).exclude(pk=result.pk)  # fmt: skip
    have = {(e.file_id, e.linked_type_id, e.linked_id) for e in result.evidence.all()}
    added = []
    for source in Evidence.objects.filter(
        owner_type=_content_type(RequirementResult), owner_id__in=earlier.values("pk")
    ).select_related("file"):
        if (source.file_id, source.linked_type_id, source.linked_id) in have:
            continue
        have.add((source.file_id, source.linked_type_id, source.linked_id))
        title = _("{title} (reused from {owner})").format(title=source, owner=source.owner)[:200]
        copy = Evidence(owner=result, file=source.file, file_name=source.file_name, linked_type=source.linked_type,
                        linked_id=source.linked_id, title=title)  # fmt: skip
        copy._history_user = acting_user
        copy.save()
        added.append(copy)
    return added


def _content_type(model):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(model)


# -- findings and corrective actions ----------------------------------------------------------------------------


@transaction.atomic
def record_finding(assessment: Assessment, *, requirement, grade, statement, objective_evidence, criterion,
                   acting_user, notes="") -> Finding:  # fmt: skip
    _auditing(acting_user, assessment)
    if not assessment.is_open_for_work:
        raise ValidationError(_("Findings are recorded while the audit is in progress."))
    finding = Finding(assessment=assessment, requirement=requirement, grade=grade, statement=statement,
                      objective_evidence=objective_evidence, criterion=criterion, notes=notes)  # fmt: skip
    if not finding.is_nonconformity:
        finding.status = F.CLOSED  # observations and opportunities for improvement ask for no action
    finding.full_clean()
    finding._history_user = acting_user
    finding.save()
    return finding


@transaction.atomic
def propose_corrective_action(finding: Finding, *, root_cause, action, responsible, due_on: datetime.date,
                              acting_user) -> CorrectiveAction:  # fmt: skip
    """The area answers a nonconformity: root cause, action, owner and due date."""
    if acting_user is not None and not may(acting_user, "audits.add_correctiveaction", finding):
        raise PermissionDenied
    if not finding.is_nonconformity or finding.status != F.OPEN:
        raise ValidationError(_("Only an open nonconformity takes a corrective action."))
    if finding.corrective_actions.filter(status=A.PROPOSED).exists():
        raise ValidationError(_("A corrective action for this finding is already awaiting verification."))
    corrective = CorrectiveAction(finding=finding, root_cause=root_cause, action=action, responsible=responsible,
                                  due_on=due_on)  # fmt: skip
    corrective.full_clean()
    corrective._history_user = acting_user
    corrective.save()
    return corrective


@transaction.atomic
def verify_corrective_action(corrective: CorrectiveAction, *, effective: bool, acting_user,
                             note: str = "") -> CorrectiveAction:  # fmt: skip
    """The auditor's verification; an effective action closes its finding (and lifts the block on its level)."""
    finding = corrective.finding
    if acting_user is not None and not may(acting_user, "audits.verify_correctiveaction", corrective):
        raise PermissionDenied
    _auditing(acting_user, finding.assessment)  # the team's lead or auditors, not its observers
    changes = {"verified_by": acting_user, "verified_on": timezone.localdate(), "verification": note}
    step = "verify_effective" if effective else "verify_not_effective"
    ACTION_WORKFLOW.run(corrective, step, acting_user=acting_user, reason=note, **changes)
    if effective:
        finding.status, finding.closed_on = F.CLOSED, timezone.localdate()
        finding._history_user = acting_user
        finding._change_reason = _("Corrective action verified effective")
        finding.save(update_fields=["status", "closed_on"])
    return corrective


# -- certification ----------------------------------------------------------------------------------------------


def validity(assessment: Assessment, valid_from: datetime.date) -> datetime.date:
    """The end of the validity: CERTIFICATE_VALID_FISCAL_YEARS (default one) fiscal years after the audited
    one, so that the yearly surveillance audit falls inside it."""
    years = int(getattr(settings, "CERTIFICATE_VALID_FISCAL_YEARS", 1))
    return max(dates.fiscal_year_bounds(assessment.fiscal_year + years)[1], valid_from)


def certify(assessment: Assessment, resolution, *, acting_user, conditions: str = "") -> Certificate:
    """Issue the certificate the national expert committee's resolution decides, at the level the reviewed
    audit recommends — refused when the level is no longer supported (a major finding opened since)."""
    from ecotown.engagement.choices import CommitteeKind, ResolutionKind

    if resolution.meeting.committee.kind != CommitteeKind.NATIONAL_EXPERT or resolution.kind != ResolutionKind.CERTIFY:
        raise ValidationError(_("Only a certification resolution of the national expert committee certifies."))
    if not resolution.approves:
        raise ValidationError(_("The resolution does not approve the certification."))
    if assessment.kind == choices.AssessmentKind.INTERNAL or assessment.status not in (S.REVIEWED, S.CLOSED):
        raise ValidationError(_("Only a reviewed external or surveillance audit leads to a certificate."))
    level = assessment.recommended_level or 0
    if level < 1:
        raise ValidationError(_("The audit supports no level: there is nothing to certify."))
    supported = readiness.decision_for(assessment).level
    if supported < level:
        raise ValidationError(_("The audit now supports level {now}, not {level}: a finding opened since the "
                                "review.").format(now=supported, level=level))  # fmt: skip
    level_row = assessment.catalogue.levels.get(number=level)
    certificate = issue_certificate(assessment, resolution, level_row, acting_user=acting_user, conditions=conditions)
    sync_area(assessment.area, acting_user=acting_user, reason=str(certificate))
    return certificate


def issue_certificate(assessment, resolution, level_row, *, acting_user, conditions="") -> Certificate:
    """The certificate, numbered the next of its Buddhist Era year: the number is taken inside the transaction
    that inserts it, and a clash with a concurrent issue (the unique constraint) is retried."""
    valid_from = dates.local_date(resolution.meeting.starts_at)
    year = dates.to_be(valid_from.year)

    def create():
        taken = last_serial(year)
        certificate = Certificate(
            area=assessment.area, assessment=assessment, resolution=resolution, level=level_row,
            valid_from=valid_from, valid_until=validity(assessment, valid_from), conditions=conditions,
            year_be=year, serial=taken + 1, number=f"EIT-{year}-{taken + 1:04d}",
        )  # fmt: skip
        certificate.full_clean(validate_unique=False, validate_constraints=False)
        certificate._history_user = acting_user
        certificate.save()
        return certificate

    return numbered(create)


def last_serial(year_be: int) -> int:
    return Certificate.objects.filter(year_be=year_be).aggregate(top=Max("serial"))["top"] or 0


def decide_on_assessment(assessment, resolution, acting_user) -> None:
    """engagement's decision hook: a resolution approving an assessment certifies it."""
    certify(assessment, resolution, acting_user=acting_user, conditions=resolution.conditions)


@transaction.atomic
def change_certificate(certificate: Certificate, step: str, *, acting_user, reason: str) -> Certificate:
    """Suspend, reinstate or withdraw a certificate with the reason; the area's level follows."""
    CERTIFICATE_WORKFLOW.run(certificate, step, acting_user=acting_user, reason=reason, status_reason=reason)
    sync_area(certificate.area, acting_user=acting_user, reason=reason)
    return certificate


def current_certificate(area) -> Certificate | None:
    today = timezone.localdate()
    return (
        Certificate.objects.filter(area=area, status=C.VALID, valid_from__lte=today, valid_until__gte=today)
        .select_related("level")
        .order_by("-valid_from", "-serial")
        .first()
    )


def sync_area(area, *, acting_user, reason: str) -> None:
    """The area's certified level and validity follow its certificates — never typed in."""
    from ecotown.areas import services as areas
    from ecotown.areas.choices import AreaStatus

    area.refresh_from_db()
    current = current_certificate(area)
    if current is not None:
        if (area.certified_level, area.certified_until) != (current.level.number, current.valid_until) or (
            area.status != AreaStatus.CERTIFIED
        ):
            areas.record_certification(area, level=current.level.number, valid_until=current.valid_until,
                                       acting_user=acting_user, reason=reason[:100])  # fmt: skip
    elif area.status == AreaStatus.CERTIFIED:
        areas.lapse(area, acting_user=acting_user, reason=reason[:100])
