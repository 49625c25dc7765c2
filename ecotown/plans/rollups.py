"""Roll-ups of a plan version by dimension and fiscal year (issue 14).

A project counts under each dimension of the requirements it serves (once per dimension, however many of its
requirements share it); a project serving none counts under "not linked to a requirement". In a fiscal year a
project counts when it has a budget line or a progress report that year; its budget is the sum of that year's
budget lines, its spending the sum of that year's reports (under any version: the project keeps its key) and its
progress the highest percent reported that year (percent complete is cumulative), 0 without a report.

Three queries (four without the projects at hand) whatever the size of the plan: the figures are summed in SQL
per project and year, then added up per dimension (a project may count under several dimensions, so SQL cannot
sum per dimension without counting a budget line twice)."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import F, Max, Sum
from django.utils.translation import gettext_lazy as _

from ecotown.criteria.models import Dimension
from ecotown.plans.models import BudgetLine, ProgressReport, Project

LINK_FIELDS = ("project_id", *(f"requirement__dimensions__{name}" for name in ("id", "code", "name_th", "name_en",
                                                                             "position")))  # fmt: skip
NOT_LINKED = _("not linked to a requirement")


@dataclass
class Cell:
    year: int
    projects: int = 0
    budget: Decimal = Decimal(0)
    spent: Decimal = Decimal(0)
    progress_sum: int = 0

    @property
    def progress(self) -> float | None:
        return self.progress_sum / self.projects if self.projects else None


@dataclass
class Row:
    dimension: object  # a Dimension, or None for projects serving no requirement
    cells: list = field(default_factory=list)

    @property
    def label(self):
        return str(self.dimension) if self.dimension is not None else NOT_LINKED


def by_dimension_and_year(version, projects=None) -> list[Row]:
    """One row per dimension (in catalogue order, "not linked" last), one cell per fiscal year of the plan.
    `projects`: the version's projects when the caller already has them (their `pk` and `key` are read)."""
    years = list(version.plan.years)
    if projects is None:
        keys = dict(Project.objects.filter(version=version).values_list("pk", "key"))
    else:
        keys = {project.pk: project.key for project in projects}
    links = (
        Project.requirements.through.objects.filter(project__version=version, requirement__dimensions__isnull=False)
        .order_by()
        .values_list(*LINK_FIELDS)
        .distinct()
    )
    dimensions_of: dict[int, set] = {pk: set() for pk in keys}
    found = {}
    for project_id, pk, code, name_th, name_en, position in links:
        dimensions_of[project_id].add(pk)
        found[pk] = Dimension(pk=pk, code=code, name_th=name_th, name_en=name_en, position=position)
    budget = {
        (row["project"], row["fiscal_year"]): row["total"]
        for row in BudgetLine.objects.filter(project__version=version)
        .order_by()
        .values("project", "fiscal_year")
        .annotate(total=Sum("amount"))
    }
    reports = {
        (row["project__key"], row["fiscal_year"]): (row["spent"], row["done"])
        for row in ProgressReport.objects.filter(project__key__in=keys.values())
        .order_by()
        .values("project__key", "fiscal_year")
        .annotate(spent=Sum("spent"), done=Max("percent_complete"))
    }
    dimensions = sorted(found.values(), key=lambda d: (d.position, d.code))
    rows = {d.pk: Row(d, [Cell(year) for year in years]) for d in dimensions}
    not_linked = Row(None, [Cell(year) for year in years])
    for project_id, key in keys.items():
        targets = [rows[d] for d in dimensions_of[project_id]] or [not_linked]
        for index, year in enumerate(years):
            amount = budget.get((project_id, year))
            spent, done = reports.get((key, year), (None, None))
            if amount is None and spent is None:
                continue
            for row in targets:
                cell = row.cells[index]
                cell.projects += 1
                cell.budget += amount or 0
                cell.spent += spent or 0
                cell.progress_sum += done or 0
    result = list(rows.values())
    if any(cell.projects for cell in not_linked.cells):
        result.append(not_linked)
    return result


def projects_per_dimension(versions) -> list[tuple[str, int]]:
    """(dimension, number of projects) over a queryset of version ids — the national view; a dimension is read by
    its code across catalogue versions, a project counts once per dimension; "not linked" last (two queries)."""
    from django.db.models import Count, Exists, Min, OuterRef
    from django.utils.translation import get_language

    projects = Project.objects.filter(version__in=versions).order_by()
    rows = (
        projects.filter(requirements__dimensions__isnull=False)
        .values(dimension_code=F("requirements__dimensions__code"))
        .annotate(
            n=Count("pk", distinct=True),
            position=Min("requirements__dimensions__position"),
            name_th=Max("requirements__dimensions__name_th"),
            name_en=Max("requirements__dimensions__name_en"),
        )
        .order_by("position", "dimension_code")
    )
    english = (get_language() or "th").startswith("en")
    result = [((row["name_en"] if english and row["name_en"] else row["name_th"]), row["n"]) for row in rows]
    linked = Dimension.objects.filter(requirements__plan_projects=OuterRef("pk"))
    not_linked = projects.filter(~Exists(linked)).count()
    if not_linked:
        result.append((NOT_LINKED, not_linked))
    return result
