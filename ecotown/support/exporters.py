"""Excel lists where people keep lists: trainings with their attendance, consulting engagements with man-days.
Text a spreadsheet could run as a formula is written as text (factories.exporters.neutralised)."""

import io

from openpyxl import Workbook
from openpyxl.styles import Font

from ecotown.core.dates import format_be
from ecotown.factories.exporters import CONTENT_TYPE, neutralised
from ecotown.support.progress import man_days

__all__ = ["CONTENT_TYPE", "EngagementExporter", "TrainingExporter"]


class _Exporter:
    HEADER: tuple = ()
    SHEET = ""
    NAME = ""

    def __init__(self, records, day):
        self.records, self.day = records, day

    @property
    def filename(self) -> str:
        return f"{self.NAME}-{self.day.isoformat()}.xlsx"

    def rows(self):
        raise NotImplementedError

    def to_xlsx(self) -> bytes:
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = self.SHEET
        sheet.append(self.HEADER)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in self.rows():
            sheet.append([neutralised(value) for value in row])
        about = workbook.create_sheet("ข้อมูลไฟล์")
        about.append(["ณ วันที่", format_be(self.day, language="th")])
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()


class TrainingExporter(_Exporter):
    """One row per person at a training: the list DIW asks for as proof of the factories trained."""

    HEADER = ("โครงการ", "หัวข้อการฝึกอบรม", "วันที่", "สถานที่", "วิทยากร", "คะแนนประเมินผล", "เลขทะเบียนโรงงาน",
              "ชื่อโรงงาน", "ชื่อผู้เข้าอบรม", "ตำแหน่ง")  # fmt: skip
    SHEET = "การฝึกอบรม"
    NAME = "trainings"

    def rows(self):
        trainings = self.records.select_related("project").prefetch_related("attendance__factory")
        for training in trainings:
            head = (training.project.title, training.topic, format_be(training.held_on, language="th"),
                    training.place, training.trainers, training.evaluation_score)  # fmt: skip
            attendance = list(training.attendance.all())
            if not attendance:
                yield (*head, "", "", "", "")
            for person in attendance:
                yield (*head, person.factory.registration_number, person.factory.name, person.person_name,
                       person.position)  # fmt: skip


class EngagementExporter(_Exporter):
    """One row per consulting engagement with its visits, hours and man-days (records annotated with `hours` and
    `visit_count`)."""

    HEADER = ("โครงการ", "เลขทะเบียนโรงงาน", "ชื่อโรงงาน", "ที่ปรึกษา", "หัวข้อ", "จำนวนครั้ง", "ชั่วโมง", "คน-วัน",
              "ออกรายงานเมื่อ")  # fmt: skip
    SHEET = "การให้คำปรึกษา"
    NAME = "consulting-engagements"

    def rows(self):
        for engagement in self.records:
            yield (
                engagement.project.title, engagement.factory.registration_number, engagement.factory.name,
                engagement.consultant.get_full_name() or engagement.consultant.username,
                ", ".join(engagement.topic_labels), engagement.visit_count, engagement.hours or 0,
                man_days(engagement.hours),
                format_be(engagement.report_issued_on, language="th") if engagement.report_issued_on else "",
            )  # fmt: skip
