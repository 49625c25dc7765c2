"""The upgrade report written out: a Thai PDF (an HTML template through WeasyPrint, charts embedded as PNG) and
an Excel workbook with one sheet per table of the report, header first, and an About sheet with the area, the
years, the cut-off date and the data that were missing. Both are written from the sections' results alone."""

import base64
import io
import re

from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from ecotown.core.dates import format_be
from ecotown.factories.exporters import neutralised
from ecotown.reports.charts import render_png

SHEET_NAME = re.compile(r"[\[\]:*?/\\]")
PDF_TEMPLATE = "reports/pdf/upgrade_report.html"


def cell_text(value) -> str:
    """A value as the PDF prints it: numbers with thousands separators, two decimals at most; — for nothing."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        text = f"{value:,.2f}"
        return text.rstrip("0").rstrip(".") if "." in text else text
    return str(value)


def write_pdf(meta: dict, results) -> tuple[bytes, int]:
    """The PDF and its number of pages."""
    from weasyprint import HTML

    sections = []
    for result in results:
        sections.append({
            "result": result,
            "charts": [_png_uri(render_png(chart)) for chart in result.charts],
            "tables": [{"table": t, "rows": [[cell_text(v) for v in row] for row in t.printed_rows]}
                       for t in result.tables],
        })  # fmt: skip
    missing = [line for result in results for line in result.missing]
    html = render_to_string(PDF_TEMPLATE, {**meta, "sections": sections, "missing": missing,
                                           "language": get_language()})  # fmt: skip
    document = HTML(string=html).render()
    return document.write_pdf(), len(document.pages)


def _png_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def write_workbook(meta: dict, results) -> bytes:
    workbook = Workbook()
    about = workbook.active
    about.title = _("About")
    for label, value in (
        (_("Report"), _("Area upgrade report")),
        (_("Area"), meta["area"].name_th),
        (_("Area code"), meta["area"].code),
        (_("Province"), meta["area"].province.name_th),
        (_("Baseline fiscal year"), meta["baseline"]),
        (_("Current fiscal year"), meta["current"]),
        (_("Data cut-off date"), format_be(meta["cut_off"], "long")),
        (_("Generated at"), format_be(meta["generated_at"], "datetime")),
    ):
        about.append([label, neutralised(value)])
    about.append([])
    about.append([_("Data missing")])
    about.cell(about.max_row, 1).font = Font(bold=True)
    for result in results:
        for line in result.missing:
            about.append([neutralised(line)])
    names = {about.title}
    for result in results:
        for table in result.tables:
            sheet = workbook.create_sheet(_sheet_name(table.title, names))
            sheet.append([neutralised(column) for column in table.columns])
            for cell in sheet[1]:
                cell.font = Font(bold=True)
            for row in table.rows:
                sheet.append([neutralised(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sheet_name(title: str, taken: set) -> str:
    """Excel allows 31 characters and none of []:*?/\\ in a sheet's name, each name once."""
    base = SHEET_NAME.sub(" ", title)[:31].strip()
    name, number = base, 2
    while name in taken:
        suffix = f" ({number})"
        name, number = base[: 31 - len(suffix)] + suffix, number + 1
    taken.add(name)
    return name
