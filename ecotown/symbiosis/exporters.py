"""The area's exchanges as an Excel workbook: candidates and realised exchanges, and the totals per fiscal year."""

import io

from django.utils import translation
from openpyxl import Workbook
from openpyxl.styles import Font

from ecotown.core.dates import format_be
from ecotown.factories.exporters import CONTENT_TYPE, neutralised

__all__ = ["CONTENT_TYPE", "AreaExchangeExporter"]


class AreaExchangeExporter:
    HEADER = ("ลำดับ", "สถานะ", "วัสดุ", "รหัสของเสีย", "ของเสียอันตราย", "ผู้ส่ง", "ผู้รับ", "ปริมาณต่อปี", "หน่วย",
              "ระยะทางถนนโดยประมาณ (กม.)", "ทดแทนการจัดการเดิม", "ทดแทนวัตถุดิบ", "ตันที่เบี่ยงเบนต่อปี",
              "ลดการฝังกลบ (ตัน/ปี)", "ลดก๊าซเรือนกระจก (tCO2e/ปี)", "วันเริ่ม", "วันสิ้นสุด", "เหตุผล")  # fmt: skip
    TOTALS = ("ปีงบประมาณ", "การแลกเปลี่ยนที่ดำเนินการ", "ตันที่แลกเปลี่ยน", "ลดการฝังกลบ (ตัน)",
              "ลดก๊าซเรือนกระจก (tCO2e)", "เครือข่าย (กลุ่มโรงงาน)")  # fmt: skip

    def __init__(self, area, exchanges, totals, table, day):
        self.area, self.exchanges, self.totals, self.table, self.day = area, exchanges, totals, table, day

    @property
    def filename(self) -> str:
        return f"symbiosis-{self.area.code}-{self.day.isoformat()}.xlsx"

    def rows(self):
        yield self.HEADER
        for rank, e in enumerate(self.exchanges, start=1):
            yield (
                rank, e.get_status_display(), e.material, e.waste_codes, "ใช่" if e.hazardous else "ไม่ใช่",
                e.supplier.name, e.receiver.name, float(e.quantity), e.unit,
                None if e.distance_km is None else float(e.distance_km), e.get_replaces_display(),
                e.replaces_material, float(e.diverted_t), float(e.landfill_avoided_t), float(e.ghg_avoided_t),
                format_be(e.start_date, language="th") if e.start_date else "",
                format_be(e.end_date, language="th") if e.end_date else "", e.status_reason,
            )  # fmt: skip

    def total_rows(self):
        yield self.TOTALS
        for row in self.totals:
            yield (row["year"], row["exchanges"], round(row["tonnes"], 3), round(row["landfill_avoided_t"], 3),
                   round(row["ghg_avoided_t"], 3), row["links"])  # fmt: skip

    def to_xlsx(self) -> bytes:
        with translation.override("th"):  # a Thai workbook whatever the page's language, like its headers
            return self._workbook()

    def _workbook(self) -> bytes:
        workbook = Workbook()
        sheets = ((workbook.active, "การแลกเปลี่ยน", self.rows()), (workbook.create_sheet(), "ผลรวมรายปี",
                                                                      self.total_rows()))  # fmt: skip
        for sheet, title, rows in sheets:
            sheet.title = title
            for row in rows:
                sheet.append([neutralised(value) for value in row])
            for cell in sheet[1]:
                cell.font = Font(bold=True)
        about = workbook.create_sheet("ข้อมูลไฟล์")
        about.append(["พื้นที่", neutralised(str(self.area))])
        about.append(["ณ วันที่", format_be(self.day, language="th")])
        if self.table is not None:
            about.append(["ตารางจับคู่", neutralised(f"{self.table.title_th} ({self.table.version})")])
        about.append(["หมายเหตุ", "ตัวคูณระยะทาง ค่าการปล่อยก๊าซ และหมวดวัสดุเป็นค่าชั่วคราวตามตารางจับคู่"])
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()
