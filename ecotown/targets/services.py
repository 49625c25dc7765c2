"""Named changes to targets and results, each with the acting user (history names the right person also when
an import task or a command writes)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy

from ecotown.core import evidence as evidence_store
from ecotown.core.models import Evidence
from ecotown.targets import evaluation
from ecotown.targets.models import Actual, Target

# Lazy: a module constant, read in the language of each request (not of whichever first imported this module).
STALE = gettext_lazy("Someone else saved this result while you were editing it. Check the values shown and save again.")


def _current_actual(target: Target) -> Actual | None:
    return Actual.objects.select_for_update().filter(target=target).first()


def _check_revision(actual: Actual | None, expected_revision: int | None) -> None:
    """`expected_revision` is the result's revision when the form was loaded, 0 when there was none."""
    if expected_revision is None:
        return
    current = actual.revision if actual is not None else 0
    if current != expected_revision:
        raise ValidationError(STALE, code="stale")


@transaction.atomic
def record_result(target: Target, *, value, recorded_on=None, evidence_url: str = "", acting_user,
                  expected_revision: int | None = None) -> Actual:  # fmt: skip
    """Record (or correct) what the area achieved against `target` (ผลการดำเนินงาน)."""
    actual = _current_actual(target)
    _check_revision(actual, expected_revision)
    message = evaluation.value_error(value, target.requirement.target_kind)
    if message:
        raise ValidationError({"value": message})
    actual = actual or Actual(target=target)
    actual.value = value
    if recorded_on:
        actual.recorded_on = recorded_on
    actual.evidence_url = evidence_url or ""
    actual.full_clean(exclude=["target"])
    actual._history_user = acting_user
    actual.save()
    return actual


@transaction.atomic
def clear_result(target: Target, *, acting_user, expected_revision: int | None = None) -> None:
    """Take the result away (asked for explicitly: an empty field never deletes a result)."""
    actual = _current_actual(target)
    _check_revision(actual, expected_revision)
    if actual is not None:
        actual._history_user = acting_user
        actual.delete()


@transaction.atomic
def add_evidence(target: Target, *, acting_user, upload=None, record=None) -> Evidence:
    if upload is not None:
        return evidence_store.attach_file(target, upload, acting_user=acting_user)
    return evidence_store.attach_link(target, record, acting_user=acting_user)


@transaction.atomic
def remove_evidence(target: Target, keys, *, acting_user) -> int:
    removed = 0
    for item in evidence_store.evidence_of(target).filter(key__in=list(keys)):
        evidence_store.remove(item, acting_user=acting_user)
        removed += 1
    return removed


@transaction.atomic
def approve_targets(targets, resolution, *, acting_user) -> int:
    """Record that `resolution` approved these target values (an approved action plan approves the targets its
    projects serve). Changing a value afterwards withdraws the approval (Target.save)."""
    count = 0
    for target in targets:
        if target.approved_by_id == resolution.pk:
            continue
        target.approved_by = resolution
        target._history_user = acting_user
        target._change_reason = str(resolution)
        target.save(update_fields=["approved_by"])
        count += 1
    return count
