"""Named changes to plans, each with the acting user.

A version goes draft → submitted → approved, and only a committee's resolution approves it: engagement calls
`decide_version` (registered in apps.py with `engagement.services.register_decision`) in the transaction that
records the resolution. An approved version is frozen; `revise` starts the next draft with the projects,
budgets and KPIs carried over (each project keeps its key, so its progress reports still count).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.utils import bulk_create_with_history

from ecotown.core import evidence
from ecotown.core.workflow import Transition, Workflow
from ecotown.plans.choices import PlanLevel, VersionStatus
from ecotown.plans.models import BudgetLine, Kpi, Plan, PlanVersion, Project

VERSION_WORKFLOW = Workflow(
    "status",
    Transition("submit", (VersionStatus.DRAFT,), VersionStatus.SUBMITTED, "plans.change_planversion",
               gettext_lazy("Submit for approval")),
    Transition("return_to_draft", (VersionStatus.SUBMITTED,), VersionStatus.DRAFT, "plans.change_planversion",
               gettext_lazy("Return to draft"), needs_reason=True),
    Transition("approve", (VersionStatus.SUBMITTED,), VersionStatus.APPROVED, "plans.approve_planversion",
               gettext_lazy("Approve by a committee resolution")),
    Transition("supersede", (VersionStatus.APPROVED,), VersionStatus.SUPERSEDED, "plans.approve_planversion",
               gettext_lazy("Superseded by a later approved version")),
)  # fmt: skip
# The steps a page offers as buttons; approval is a resolution, recorded on the meeting's page.
PAGE_STEPS = ("submit", "return_to_draft")


def _saved(obj, acting_user, reason=""):
    obj._history_user = acting_user
    if reason:
        obj._change_reason = reason[:100]
    obj.save()
    return obj


@transaction.atomic
def create_plan(plan: Plan, *, acting_user) -> Plan:
    """Save a new plan with its first draft version."""
    plan.full_clean()
    _saved(plan, acting_user)
    version = _saved(PlanVersion(plan=plan, number=1), acting_user)
    plan.latest_version = version
    plan.save(update_fields=["latest_version"])
    return plan


@transaction.atomic
def submit_version(version: PlanVersion, *, acting_user) -> PlanVersion:
    if not version.projects.exists():
        raise ValidationError(_("Add at least one project before submitting the plan."))
    return VERSION_WORKFLOW.run(version, "submit", acting_user=acting_user, submitted_on=timezone.localdate())


@transaction.atomic
def return_version(version: PlanVersion, *, acting_user, reason: str) -> PlanVersion:
    return VERSION_WORKFLOW.run(version, "return_to_draft", acting_user=acting_user, reason=reason)


def committee_decides(committee, plan) -> bool:
    """Which committee approves which plan (seed 000): an area's action plan by the area's committee or its
    province's committee; a province's master plan by the provincial committee; the national plan by DIW's
    national expert committee."""
    if plan.level == PlanLevel.AREA_ACTION:
        return committee.area_id == plan.area_id or (
            committee.province_id is not None and committee.province_id == plan.area.province_id
        )
    if plan.level == PlanLevel.PROVINCIAL_MASTER:
        return committee.province_id is not None and committee.province_id == plan.province_id
    return committee.province_id is None and committee.area_id is None


@transaction.atomic
def approve_version(version: PlanVersion, resolution, *, acting_user) -> PlanVersion:
    """Approve `version` by `resolution`: the version before it that was in force is superseded."""
    from ecotown.engagement.choices import ResolutionKind

    if resolution.kind != ResolutionKind.APPROVE_PLAN:
        raise ValidationError(_("Only a resolution that approves an action-plan version can approve a plan."))
    if not resolution.approves:
        raise ValidationError(_("The resolution does not approve the plan."))
    plan = version.plan
    if not committee_decides(resolution.meeting.committee, plan):
        raise ValidationError(_("This committee does not approve plans of {place}.").format(
            place=plan.place or _("the nation")))  # fmt: skip
    previous = plan.approved_version
    if previous is not None and previous.pk != version.pk:
        VERSION_WORKFLOW.run(previous, "supersede", acting_user=acting_user, reason=str(resolution))
    VERSION_WORKFLOW.run(
        version, "approve", acting_user=acting_user, reason=str(resolution), resolution=resolution,
        approved_on=resolution.meeting.local_date,
    )  # fmt: skip
    plan.approved_version = version
    plan._history_user = acting_user
    plan.save(update_fields=["approved_version"])
    # The seed's targets are approved with the plan that commits to them: the resolution approves them too.
    from ecotown.targets.models import Target
    from ecotown.targets.services import approve_targets

    approve_targets(Target.objects.filter(plan_projects__version=version).distinct(), resolution,
                    acting_user=acting_user)  # fmt: skip
    return version


def decide_version(version, resolution, acting_user) -> None:
    """engagement's decision hook: a resolution approving a submitted version approves it."""
    approve_version(version, resolution, acting_user=acting_user)


