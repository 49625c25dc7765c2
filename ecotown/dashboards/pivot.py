"""The pivot of target results: one row per area × requirement, one column per fiscal year, each cell the
target, the result and whether it is met. Rows are paged in the database (pairs of area and requirement), so a
page reads the same few queries whatever the number of targets."""

from dataclasses import dataclass, field

from django.core.paginator import Paginator

from ecotown.dashboards.results import with_status
from ecotown.targets.choices import TargetStatus

ROWS_PER_PAGE = 50
ORDER = ("area__code", "requirement__catalogue__code", "requirement__position", "requirement__code")


@dataclass
class PivotRow:
    area: object
    requirement: object
    cells: dict = field(default_factory=dict)  # fiscal year → Target annotated with status

    def in_years(self, years) -> list:
        return [self.cells.get(year) for year in years]


def fiscal_years(targets) -> list[int]:
    return list(targets.order_by("fiscal_year").values_list("fiscal_year", flat=True).distinct())


def rows_of(targets) -> list[PivotRow]:
    """Targets (any order) grouped into rows by area and requirement, in the pivot's order."""
    rows: dict[tuple, PivotRow] = {}
    for target in with_status(targets).select_related("area", "requirement__level", "actual").order_by(*ORDER):
        row = rows.setdefault((target.area_id, target.requirement_id), PivotRow(target.area, target.requirement))
        target.status_label = TargetStatus(target.status).label
        row.cells[target.fiscal_year] = target
    return list(rows.values())


def page_of(targets, number) -> tuple:
    """(page of area × requirement pairs, its rows)."""
    pairs = targets.order_by(*ORDER).values_list("area_id", "requirement_id").distinct()
    page = Paginator(pairs, ROWS_PER_PAGE).get_page(number)
    areas = {area for area, _requirement in page.object_list}
    requirements = {requirement for _area, requirement in page.object_list}
    shown = {tuple(pair) for pair in page.object_list}
    rows = rows_of(targets.filter(area_id__in=areas, requirement_id__in=requirements))
    return page, [row for row in rows if (row.area.pk, row.requirement.pk) in shown]
