"""Named workflow steps: the only way a status field changes.

An app declares its steps once, next to the model (`AREA_WORKFLOW = Workflow("status", Transition(...), ...)`),
and its services run them with the acting user and a reason; forms never offer the status field. Each step
says where it may start from, where it ends, and which permission it needs on the object; running it checks
both, saves the changed fields and writes the history record with the user and the reason.

Written here rather than taken from django-fsm: the steps need the scope engine's `may()` on the object and
simple-history's user and reason on the same save, which a 60-line table does more plainly than decorators.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ecotown.core.scopes import may

ANY = "*"


@dataclass(frozen=True)
class Transition:
    name: str
    sources: tuple
    target: str
    permission: str
    label: str = ""
    needs_reason: bool = False

    def starts_from(self, state) -> bool:
        return ANY in self.sources or state in self.sources


class Workflow:
    def __init__(self, field: str, *transitions: Transition):
        self.field = field
        self.transitions = {transition.name: transition for transition in transitions}

    def __getitem__(self, name: str) -> Transition:
        return self.transitions[name]

    def available(self, obj, user) -> list[Transition]:
        """The steps `user` may take on `obj` from its current state."""
        state = getattr(obj, self.field)
        return [t for t in self.transitions.values() if t.starts_from(state) and may(user, t.permission, obj)]

    @transaction.atomic
    def run(self, obj, name: str, *, acting_user, reason: str = "", **changes):
        """Take step `name` on `obj`: check the state and the user's permission, set the target state and
        `changes`, save, record who and why. Raises PermissionDenied or ValidationError."""
        transition = self.transitions[name]
        state = getattr(obj, self.field)
        if not transition.starts_from(state):
            raise ValidationError(
                _("“{step}” cannot be taken from the status “{state}”.").format(
                    step=transition.label or transition.name, state=_label(obj, self.field)
                )
            )
        if acting_user is not None and not may(acting_user, transition.permission, obj):
            raise PermissionDenied
        if transition.needs_reason and not reason.strip():
            raise ValidationError({"reason": _("Give the reason for this step: it is kept in the history.")})
        setattr(obj, self.field, transition.target)
        for name_, value in changes.items():
            setattr(obj, name_, value)
        obj.full_clean(exclude=_unchanged(obj, self.field, changes))
        obj._history_user = acting_user
        obj._change_reason = reason or transition.label or transition.name  # a text column: kept whole
        obj.save()
        return obj


def _label(obj, field: str) -> str:
    display = getattr(obj, f"get_{field}_display", None)
    return display() if display else str(getattr(obj, field))


def _unchanged(obj, field: str, changes: dict) -> list[str]:
    touched = {field, *changes}
    return [f.name for f in obj._meta.concrete_fields if f.name not in touched]
