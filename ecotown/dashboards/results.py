"""Target results read in SQL: whether a recorded result meets its target, the same rule as
`targets.evaluation.is_met` (tests/test_results.py holds the two together), so a dashboard counts thousands of
targets in one query instead of loading them."""

from django.db.models import Case, CharField, F, Q, Value, When

from ecotown.criteria.choices import TargetKind
from ecotown.targets.choices import Direction, TargetStatus

HAS_RESULT = Q(actual__isnull=False)
_YES_NO = Q(requirement__target_kind=TargetKind.YES_NO)
_ANSWER_MATCHES = Q(actual__value=0, target_value=0) | (~Q(actual__value=0) & ~Q(target_value=0))
_REACHED = (
    (Q(direction=Direction.AT_MOST) & Q(actual__value__lte=F("target_value")))
    | (Q(direction=Direction.EXACTLY) & Q(actual__value=F("target_value")))
    | (Q(direction=Direction.AT_LEAST) & Q(actual__value__gte=F("target_value")))
)
# A yes/no target is met when the answer matches whatever the direction; any other by its direction.
MET = HAS_RESULT & ((_YES_NO & _ANSWER_MATCHES) | (~_YES_NO & _REACHED))
MISSED = HAS_RESULT & ~MET
AWAITING = Q(actual__isnull=True)
BY_STATUS = {TargetStatus.MET: MET, TargetStatus.MISSED: MISSED, TargetStatus.AWAITING: AWAITING}


def with_status(targets):
    """Targets annotated with `status` (met, missed or awaiting a result), computed by the database."""
    return targets.annotate(
        status=Case(
            When(AWAITING, then=Value(TargetStatus.AWAITING.value)),
            When(MET, then=Value(TargetStatus.MET.value)),
            default=Value(TargetStatus.MISSED.value),
            output_field=CharField(),
        )
    )
