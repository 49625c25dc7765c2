"""A plan's timeline (issue 14): each project as a bar from its start to its end date over the plan's fiscal years
(October to September), one grid column per fiscal quarter. The strict CSP forbids inline styles, so a bar is
placed by classes (`tl-start-N`, `tl-span-M`, defined in core/ecotown.css up to MAX_COLUMNS)."""

import datetime
from dataclasses import dataclass

from ecotown.core.dates import fiscal_year
from ecotown.plans.choices import ProjectStatus

MAX_COLUMNS = 60  # 15 fiscal years of quarters; the stylesheet defines as many classes


@dataclass
class Bar:
    project: object
    start: int | None = None  # first grid column (1-based)
    span: int | None = None
    clipped: bool = False  # the dates run beyond the plan's years

    @property
    def status(self) -> str:
        return getattr(self.project, "latest_status", None) or "none"

    @property
    def status_label(self) -> str:
        status = getattr(self.project, "latest_status", None)
        return ProjectStatus(status).label if status in ProjectStatus.values else ""

    def cells(self, columns: int) -> list[tuple[int, bool]]:
        """The row of a table drawing this bar (the PDF: WeasyPrint lays tables out surely): (colspan, is the
        bar) — one empty cell per quarter before and after, so the quarters' lines show."""
        before, after = self.start - 1, columns - (self.start + self.span - 1)
        return [(1, False)] * before + [(self.span, True)] + [(1, False)] * after


def column(plan, value: datetime.date) -> int:
    """The grid column (1-based, may fall outside the plan) of the fiscal quarter a date falls in."""
    quarter = (value.month - 10) % 12 // 3
    return (fiscal_year(value) - plan.first_year) * 4 + quarter + 1


def columns(plan) -> int:
    return min(len(plan.years) * 4, MAX_COLUMNS)


def bars(plan, projects) -> tuple[list[Bar], list]:
    """Bars of the projects with both dates (clipped to the plan's years), and the projects without dates."""
    last = columns(plan)
    placed, undated = [], []
    for project in projects:
        if not (project.start_date and project.end_date):
            undated.append(project)
            continue
        first, end = column(plan, project.start_date), column(plan, project.end_date)
        first, end = min(first, end), max(first, end)
        start, stop = max(first, 1), min(end, last)
        if start > last or stop < 1:  # entirely outside the plan: a one-quarter mark at the nearest edge
            start = stop = last if start > last else 1
        placed.append(Bar(project, start, stop - start + 1, clipped=(start, stop) != (first, end)))
    return placed, undated


@dataclass
class Quarter:
    column: int
    fiscal_year: int  # B.E.
    quarter: int  # 1–4, October–December first
    first_day: datetime.date
    last_day: datetime.date


def quarters(plan) -> list[Quarter]:
    """The fiscal quarters the grid shows, with their dates (fiscal year Y B.E. starts on 1 October of Y − 544)."""
    found = []
    for column, number in quarter_headers(plan):
        year = plan.first_year + (column - 1) // 4
        first_month = (9 + 3 * (number - 1)) % 12 + 1  # October, January, April, July
        calendar_year = year - 543 - (1 if first_month == 10 else 0)
        first = datetime.date(calendar_year, first_month, 1)
        months = first_month + 2  # the quarter's third month, counted from January of `calendar_year` as 0
        following = datetime.date(calendar_year + months // 12, months % 12 + 1, 1)
        found.append(Quarter(column, year, number, first, following - datetime.timedelta(days=1)))
    return found


def year_headers(plan) -> list[tuple[int, int]]:
    """(fiscal year, first column) of each year the grid shows."""
    return [(year, index * 4 + 1) for index, year in enumerate(plan.years) if index * 4 < MAX_COLUMNS]


def quarter_headers(plan) -> list[tuple[int, int]]:
    """(column, quarter number 1–4) of each fiscal quarter the grid shows."""
    return [(start + quarter, quarter + 1) for _year, start in year_headers(plan) for quarter in range(4)]


@dataclass
class Timeline:
    """What the timeline page, the plan's PDF and the API show of one version."""

    plan: object
    version: object
    quarters: list
    bars: list
    undated: list


def of(version, projects) -> Timeline:
    """The timeline of `version` (its plan attached) from its projects (annotated by `progress.with_progress`)."""
    placed, undated = bars(version.plan, projects)
    return Timeline(version.plan, version, quarters(version.plan), placed, undated)
