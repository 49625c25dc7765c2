"""The plain balance check for one factory and period: does what goes in come out?"""

from dataclasses import dataclass

WARN_ABOVE_PERCENT = 10.0  # a provisional threshold: DIW publishes none; the page lets the reviewer judge


@dataclass(frozen=True)
class BalanceCheck:
    total_in: float
    total_out: float
    gap: float  # in − out (stock build-up, unrecorded losses or errors)
    gap_percent: float | None  # of the larger side; None when nothing was recorded
    warning: bool

    @property
    def closes(self) -> bool:
        return not self.warning


def balance_check(inputs, outputs, *, threshold_percent: float = WARN_ABOVE_PERCENT) -> BalanceCheck:
    """Masses in and out (iterables of numbers, one base unit) and the closure gap in % of the larger side."""
    total_in, total_out = float(sum(inputs)), float(sum(outputs))
    larger = max(total_in, total_out)
    gap = total_in - total_out
    percent = abs(gap) / larger * 100 if larger > 0 else None
    return BalanceCheck(total_in, total_out, gap, percent, percent is not None and percent > threshold_percent)
