"""The target counts an area page shows: set, met, missed and missing for one fiscal year."""

from dataclasses import dataclass

from ecotown.accounts.scopes import scope_q
from ecotown.criteria.models import Catalogue
from ecotown.targets.choices import TargetStatus
from ecotown.targets.models import Target
from ecotown.targets.progress import applicable_requirements, latest_catalogue_query, target_grid


@dataclass
class TargetSummary:
    """How many targets an area has set, met and missed for one fiscal year, and how many are still missing."""

    fiscal_year: int
    catalogue: Catalogue | None = None
    required: int = 0
    set: int = 0
    met: int = 0
    missed: int = 0
    awaiting: int = 0

    @property
    def missing(self) -> int:
        return self.required - self.set


def target_summary(area, fiscal_year: int, catalogue: Catalogue | None = None) -> TargetSummary:
    """Counts for the area page, on the latest catalogue unless one is given (at most three queries)."""
    catalogue = catalogue or latest_catalogue_query().first()
    summary = TargetSummary(fiscal_year, catalogue)
    if catalogue is None:
        return summary
    requirements = applicable_requirements(area, catalogue)
    summary.required = len(requirements)
    for row in target_grid(area, requirements, [fiscal_year]):
        cell = row.cells[0]
        if cell.target is None:
            continue
        summary.set += 1
        counter = {TargetStatus.MET: "met", TargetStatus.MISSED: "missed"}.get(cell.status, "awaiting")
        setattr(summary, counter, getattr(summary, counter) + 1)
    return summary


def target_summary_for_user(area, user, fiscal_year: int) -> TargetSummary | None:
    """The summary, or None when `user` may not see this area's targets (one more query at most)."""
    condition = scope_q(type(area), user, Target.permission_name("view"))
    if condition is not None and not type(area).objects.filter(condition, pk=area.pk).exists():
        return None
    return target_summary(area, fiscal_year)
