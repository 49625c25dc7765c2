"""The target counts an area page shows: set, met, missed and missing for one fiscal year."""

from dataclasses import dataclass

from django.db.models import Subquery

from ecotown.core.scopes import may
from ecotown.criteria.models import Catalogue
from ecotown.targets.choices import TargetStatus
from ecotown.targets.models import Target
from ecotown.targets.periods import catalogue_for
from ecotown.targets.progress import applicable_requirements, target_grid


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
    """Counts for the area page, on the version in force for `fiscal_year` unless one is given (two queries
    when that version has requirements that take targets)."""
    if catalogue is None:
        # The version in force comes joined to its requirements rather than by a query of its own.
        in_force = Catalogue.objects.in_force_for(fiscal_year).values("pk")[:1]
        requirements = applicable_requirements(area, Subquery(in_force))
        catalogue = requirements[0].catalogue if requirements else catalogue_for(fiscal_year)
    else:
        requirements = applicable_requirements(area, catalogue)
    summary = TargetSummary(fiscal_year, catalogue)
    if catalogue is None:
        return summary
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
    if not may(user, Target.permission_name("view"), area):
        return None
    return target_summary(area, fiscal_year)
