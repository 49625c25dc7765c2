"""Excel workbooks of the dashboards' tables, one class per dashboard; every sheet is rows, header first, and
one writer turns them into a workbook. Headers are Thai (the programme's language, as the other exports);
text a spreadsheet could run as a formula is written as text (targets.exporters.neutralised, OWASP)."""

import io

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

from ecotown.core.dates import format_be
from ecotown.dashboards.pivot import fiscal_years, rows_of
from ecotown.factories.choices import WasteRoute
from ecotown.targets.exporters import STATUS_TH, neutralised

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ROUTE_TH = {
    WasteRoute.REUSE: "ใช้ซ้ำ",
    WasteRoute.RECYCLE: "นำกลับมาใช้ใหม่",
    WasteRoute.ENERGY_RECOVERY: "นำกลับมาเป็นพลังงาน",
    WasteRoute.TREATMENT: "บำบัด",
    WasteRoute.LANDFILL: "ฝังกลบ",
}


def to_xlsx(sheets) -> bytes:
    """`sheets`: (title, rows) pairs, each rows' first item the header."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets:
        sheet = workbook.create_sheet(title[:31])
        for values in rows:
            sheet.append([neutralised(value) for value in values])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
    about = workbook.create_sheet("ข้อมูลไฟล์")
    about.append(["ส่งออกเมื่อ", format_be(timezone.localtime(), "long", language="th")])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def outcome_rows(outcomes: dict):
    yield [
        "ปี (พ.ศ.)",
        "จำนวนโรงงานที่รายงาน",
        *(f"กากอุตสาหกรรม: {ROUTE_TH[route]} (ตัน)" for route in WasteRoute),
        "กากอุตสาหกรรมอันตราย (ตัน)",
        "น้ำใช้ (ลบ.ม.)",
        "ก๊าซเรือนกระจก ขอบเขต 1+2 (ตันคาร์บอนไดออกไซด์เทียบเท่า)",
    ]
    for year, outcome in outcomes.items():
        if not outcome.disclosed:
            yield [year, outcome.factories, *([None] * (len(WasteRoute) + 3))]
            continue
        waste = [round(outcome.waste.get(route, 0.0), 3) for route in WasteRoute]
        yield [
            year,
            outcome.factories,
            *waste,
            round(outcome.hazardous_t, 3),
            round(outcome.water_m3, 3),
            round(outcome.ghg_t, 3),
        ]


class NationalExporter:
    filename = "national-dashboard.xlsx"

    def __init__(self, figures: dict):
        self.figures = figures

    def sheets(self):
        figures = self.figures
        yield (
            "จังหวัด",
            [
                ["รหัสจังหวัด", "จังหวัด", "จำนวนพื้นที่", "พื้นที่ที่ได้รับการรับรอง", "ระดับสูงสุดที่ได้รับการรับรอง"],
                *([p.code, p.name, p.areas, p.certified, p.best_level] for p in figures["provinces"]),
            ],
        )
        yield (
            "ระดับรายปี",
            [
                ["ปี (พ.ศ.)", "ระดับ", "จำนวนพื้นที่"],
                *([row["year_be"], row["level__number"], row["areas"]] for row in figures["levels"]),
            ],
        )
        names = {"provinces": "จังหวัด", "areas": "พื้นที่"}
        yield (
            "เป้าหมายแผนงาน",
            [
                ["รายการ", "เป้าหมาย", "เข้าร่วมแล้ว", "ได้รับการรับรอง"],
                *([names[what], *values] for what, *values in figures["programme"].rows),
            ],
        )
        yield "ผลลัพธ์", list(outcome_rows(figures["outcomes"]))

    def to_xlsx(self) -> bytes:
        return to_xlsx(self.sheets())


class ProvinceExporter:
    def __init__(self, province, figures: dict):
        self.province, self.figures = province, figures

    @property
    def filename(self) -> str:
        return f"province-{self.province.code}-dashboard.xlsx"

    def sheets(self):
        figures = self.figures
        yield (
            "พื้นที่",
            [
                ["รหัสพื้นที่", "พื้นที่", "สถานะ", "ระดับที่ได้รับการรับรอง"],
                *([a.code, a.name_th, a.get_status_display(), a.certified_level] for a in figures["areas"]),
            ],
        )
        kpis, targets = figures["kpis"], figures["kpi_targets"]
        yield (
            "การมีส่วนร่วม",
            [
                ["ตัวชี้วัด", "ผล", "ค่าเป้าหมาย"],
                *([name, value, getattr(targets.get(code), "value", None)] for code, name, value in kpi_rows(kpis)),
            ],
        )
        yield (
            "แผน",
            [
                ["แผน", "จำนวนโครงการ", "ความก้าวหน้าเฉลี่ย (%)"],
                *([plan.title_th, plan.project_count, _rounded(plan.progress)] for plan in figures["plans"]),
            ],
        )
        coverage = figures["coverage"]
        names = {
            "environmental": "ระบบการจัดการสิ่งแวดล้อม",
            "safety": "ระบบการจัดการความปลอดภัย",
            "csr": "CSR-DIW",
            "green_industry": "อุตสาหกรรมสีเขียว",
            "complete": "ครบทั้งสามด้าน",
        }
        yield (
            "โรงงาน",
            [
                ["รายการ", "จำนวนโรงงาน", "ร้อยละของโรงงานทั้งหมด"],
                ["โรงงานทั้งหมด", coverage.factories, None],
                *([names[name], count, share] for name, count, share in coverage.rows),
            ],
        )
        yield "ผลลัพธ์", list(outcome_rows(figures["outcomes"]))

    def to_xlsx(self) -> bytes:
        return to_xlsx(self.sheets())


def kpi_rows(kpis):
    """(target code, Thai name, value) of the participation KPIs the province dashboard shows."""
    return [
        ("meetings-on-draft-plan", "การประชุมคณะกรรมการเพื่อพิจารณาร่างแผน (ครั้ง)", kpis.meetings_on_plan),
        ("workshop-participants", "ผู้เข้าร่วมการประชุมเชิงปฏิบัติการสูงสุด (คน)", kpis.best_workshop),
        ("sectors-represented", "ภาคส่วนที่เข้าร่วม", kpis.sector_count),
        ("comments-answered", "ข้อคิดเห็นที่ได้รับการตอบกลับ (%)", kpis.answered_share),
    ]


def _rounded(value):
    return None if value is None else round(float(value), 1)


class PivotExporter:
    filename = "target-results-pivot.xlsx"

    def __init__(self, targets):
        self.targets = targets

    def rows(self):
        years = fiscal_years(self.targets)
        per_year = [f"{heading} {year}" for year in years for heading in ("ค่าเป้าหมาย", "ผล", "สถานะ")]
        yield ["รหัสพื้นที่", "พื้นที่", "รหัสข้อกำหนด", "ข้อกำหนด", "ระดับ", *per_year]
        for row in rows_of(self.targets):
            level = row.requirement.level.number if row.requirement.level_id else None
            values = [row.area.code, row.area.name_th, row.requirement.code, row.requirement.title_th, level]
            for target in row.in_years(years):
                if target is None:
                    values += [None, None, None]
                    continue
                actual = getattr(target, "actual", None)
                values += [target.target_value, actual.value if actual else None, STATUS_TH[target.status]]
            yield values

    def to_xlsx(self) -> bytes:
        return to_xlsx([("ผลการดำเนินงานตามค่าเป้าหมาย", self.rows())])
