"""The upgrade report is an ordered list of sections. Each section builder reads the records of one app for the
report's area, years and cut-off date and returns its text, tables, charts and what data were missing; the PDF
and the workbook are written from these alone (exporters.py). A section is one call in `ReportsConfig.ready()`:
`register_section(Section("capacity", _("Capacity building delivered"), build, order=65))`.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from ecotown.core.dates import fiscal_year_bounds
from ecotown.reports.charts import Chart


@dataclass(frozen=True)
class ReportInput:
    """What every section reads: the area, the baseline and current fiscal years (B.E.) and the cut-off date."""

    area: object
    baseline: int
    current: int
    cut_off: datetime.date

    @property
    def years(self) -> list[int]:
        return list(range(self.baseline, self.current + 1))

    def year_end(self, year: int) -> datetime.date:
        """The day a fiscal year's standing is read on: its last day, or the cut-off date when that is earlier."""
        return min(fiscal_year_bounds(year)[1], self.cut_off)

    def year_bounds(self, year: int) -> tuple[datetime.date, datetime.date]:
        first, _last = fiscal_year_bounds(year)
        return first, self.year_end(year)


@dataclass
class Table:
    """A table of the report: the same rows in the PDF and on a sheet of the workbook (header first).
    `pdf_rows` caps what the PDF prints of a long table; the workbook always has every row."""

    key: str
    title: str
    columns: list[str]
    rows: list[list]
    pdf_rows: int | None = None

    @property
    def printed_rows(self) -> list[list]:
        return self.rows if self.pdf_rows is None else self.rows[: self.pdf_rows]

    @property
    def rows_left_out(self) -> int:
        return max(0, len(self.rows) - len(self.printed_rows))


@dataclass
class SectionResult:
    key: str
    title: str
    paragraphs: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    build: Callable[[ReportInput, SectionResult], None]  # fills the result it is given
    order: int = 50


_sections: list[Section] = []


def register_section(section: Section) -> None:
    """Add (or replace, by key) a section of the report; sections are printed in `order`."""
    _sections[:] = [item for item in _sections if item.key != section.key]
    _sections.append(section)
    _sections.sort(key=lambda item: item.order)


def sections() -> list[Section]:
    return list(_sections)


def build_sections(report_input: ReportInput, progress=None) -> list[SectionResult]:
    """Run every section in order; `progress(done, total)` after each."""
    results = []
    chosen = sections()
    for number, section in enumerate(chosen, start=1):
        result = SectionResult(section.key, str(section.title))
        section.build(report_input, result)
        results.append(result)
        if progress is not None:
            progress(number, len(chosen))
    return results


def change_percent(before, after) -> float | None:
    """The change from `before` to `after` in percent of `before`; None when there is no base to compare with."""
    if before is None or after is None or before == 0:
        return None
    return (float(after) - float(before)) / abs(float(before)) * 100
