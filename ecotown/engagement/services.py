"""Named changes to committees' work, each with the acting user.

Meetings and resolutions are numbered here, safely under concurrency: the number is the next free one, taken
inside the transaction that inserts it, and a clash with a concurrent insert is retried.

Other apps plug in without engagement knowing them:
- `register_subject_source(fn)`: `fn(committee, user)` → [(label, records)] a resolution may decide on
  (an action-plan version awaiting approval...);
- `register_decision(model, fn)`: `fn(record, resolution, acting_user)` runs in the same transaction when a
  resolution approves a record of `model` (the plans app approves the version and its targets).
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from ecotown.core import dates
from ecotown.core.numbering import numbered
from ecotown.core.workflow import Transition, Workflow
from ecotown.engagement import choices
from ecotown.engagement.models import Comment, Meeting, Resolution

MEETING_WORKFLOW = Workflow(
    "status",
    Transition("hold", (choices.MeetingStatus.PLANNED,), choices.MeetingStatus.HELD, "engagement.change_meeting",
               _("Record that the meeting was held")),
    Transition("cancel", (choices.MeetingStatus.PLANNED,), choices.MeetingStatus.CANCELLED,
               "engagement.change_meeting", _("Cancel the meeting"), needs_reason=True),
)  # fmt: skip
COMMENT_WORKFLOW = Workflow(
    "status",
    Transition("respond", (choices.CommentStatus.OPEN, choices.CommentStatus.ANSWERED), choices.CommentStatus.ANSWERED,
               "engagement.change_comment", _("Record the response")),
)  # fmt: skip

_subject_sources: list = []
_decisions: dict = {}


def register_subject_source(source) -> None:
    _subject_sources.append(source)


def register_decision(model, handler) -> None:
    _decisions[model] = handler


def decidable_records(committee, user) -> list[tuple[str, list]]:
    groups = []
    for source in _subject_sources:
        groups.extend(source(committee, user) or [])
    return [(label, list(records)) for label, records in groups if records]


def schedule_meeting(committee, *, kind, title, starts_at, acting_user, place="", online_link="",
                     recording_link="", notes="") -> Meeting:  # fmt: skip
    """A new meeting of `committee`, numbered the next of its Buddhist Era year (ครั้งที่ N/2569)."""
    year = dates.to_be(dates.local_date(starts_at).year)

    def create():
        taken = Meeting.objects.filter(committee=committee, year_be=year).aggregate(top=Max("number"))["top"]
        meeting = Meeting(
            committee=committee, kind=kind, title=title, starts_at=starts_at, place=place, online_link=online_link,
            recording_link=recording_link, notes=notes, year_be=year, number=(taken or 0) + 1,
        )  # fmt: skip
        meeting.full_clean(validate_unique=False, validate_constraints=False)
        meeting._history_user = acting_user
        meeting.save()
        return meeting

    return numbered(create)


@transaction.atomic
def hold_meeting(meeting, *, acting_user, minutes: str | None = None) -> Meeting:
    changes = {} if minutes is None else {"minutes": minutes}
    return MEETING_WORKFLOW.run(meeting, "hold", acting_user=acting_user, **changes)


@transaction.atomic
def cancel_meeting(meeting, *, acting_user, reason: str) -> Meeting:
    return MEETING_WORKFLOW.run(meeting, "cancel", acting_user=acting_user, reason=reason)


def record_resolution(meeting, *, kind, outcome, text, acting_user, agenda_item=None, subject=None,
                      conditions="") -> Resolution:  # fmt: skip
    """Record a resolution (numbered the next of the meeting) and, when it approves a record another app
    registered a decision for, run that decision in the same transaction."""
    if meeting.status == choices.MeetingStatus.CANCELLED:
        raise ValidationError(_("A cancelled meeting resolves nothing."))
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise ValidationError({"agenda_item": _("The agenda item is not one of this meeting's.")})

    def create():
        taken = Resolution.objects.filter(meeting=meeting).aggregate(top=Max("number"))["top"]
        resolution = Resolution(
            meeting=meeting, agenda_item=agenda_item, kind=kind, outcome=outcome, text=text, conditions=conditions,
            number=(taken or 0) + 1,
        )  # fmt: skip
        if subject is not None:
            resolution.subject_type = ContentType.objects.get_for_model(type(subject))
            resolution.subject_id = subject.pk
        resolution.full_clean(validate_unique=False, validate_constraints=False)
        resolution._history_user = acting_user
        resolution.save()
        decide = _decisions.get(type(subject)) if subject is not None else None
        if decide is not None and resolution.approves:
            decide(subject, resolution, acting_user)
        return resolution

    return numbered(create)


@transaction.atomic
def respond_to_comment(comment: Comment, *, response, reason, acting_user, what_changed="", changed=None) -> Comment:
    """Record what was done with a comment; a comment accepted in whole or part says what changed."""
    if response in (choices.ResponseKind.ACCEPTED, choices.ResponseKind.PARTLY) and not what_changed.strip():
        raise ValidationError({"what_changed": _("Say what changed because of the comment.")})
    if not reason.strip():
        raise ValidationError({"response_reason": _("Give the reason for the response.")})
    changes = {
        "response": response, "response_reason": reason, "what_changed": what_changed,
        "responded_on": timezone.localdate(),
        "changed_type": ContentType.objects.get_for_model(type(changed)) if changed is not None else None,
        "changed_id": changed.pk if changed is not None else None,
    }  # fmt: skip
    return COMMENT_WORKFLOW.run(comment, "respond", acting_user=acting_user, reason=reason, **changes)
