"""Exports of target values. The area workbook is also the import template (importers.AreaTargetImporter)."""

import io

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from ecotown.core.dates import format_be, to_be
from ecotown.targets import progress
from ecotown.targets.choices import Direction, TargetStatus
from ecotown.targets.periods import fiscal_years_shown

SHEET_TARGETS = "ค่าเป้าหมาย"
SHEET_ABOUT = "ข้อมูลไฟล์"
ABOUT_AREA, ABOUT_CATALOGUE, ABOUT_VERSION = "รหัสพื้นที่", "รหัสเกณฑ์", "ฉบับเกณฑ์"

# (key, Thai header). The headers are the template's contract with the importer: keep them stable.
COLUMNS = (
    ("code", "รหัสข้อกำหนด"),
    ("title", "ข้อกำหนด"),
    ("kind", "ชนิดค่าเป้าหมาย"),
    ("fiscal_year", "ปีงบประมาณ"),
    ("baseline_value", "ค่าฐาน"),
    ("baseline_year", "ปีฐาน"),
    ("target_value", "ค่าเป้าหมาย"),
    ("unit", "หน่วย"),
    ("direction", "ทิศทาง"),
    ("data_source", "แหล่งข้อมูล"),
    ("actual_value", "ผลการดำเนินงาน"),
    ("recorded_on", "วันที่บันทึกผล"),
    ("evidence_url", "ลิงก์หลักฐาน"),
    ("status", "ผลการประเมิน"),
)
HEADERS = dict(COLUMNS)
# Columns the importer ignores: they are there to help the person filling the sheet in.
READ_ONLY_COLUMNS = {"title", "kind", "status"}

DIRECTION_TH = {Direction.AT_LEAST: "ไม่น้อยกว่า", Direction.AT_MOST: "ไม่เกิน", Direction.EXACTLY: "เท่ากับ"}
KIND_TH = {"number": "ตัวเลข", "percentage": "ร้อยละ", "yes_no": "ใช่/ไม่ใช่ (1/0)", "count": "จำนวนนับ"}
STATUS_TH = {
    TargetStatus.MET: "บรรลุ",
    TargetStatus.MISSED: "ไม่บรรลุ",
    TargetStatus.AWAITING: "รอผล",
    TargetStatus.MISSING: "ยังไม่ตั้งค่าเป้าหมาย",
}
STATUS_FILL = {
    TargetStatus.MET: PatternFill("solid", fgColor="D1E7DD"),
    TargetStatus.MISSED: PatternFill("solid", fgColor="F8D7DA"),
}


class AreaTargetExporter:
    """One row per requirement × fiscal year for an area and catalogue, with Thai headers."""

    content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    def __init__(self, area, catalogue, fiscal_years=None):
        self.area, self.catalogue = area, catalogue
        self.fiscal_years = tuple(fiscal_years or fiscal_years_shown())

    @property
    def filename(self) -> str:
        return f"targets-{self.area.code}-{self.catalogue.code}-{self.catalogue.version}.xlsx"

    def rows(self):
        """The header, then one list of values per requirement × fiscal year."""
        yield [header for _key, header in COLUMNS]
        requirements = progress.applicable_requirements(self.area, self.catalogue)
        for row in progress.target_grid(self.area, requirements, self.fiscal_years):
            for cell in row.cells:
                yield self.values(cell)

    def values(self, cell) -> list:
        requirement, target, actual = cell.requirement, cell.target, cell.actual
        values = {
            "code": requirement.code,
            "title": requirement.title_th,
            "kind": KIND_TH.get(requirement.target_kind, requirement.target_kind),
            "fiscal_year": cell.fiscal_year,
            "unit": target.unit if target else requirement.target_unit,
            "direction": DIRECTION_TH[target.direction if target else Direction.AT_LEAST],
            "status": STATUS_TH[cell.status],
        }
        if target:
            values.update(
                baseline_value=target.baseline_value,
                baseline_year=target.baseline_year,
                target_value=target.target_value,
                data_source=target.data_source,
            )
        if actual:
            values.update(
                actual_value=actual.value,
                recorded_on=_numeric_date(actual.recorded_on),
                evidence_url=actual.evidence_url,
            )
        return [_cell_value(values.get(key)) for key, _header in COLUMNS]

    def to_xlsx(self) -> bytes:
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = SHEET_TARGETS
        status_column = len(COLUMNS)
        for number, values in enumerate(self.rows(), start=1):
            sheet.append([neutralised(value) for value in values])
            if number == 1:
                continue
            status = next((key for key, text in STATUS_TH.items() if text == values[-1]), None)
            if status in STATUS_FILL:
                sheet.cell(number, status_column).fill = STATUS_FILL[status]
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        for index, width in enumerate((14, 60, 14, 12, 12, 10, 14, 12, 14, 30, 16, 16, 30, 20), start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        about = workbook.create_sheet(SHEET_ABOUT)
        about.append([ABOUT_AREA, neutralised(self.area.code)])
        about.append([ABOUT_CATALOGUE, neutralised(self.catalogue.code)])
        about.append([ABOUT_VERSION, neutralised(self.catalogue.version)])
        about.append(["ส่งออกเมื่อ", format_be(timezone.localtime(), "long", language="th")])
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()


FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def neutralised(value):
    """Text as text (OWASP's rule for spreadsheet injection): a cell that starts with = + - @ or a control
    character gets a leading apostrophe, so a spreadsheet shows it instead of running it as a formula; control
    characters an .xlsx cannot hold (NUL, bell, escape…: openpyxl refuses the whole file) are dropped. Numbers
    and dates pass as they are."""
    if not isinstance(value, str):
        return value
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    if value.startswith(FORMULA_START):
        return "'" + value
    return value


def _numeric_date(day) -> str:
    """`22/11/2569`: the importer reads it back with core.dates.parse_date."""
    return f"{day.day:02d}/{day.month:02d}/{to_be(day.year)}"


def _cell_value(value):
    return None if value == "" else value
