"""Pure rules for target values: whether a result meets its target and which values a kind of target allows."""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from ecotown.criteria.choices import TargetKind
from ecotown.targets.choices import Direction, TargetStatus

PERCENT_MAX = Decimal(100)


def is_met(target_value, actual_value, kind: str, direction: str = Direction.AT_LEAST) -> bool | None:
    """Whether `actual_value` meets `target_value`; None while either is unknown.

    A yes/no target is met when the answer matches, whatever the direction. Otherwise "at least" targets
    (share of factories certified) are met at or above the value, "at most" targets (waste to landfill) at or
    below it, and "exactly" targets only at the value.
    """
    if target_value is None or actual_value is None:
        return None
    target, actual = Decimal(target_value), Decimal(actual_value)
    if kind == TargetKind.YES_NO:
        return (actual != 0) == (target != 0)
    if direction == Direction.AT_MOST:
        return actual <= target
    if direction == Direction.EXACTLY:
        return actual == target
    return actual >= target


def status(target_value, actual_value, kind: str, direction: str, *, has_target: bool = True) -> TargetStatus:
    if not has_target:
        return TargetStatus.MISSING
    met = is_met(target_value, actual_value, kind, direction)
    if met is None:
        return TargetStatus.AWAITING
    return TargetStatus.MET if met else TargetStatus.MISSED


def value_error(value, kind: str):
    """Why `value` does not fit a target of `kind` (a translated message), or None when it fits."""
    if value is None:
        return None
    value = Decimal(value)
    if kind == TargetKind.YES_NO and value not in (0, 1):
        return _("A yes/no value is 1 (yes) or 0 (no).")
    if kind == TargetKind.PERCENTAGE and not 0 <= value <= PERCENT_MAX:
        return _("A percentage is between 0 and 100.")
    if kind == TargetKind.COUNT and (value < 0 or value != value.to_integral_value()):
        return _("A count is a whole number, 0 or more.")
    return None


def format_value(value, kind: str, unit: str = "") -> str:
    """`85%`, `1,200 ตัน`, `Yes`: a value as the table shows it."""
    if value is None:
        return ""
    value = Decimal(value)
    if kind == TargetKind.YES_NO:
        return str(_("Yes") if value else _("No"))
    text = f"{value.normalize():,f}"
    if kind == TargetKind.PERCENTAGE:
        return f"{text}%"
    return f"{text} {unit}".strip()
