"""Our own Excel template for the factory register, and reading it back (issue 15: "and an Excel template of
our own").

The template has the Ministry's Factory_Data columns, each headed by its label in the page's language and its
code in brackets (`ชื่อโรงงาน (FNAME)`), so a filled template is read by the same importer as the CSV: rows
become the CSV reader's lists of text and go through the same checks, preview, confirmation and error report.
Row 2 is an example, marked in its note column and skipped. A second sheet explains each column; a third holds
the provinces the province column offers.

A workbook is untrusted input, bounded like every workbook the project reads (docs/security.md): the zip is
measured before openpyxl opens it (`targets.importers.check_workbook_zip`), XML goes through defusedxml,
openpyxl streams the sheet (read-only mode), at most MAX_ROWS rows and MAX_COLUMNS columns are read, and a
formula, or text a spreadsheet would run as one, refuses its row.
"""

import datetime
import io
import re

from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from ecotown.core.thai import thai_order
from ecotown.factories.exporters import neutralised
from ecotown.factories.importers import COLUMNS, TEXT_COLUMNS, FileProblem, RowProblem
from ecotown.factories.models import Factory
from ecotown.factories.samples import sample_rows
from ecotown.geo.models import Province
from ecotown.targets import importers as workbooks

MAX_ROWS = 20_000  # a province's register; the national file comes as the Ministry's CSV
MAX_COLUMNS = 40
NOTE = "NOTE"
CODE = re.compile(r"\(([A-Z_]{2,20})\)\s*$")
EXAMPLE_MARKS = ("ตัวอย่าง", "example")
FORMULA_START = ("=", "+", "-", "@")
FIRST_DATA_ROW = 3
# The model field each column fills, for its label (the codes read on their own have their own labels below).
FIELDS = {**TEXT_COLUMNS, "FACREG": "registration_number", "DISPFACREG": "old_registration_number",
          "FTUMNAME": "subdistrict", "FAMPNAME": "district", "FPROVNAME": "province", "TOTAL_CAP": "capital",
          "TOTAL_WORKER": "workers", "HP": "horsepower", "LAT": "latitude", "LNG": "longitude",
          "ESTATE": "in_industrial_estate", "FFLAG": "operating_status",
          "LAST_UPDATE": "source_updated"}  # fmt: skip
TEXT_FORMAT = ("FACREG", "DISPFACREG", "FACTYPE", "ISIC_CODE", "FMOO")  # digits Excel must not turn into numbers


def _notes() -> dict[str, str]:
    return {
        "FACREG": _("Required. The 14 digits; the column is text so that Excel keeps every digit."),
        "DISPFACREG": _("e.g. 3-105-1/60ชบ"),
        "FNAME": _("Required."),
        "FPROVNAME": _("Required: a province chosen from the list."),
        "FAMPNAME": _("As written; matched with the official names."),
        "FTUMNAME": _("As written; matched with the official names."),
        "TOTAL_CAP": _("A number, zero or more."),
        "HP": _("A number, zero or more."),
        "TOTAL_WORKER": _("A whole number, zero or more."),
        "LAT": _("Decimal degrees in Thailand, e.g. 13.7563; give both or neither."),
        "LNG": _("Decimal degrees in Thailand, e.g. 100.5018; give both or neither."),
        "ESTATE": _("IN inside an industrial estate, OUT outside."),
        "FFLAG": _("0 licensed, 1 operating, 2 struck off, 3 temporarily stopped."),
        "LAST_UPDATE": _("A date, e.g. 14/08/2569."),
        NOTE: _("Not imported. A row whose note starts with “example” is skipped."),
    }


def header(code: str) -> str:
    label = Factory._meta.get_field(FIELDS[code]).verbose_name if code in FIELDS else _("note")
    label = str(label)
    return f"{label[:1].upper()}{label[1:]} ({code})"


