"""The area's target table (requirement × fiscal year) and its summary, each read in a fixed number of queries."""

from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Exists, OuterRef

from ecotown.criteria.models import AreaRequirementSelection, Requirement
from ecotown.targets import evaluation
from ecotown.targets.choices import TargetStatus
from ecotown.targets.models import Target


def applicable_requirements(area, catalogue) -> list[Requirement]:
    """Requirements of `catalogue` that take a target (any with a kind of target: the seed asks for a target on
    every requirement) and apply to `area`, in catalogue order (one query)."""
    selected = AreaRequirementSelection.objects.filter(area=area, requirement=OuterRef("pk"))
    requirements = list(
        Requirement.objects.filter(catalogue=catalogue)
        .exclude(target_kind="")
        .select_related("level", "catalogue")
        .annotate(selected_by_area=Exists(selected))
        .order_by("position", "code")
    )
    selected_ids = {requirement.pk for requirement in requirements if requirement.selected_by_area}
    return [requirement for requirement in requirements if requirement.applies_to(area, selected_ids)]


@dataclass
class Cell:
    requirement: Requirement
    fiscal_year: int
    target: Target | None = None
    url: str = ""
    detail_url: str = ""

    @property
    def actual(self):
        return getattr(self.target, "actual", None) if self.target else None

    @cached_property
    def status(self) -> TargetStatus:
        target, actual = self.target, self.actual
        if target is None:
            return TargetStatus.MISSING
        return evaluation.status(
            target.target_value, actual.value if actual else None, self.requirement.target_kind, target.direction
        )

    @property
    def css_class(self) -> str:
        return (
            "target-met"
            if self.status == TargetStatus.MET
            else ("target-missed" if self.status == TargetStatus.MISSED else "target-missing")
        )

    def shown(self, value) -> str:
        unit = self.target.unit if self.target else self.requirement.target_unit
        return evaluation.format_value(value, self.requirement.target_kind, unit)

    @property
    def target_text(self) -> str:
        return self.shown(self.target.target_value) if self.target else ""

    @property
    def actual_text(self) -> str:
        return self.shown(self.actual.value) if self.actual else ""


@dataclass
class Row:
    requirement: Requirement
    cells: list[Cell] = field(default_factory=list)


def target_grid(area, requirements, fiscal_years) -> list[Row]:
    """One row per requirement, one cell per fiscal year, with the target and actual found (one query)."""
    targets = Target.objects.filter(
        area=area, requirement__in=[r.pk for r in requirements], fiscal_year__in=list(fiscal_years)
    ).select_related("actual")
    found = {(t.requirement_id, t.fiscal_year): t for t in targets}
    rows = []
    for requirement in requirements:
        row = Row(requirement)
        for year in fiscal_years:
            target = found.get((requirement.pk, year))
            if target is not None:
                target.requirement = requirement
                target.area = area
            row.cells.append(Cell(requirement, year, target))
        rows.append(row)
    return rows