def versions_awaiting(committee, user) -> list:
    """engagement's subject source: the submitted versions this committee decides that `user` may approve."""
    versions = (
        PlanVersion.objects.filter(status=VersionStatus.SUBMITTED)
        .select_related("plan__area", "plan__province")
        .for_permission(user, "plans.approve_planversion")
    )
    awaiting = [version for version in versions[:200] if committee_decides(committee, version.plan)]
    return [(_("Plan versions awaiting approval"), awaiting)]


@transaction.atomic
def revise(plan: Plan, *, acting_user, summary: str = "") -> PlanVersion:
    """Start the next draft from the newest version: projects, budgets and KPIs carried over (copied, never
    moved), each project keeping its key. Refused while a draft or a submitted version is open."""
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    latest = plan.latest_version
    if latest is not None and latest.status in (VersionStatus.DRAFT, VersionStatus.SUBMITTED):
        raise ValidationError(_("Version {number} is still open: change it instead of starting another.").format(
            number=latest.number))  # fmt: skip
    number = (plan.versions.aggregate(top=Max("number"))["top"] or 0) + 1
    version = _saved(PlanVersion(plan=plan, number=number, summary=summary), acting_user)
    if latest is not None:
        _copy_projects(latest, version, acting_user)
    plan.latest_version = version
    plan._history_user = acting_user
    plan.save(update_fields=["latest_version"])
    return version


def _copy_projects(source: PlanVersion, version: PlanVersion, acting_user) -> None:
    reason = _("Carried over from version {number}").format(number=source.number)
    projects = list(source.projects.prefetch_related("requirements", "targets", "budget_lines", "kpis"))
    copies = [
        Project(version=version, key=p.key, code=p.code, title=p.title, rationale=p.rationale,
                owner_organisation=p.owner_organisation, supporting_organisations=p.supporting_organisations,
                start_date=p.start_date, end_date=p.end_date, position=p.position, notes=p.notes)
        for p in projects
    ]  # fmt: skip
    created = bulk_create_with_history(copies, Project, default_user=acting_user, default_change_reason=reason)
    lines, kpis = [], []
    for old, new in zip(projects, created, strict=True):
        new.requirements.set(old.requirements.all())
        new.targets.set(old.targets.all())
        lines += [BudgetLine(project=new, fiscal_year=b.fiscal_year, source=b.source, amount=b.amount)
                  for b in old.budget_lines.all()]  # fmt: skip
        kpis += [Kpi(project=new, name=k.name, unit=k.unit, baseline=k.baseline, target_value=k.target_value,
                     target_year=k.target_year) for k in old.kpis.all()]  # fmt: skip
    bulk_create_with_history(lines, BudgetLine, default_user=acting_user, default_change_reason=reason)
    bulk_create_with_history(kpis, Kpi, default_user=acting_user, default_change_reason=reason)


@transaction.atomic
def delete_project(project: Project, *, acting_user) -> None:
    """A project leaves a draft only: an approved version keeps what was approved."""
    project.version.refuse_if_frozen()
    project._history_user = acting_user
    for record in (*project.budget_lines.all(), *project.kpis.all()):
        record._history_user = acting_user
        record.delete()
    project.delete()


@transaction.atomic
def record_progress(report, *, acting_user, upload=None):
    """Save a quarter's progress report, with a file of evidence when one is given."""
    report.full_clean()
    _saved(report, acting_user)
    if upload is not None:
        evidence.attach_file(report, upload, acting_user=acting_user)
    return report