class FactoryTemplateExporter:
    """The empty template with one example row, in the language of the request."""

    filename = "factory-template.xlsx"

    def to_xlsx(self) -> bytes:
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = _("Factories")
        codes = [*COLUMNS, NOTE]
        sheet.append([header(code) for code in codes])
        example = dict(zip(COLUMNS, next(sample_rows(1, seed=15, provinces=["13"])), strict=True))
        sheet.append([neutralised(example.get(code, _("Example: this row is not imported."))) for code in codes])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for cell in sheet[2]:
            cell.font = Font(italic=True, color="808080")
            cell.fill = PatternFill("solid", fgColor="F2F2F2")
        sheet.freeze_panes = "A2"
        for index, code in enumerate(codes, start=1):
            letter = sheet.cell(row=1, column=index).column_letter
            sheet.column_dimensions[letter].width = 22
            if code in TEXT_FORMAT:
                for row in (2, *range(FIRST_DATA_ROW, FIRST_DATA_ROW + 200)):
                    sheet.cell(row=row, column=index).number_format = "@"
        self._notes(workbook.create_sheet(_("Notes")), codes)
        self._validations(sheet, codes, self._lists(workbook))
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()

    def _lists(self, workbook) -> str:
        lists = workbook.create_sheet(_("Lists"))
        lists.append([_("province")])
        names = list(Province.objects.order_by(thai_order("name_th")).values_list("name_th", flat=True))
        for name in names:
            lists.append([name])
        return f"'{lists.title}'!$A$2:$A${len(names) + 1}"

    def _validations(self, sheet, codes, provinces: str) -> None:
        last = FIRST_DATA_ROW + MAX_ROWS - 1
        rules = {
            "FPROVNAME": DataValidation(type="list", formula1=provinces),
            "FFLAG": DataValidation(type="list", formula1='"0,1,2,3"'),
            "ESTATE": DataValidation(type="list", formula1='"IN,OUT"'),
            "TOTAL_WORKER": DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0"),
            "TOTAL_CAP": DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0"),
            "HP": DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0"),
            "LAT": DataValidation(type="decimal", operator="between", formula1="5.5", formula2="20.6"),
            "LNG": DataValidation(type="decimal", operator="between", formula1="97.3", formula2="105.7"),
        }
        for code, rule in rules.items():
            letter = sheet.cell(row=1, column=codes.index(code) + 1).column_letter
            rule.error = _notes()[code]
            rule.showErrorMessage = True
            rule.add(f"{letter}{FIRST_DATA_ROW}:{letter}{last}")
            sheet.add_data_validation(rule)

    def _notes(self, sheet, codes) -> None:
        sheet.append([_("Fill one row per factory on the first sheet from row 3; row 2 is an example. "
                        "Type values, not formulas.")])  # fmt: skip
        sheet.append([_("column"), _("code"), _("what to enter")])
        notes = _notes()
        for code in codes:
            sheet.append([header(code).rsplit(" (", 1)[0], code, notes.get(code, "")])
        for cell in sheet[2]:
            cell.font = Font(bold=True)
        sheet.column_dimensions["A"].width = 30
        sheet.column_dimensions["C"].width = 80


# -- reading ---------------------------------------------------------------------------------------------------


def read_workbook(file):
    """The template's first sheet as the CSV reader gives it: the header as column codes, then each row as a
    list of text; a row holding a formula is a RowProblem instead; the example row is an empty list."""
    try:
        workbooks.check_workbook_zip(file)
    except workbooks.FileProblem as problem:
        raise FileProblem(str(problem)) from None
    try:
        # Formulas are read as written (not their cached results), so that one is refused, never obeyed.
        workbook = load_workbook(file, read_only=True, data_only=False)
    except Exception:
        raise FileProblem(_("This is not an Excel (.xlsx) file that can be read.")) from None
    return _lines(workbook)


def _lines(workbook):
    try:
        lines = workbook.worksheets[0].iter_rows(max_col=MAX_COLUMNS)
        codes = [_code(cell.value) for cell in next(lines, ())]
        yield codes
        note = codes.index(NOTE) if NOTE in codes else None
        for number, line in enumerate(lines, start=2):
            if number > MAX_ROWS + FIRST_DATA_ROW - 1:
                raise FileProblem(_("The workbook has more than {count} rows: split it, or import the Ministry's "
                                    "CSV file.").format(count=f"{MAX_ROWS:,}"))  # fmt: skip
            yield _cells(line, codes, note)
    finally:
        workbook.close()


def _code(value) -> str:
    """A header's column code: `ชื่อโรงงาน (FNAME)` → FNAME; a bare code (a CSV header pasted in) as it is."""
    text = str(value or "").strip()
    found = CODE.search(text)
    return found[1] if found else text.upper()


def _cells(line, codes, note):
    if note is not None and note < len(line) and str(line[note].value or "").strip().lower().startswith(EXAMPLE_MARKS):
        return []
    cells = []
    for index, cell in enumerate(line):
        code = codes[index] if index < len(codes) else ""
        if getattr(cell, "data_type", None) == "f":
            return RowProblem(code, lambda code=code: _("The cell {column} holds a formula: type the value itself.")
                              .format(column=code))  # fmt: skip
        text = _text(cell.value)
        if code in TEXT_COLUMNS and text.startswith(FORMULA_START):
            return RowProblem(code, lambda code=code, sign=text[0]: _(
                "{column} starts with {sign}, which a spreadsheet would run as a formula: remove the sign."
            ).format(column=code, sign=sign))  # fmt: skip
        cells.append(text)
    return cells


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)
