"""Named changes to upgrade projects and their work, each with the acting user.

A deliverable goes draft → submitted → accepted, or → returned with DIW's comments and then resubmitted; only
DIW accepts or returns. A consulting visit keeps its engagement's date of last visit, which the audit conflict of
interest reads (models.RecentlyConsulted); issuing the consulting report needs at least one visit.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ecotown.core import evidence
from ecotown.core.workflow import Transition, Workflow
from ecotown.support.choices import SEED_TARGETS, DeliverableStatus
from ecotown.support.models import ConsultingEngagement, ConsultingVisit, Deliverable, ProjectTarget, UpgradeProject

S = DeliverableStatus
DELIVERABLE_WORKFLOW = Workflow(
    "status",
    Transition("submit", (S.DRAFT,), S.SUBMITTED, "support.change_deliverable", gettext_lazy("Submit to DIW")),
    Transition("accept", (S.SUBMITTED,), S.ACCEPTED, "support.review_deliverable", gettext_lazy("Accept")),
    Transition("return", (S.SUBMITTED,), S.RETURNED, "support.review_deliverable",
               gettext_lazy("Return with comments"), needs_reason=True),
    Transition("resubmit", (S.RETURNED,), S.SUBMITTED, "support.change_deliverable", gettext_lazy("Resubmit")),
)  # fmt: skip


def _saved(obj, acting_user, reason=""):
    obj.full_clean()
    obj._history_user = acting_user
    if reason:
        obj._change_reason = reason
    obj.save()
    return obj


@transaction.atomic
def save_project(project: UpgradeProject, *, acting_user, upload=None) -> UpgradeProject:
    """Save a project; a new one gets the seed's targets as rows (changed on its page when the terms differ), and
    the terms of reference file when one is given."""
    new = project.pk is None
    _saved(project, acting_user)
    if new and not project.targets.exists():
        for measure, value in SEED_TARGETS.items():
            _saved(ProjectTarget(project=project, measure=measure, value=value, source=_("Seed terms of reference")),
                   acting_user)  # fmt: skip
    if upload is not None:
        evidence.attach_file(project, upload, acting_user=acting_user)
    return project


@transaction.atomic
def save_deliverable(deliverable: Deliverable, *, acting_user, upload=None) -> Deliverable:
    """Save a deliverable (not its status: that moves by the steps) with a file when one is given."""
    if deliverable.status == S.ACCEPTED:
        raise ValidationError(_("An accepted deliverable is final."))
    _saved(deliverable, acting_user)
    if upload is not None:
        evidence.attach_file(deliverable, upload, acting_user=acting_user)
    return deliverable


def submit(deliverable: Deliverable, *, acting_user) -> Deliverable:
    return DELIVERABLE_WORKFLOW.run(deliverable, "submit", acting_user=acting_user,
                                    submitted_on=timezone.localdate())  # fmt: skip


def resubmit(deliverable: Deliverable, *, acting_user) -> Deliverable:
    return DELIVERABLE_WORKFLOW.run(deliverable, "resubmit", acting_user=acting_user,
                                    submitted_on=timezone.localdate())  # fmt: skip


def accept(deliverable: Deliverable, *, acting_user) -> Deliverable:
    return DELIVERABLE_WORKFLOW.run(deliverable, "accept", acting_user=acting_user, accepted_on=timezone.localdate())


def return_with_comments(deliverable: Deliverable, *, acting_user, comments: str) -> Deliverable:
    return DELIVERABLE_WORKFLOW.run(deliverable, "return", acting_user=acting_user, reason=comments,
                                    comments=comments.strip())  # fmt: skip


STEPS = {"submit": submit, "resubmit": resubmit, "accept": accept, "return": return_with_comments}


def take_step(deliverable: Deliverable, step: str, *, acting_user, reason: str = "") -> Deliverable:
    if step not in STEPS:
        raise ValidationError(_("Choose a step that can be taken now."))
    if step == "return":
        return return_with_comments(deliverable, acting_user=acting_user, comments=reason)
    return STEPS[step](deliverable, acting_user=acting_user)


@transaction.atomic
def save_training(training, *, acting_user, upload=None):
    _saved(training, acting_user)
    if upload is not None:
        evidence.attach_file(training, upload, acting_user=acting_user)
    return training


@transaction.atomic
def save_engagement(engagement: ConsultingEngagement, *, acting_user) -> ConsultingEngagement:
    return _saved(engagement, acting_user)


@transaction.atomic
def record_visit(visit: ConsultingVisit, *, acting_user) -> ConsultingVisit:
    """Save a consulting visit and keep the engagement's last visit date (the audit conflict reads it)."""
    _saved(visit, acting_user)
    _refresh_last_visit(visit.engagement, acting_user)
    return visit


@transaction.atomic
def delete_visit(visit: ConsultingVisit, *, acting_user) -> None:
    engagement = visit.engagement
    if engagement.report_issued_on is not None:
        raise ValidationError(_("The consulting report has been issued: its visits are kept as they were."))
    visit._history_user = acting_user
    visit.delete()
    _refresh_last_visit(engagement, acting_user)


def _refresh_last_visit(engagement: ConsultingEngagement, acting_user) -> None:
    last = engagement.visits.aggregate(last=Max("visited_on"))["last"]
    if last != engagement.last_visit_on:
        engagement.last_visit_on = last
        engagement._history_user = acting_user
        engagement.save(update_fields=["last_visit_on"])


@transaction.atomic
def issue_report(engagement: ConsultingEngagement, *, acting_user) -> ConsultingEngagement:
    """Issue the engagement's consulting report (printed from its visits): it counts toward the deliverable."""
    if not engagement.visits.exists():
        raise ValidationError(_("Record at least one consulting visit before issuing the report."))
    engagement.report_issued_on = timezone.localdate()
    engagement._history_user = acting_user
    engagement._change_reason = _("Consulting report issued")
    engagement.save(update_fields=["report_issued_on"])
    return engagement
