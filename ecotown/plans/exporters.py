"""The Excel workbook of a plan version's projects. It is also the import template (importers.ProjectImporter):
one row per project with its budget per fiscal year and source, a sheet of KPIs, and an About sheet saying
which plan and version the file is for."""

import io

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from ecotown.core.dates import format_be, to_be
from ecotown.plans import progress
from ecotown.plans.choices import BudgetSource

SHEET_PROJECTS, SHEET_KPIS, SHEET_ABOUT = "โครงการ", "ตัวชี้วัด", "ข้อมูลไฟล์"
ABOUT_PLAN, ABOUT_VERSION = "รหัสแผน", "ฉบับที่"
SOURCE_TH = {
    BudgetSource.GOVERNMENT: "งบประมาณแผ่นดิน",
    BudgetSource.LOCAL_GOVERNMENT: "งบท้องถิ่น",
    BudgetSource.PRIVATE: "ภาคเอกชน",
    BudgetSource.OTHER: "อื่น ๆ",
}
# (key, Thai header): the template's contract with the importer; keep them stable.
PROJECT_COLUMNS = (
    ("code", "รหัสโครงการ"),
    ("title", "ชื่อโครงการ"),
    ("owner_organisation", "หน่วยงานรับผิดชอบ"),
    ("supporting_organisations", "หน่วยงานสนับสนุน"),
    ("rationale", "หลักการและเหตุผล"),
    ("requirements", "รหัสข้อกำหนดที่ตอบสนอง"),
    ("start_date", "วันเริ่มต้น"),
    ("end_date", "วันสิ้นสุด"),
)
READ_ONLY_COLUMNS = {"progress"}
KPI_COLUMNS = (
    ("code", "รหัสโครงการ"),
    ("name", "ตัวชี้วัด"),
    ("unit", "หน่วย"),
    ("baseline", "ค่าฐาน"),
    ("target_value", "ค่าเป้าหมาย"),
    ("target_year", "ปีเป้าหมาย"),
)
PROGRESS_HEADER = "ความก้าวหน้า (%)"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def budget_header(year: int, source: str) -> str:
    return f"งบ {year} {SOURCE_TH[source]}"


def budget_columns(years) -> list[tuple[tuple[int, str], str]]:
    return [((year, source), budget_header(year, source)) for year in years for source in BudgetSource]


def neutralised(value):
    """Text a spreadsheet could run as a formula (OWASP: it starts with = + - @ or a control character) gets a
    leading apostrophe, so Excel shows it as text; numbers and dates pass as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def numeric_date(day) -> str:
    return f"{day.day:02d}/{day.month:02d}/{to_be(day.year)}" if day else ""


class PlanProjectExporter:
    content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    def __init__(self, version):
        self.version, self.plan = version, version.plan

    @property
    def filename(self) -> str:
        return f"plan-{self.plan.pk}-v{self.version.number}.xlsx"

    def projects(self):
        return list(
            progress.with_progress(self.version.projects.all()).prefetch_related("budget_lines", "kpis", "requirements")
        )

    def rows(self, projects):
        """The header, then one row per project."""
        budget = budget_columns(self.plan.years)
        yield [header for _key, header in PROJECT_COLUMNS] + [header for _key, header in budget] + [PROGRESS_HEADER]
        for project in projects:
            amounts = {(line.fiscal_year, line.source): line.amount for line in project.budget_lines.all()}
            values = {
                "code": project.code, "title": project.title, "owner_organisation": project.owner_organisation,
                "supporting_organisations": project.supporting_organisations, "rationale": project.rationale,
                "requirements": ", ".join(r.code for r in project.requirements.all()),
                "start_date": numeric_date(project.start_date), "end_date": numeric_date(project.end_date),
            }  # fmt: skip
            yield (
                [values[key] or None for key, _header in PROJECT_COLUMNS]
                + [amounts.get(key) for key, _header in budget]
                + [project.progress]
            )

    def kpi_rows(self, projects):
        yield [header for _key, header in KPI_COLUMNS]
        for project in projects:
            for kpi in project.kpis.all():
                yield [project.code, kpi.name, kpi.unit or None, kpi.baseline, kpi.target_value, kpi.target_year]

    def to_xlsx(self) -> bytes:
        projects = self.projects()
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = SHEET_PROJECTS
        for values in self.rows(projects):
            sheet.append([neutralised(value) for value in values])
        kpis = workbook.create_sheet(SHEET_KPIS)
        for values in self.kpi_rows(projects):
            kpis.append([neutralised(value) for value in values])
        for each in (sheet, kpis):
            for cell in each[1]:
                cell.font = Font(bold=True)
            each.freeze_panes = "A2"
        for index, width in enumerate((12, 50, 30, 30, 40, 20, 14, 14), start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        about = workbook.create_sheet(SHEET_ABOUT)
        about.append([ABOUT_PLAN, self.plan.pk])
        about.append([ABOUT_VERSION, self.version.number])
        about.append(["แผน", neutralised(self.plan.title_th)])
        about.append(["ส่งออกเมื่อ", format_be(timezone.localtime(), "long", language="th")])
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()


class PlanListExporter:
    """The national view in Excel: one row per plan with the figures of the version shown."""

    content_type = PlanProjectExporter.content_type
    filename = "plans.xlsx"
    HEADERS = ("แผน", "ระดับ", "จังหวัด", "พื้นที่", "ฉบับที่แสดง", "สถานะฉบับล่าสุด", "อนุมัติโดยมติ", "จำนวนโครงการ",
               "งบประมาณ (บาท)", "ความก้าวหน้า (%)")  # fmt: skip

    def __init__(self, plans):
        self.plans = plans

    def rows(self):
        from ecotown.plans.choices import LEVEL_TH, VersionStatus

        status_th = {VersionStatus.DRAFT: "ร่าง", VersionStatus.SUBMITTED: "เสนอขออนุมัติ",
                     VersionStatus.APPROVED: "อนุมัติแล้ว", VersionStatus.SUPERSEDED: "ถูกแทนที่"}  # fmt: skip
        yield list(self.HEADERS)
        for plan in self.plans:
            shown, latest = plan.shown_version, plan.latest_version
            resolution = plan.approved_version.resolution if plan.approved_version else None
            meeting = resolution.meeting if resolution else None
            yield [
                plan.title_th, LEVEL_TH[plan.level], plan.province_of.name_th if plan.province_of else "",
                plan.area.name_th if plan.area_id else "", shown.number if shown else None,
                status_th.get(latest.status, "") if latest else "",
                f"มติที่ {resolution.number} การประชุมครั้งที่ {meeting.number}/{meeting.year_be}" if resolution else "",
                plan.project_count, plan.budget_total,
                round(plan.progress, 1) if plan.progress is not None else None,
            ]  # fmt: skip

    def to_xlsx(self) -> bytes:
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = "แผน"
        for values in self.rows():
            sheet.append([neutralised(value) for value in values])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        sheet.column_dimensions["A"].width = 60
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()
