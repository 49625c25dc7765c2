"""Findings closed (audits): nonconformities raised by each fiscal year's audits, how many were closed by the
cut-off date and how many stay open, and the list of findings closed over the period."""

from django.utils.translation import gettext as _

from ecotown.audits.choices import NONCONFORMITIES, FindingStatus, Grade
from ecotown.audits.models import Finding
from ecotown.core.dates import fiscal_year_bounds, format_be
from ecotown.reports.charts import Chart
from ecotown.reports.sections import Table


def _closed_by(finding, cut_off) -> bool:
    return finding.status == FindingStatus.CLOSED and finding.closed_on is not None and finding.closed_on <= cut_off


def build(inp, result) -> None:
    findings = list(Finding.objects.filter(assessment__area=inp.area, assessment__fiscal_year__lte=inp.current)
                    .select_related("assessment", "requirement").order_by("closed_on", "pk"))  # fmt: skip
    grades = dict(Grade.choices)
    rows, raised, closed = [], [], []
    for year in inp.years:
        of_year = [f for f in findings if f.assessment.fiscal_year == year and f.grade in NONCONFORMITIES]
        shut = [f for f in of_year if _closed_by(f, inp.cut_off)]
        rows.append([year, len(of_year), sum(f.grade == Grade.MAJOR for f in of_year), len(shut),
                     len(of_year) - len(shut)])  # fmt: skip
        raised.append(len(of_year))
        closed.append(len(shut))
    start = fiscal_year_bounds(inp.baseline)[0]
    listed = [[f.assessment.fiscal_year, f.requirement.code, str(grades[f.grade]), f.statement[:200],
               format_be(f.closed_on)] for f in findings
              if _closed_by(f, inp.cut_off) and f.closed_on >= start]  # fmt: skip
    still_open = sum(1 for f in findings if f.grade in NONCONFORMITIES and not _closed_by(f, inp.cut_off))
    result.paragraphs.append(
        _(
            "{closed} findings were closed between {start} and {cut_off}; {open} nonconformities were still open on "
            "the cut-off date."
        ).format(
            closed=len(listed), start=format_be(start, "long"), cut_off=format_be(inp.cut_off, "long"), open=still_open
        )
    )
    result.tables.append(Table("findings_by_year", _("Nonconformities by the fiscal year of the audit"), [
        _("Fiscal year"), _("Nonconformities"), _("Major"), _("Closed by the cut-off date"), _("Still open")],
        rows))  # fmt: skip
    result.tables.append(Table("findings_closed", _("Findings closed"), [
        _("Fiscal year"), _("Code"), _("Grade"), _("Finding"), _("Closed on")], listed, pdf_rows=40))  # fmt: skip
    result.charts.append(Chart(_("Nonconformities raised and closed"), _("findings"), [str(y) for y in inp.years],
                               [(_("raised"), raised), (_("closed"), closed)]))  # fmt: skip
    if not findings:
        result.missing.append(_("Findings: no audit finding of the area is recorded."))
