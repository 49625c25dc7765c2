"""Excel lists of factories. Text a spreadsheet could run as a formula is written as text (OWASP)."""

import io

from openpyxl import Workbook
from openpyxl.styles import Font

from ecotown.core.dates import format_be

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def neutralised(value):
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


class LackingManagementExporter:
    """Seed 001's list: the area's factories without environmental or safety management or without CSR-DIW."""

    HEADER = ("เลขทะเบียนโรงงาน", "เลขทะเบียนเดิม", "ชื่อโรงงาน", "ผู้ประกอบการ", "อำเภอ", "จำพวก",
              "ระบบการจัดการสิ่งแวดล้อม", "ระบบการจัดการความปลอดภัย", "CSR-DIW")  # fmt: skip

    def __init__(self, area, factories, day):
        self.area, self.factories, self.day = area, factories, day

    @property
    def filename(self) -> str:
        return f"factories-without-management-{self.area.code}-{self.day.isoformat()}.xlsx"

    def rows(self):
        yield self.HEADER
        for factory in self.factories:
            yield (
                factory.registration_number, factory.old_registration_number, factory.name, factory.operator_name,
                factory.district.name_th if factory.district_id else factory.district_name, factory.factory_class,
                _mark(factory.has_environmental), _mark(factory.has_safety), _mark(factory.has_csr),
            )  # fmt: skip

    def to_xlsx(self) -> bytes:
        workbook = Workbook(write_only=False)
        sheet = workbook.active
        sheet.title = "โรงงาน"
        for row in self.rows():
            sheet.append([neutralised(value) for value in row])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        about = workbook.create_sheet("ข้อมูลไฟล์")
        about.append(["พื้นที่", neutralised(str(self.area))])
        about.append(["ณ วันที่", format_be(self.day, language="th")])
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()


def _mark(held: bool) -> str:
    return "มี" if held else "ไม่มี"
