"""The pages: the progress page with its bars and the factories not reached, the deliverable steps, trainings with
attendance, consulting with man-days, the consulting report PDF and the Excel lists. One world per module."""

import io
import subprocess

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from ecotown.support.models import Deliverable, Training

pytestmark = pytest.mark.django_db


def pdf_text(content: bytes, tmp_path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(content)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return thai(text)


def thai(text: str) -> str:
    """Spaces dropped, and sara am read as sara aa: the Thai fonts' glyph map gives one for the other."""
    return text.replace(" ", "").replace("\u0e33", "\u0e32")


def test_the_progress_page_shows_each_target_with_a_bar_and_the_factories_not_reached(shared_world, client_for):
    w = shared_world
    page = client_for(w.secretary_a1).get(reverse("support:upgradeproject_detail", kwargs={"pk": w.upgrade_a1.pk}))
    html = page.content.decode()
    assert html.count("<progress") == 5
    assert "Factories trained" in html
    assert w.factory_a1_other.name in html  # neither trained, visited nor consulted
    assert 'data-testid="unreached"' in html
    assert w.training_a1.topic in html


def test_the_team_moves_a_deliverable_and_diw_returns_it_with_comments(shared_world, client_for):
    w = shared_world
    url = reverse("support:deliverable_step", kwargs={"pk": w.deliverable_a1.pk})
    assert client_for(w.consultant).post(url, {"step": "submit"}).status_code == 302
    client_for(w.diw_admin).post(url, {"step": "return", "reason": "ขอให้ปรับวิธีการดำเนินงาน"})
    item = Deliverable.objects.get(pk=w.deliverable_a1.pk)
    assert item.status == "returned"
    assert item.comments == "ขอให้ปรับวิธีการดำเนินงาน"
    page = client_for(w.consultant).get(item.get_absolute_url()).content.decode()
    assert "ขอให้ปรับวิธีการดำเนินงาน" in page
    assert 'value="resubmit"' in page


def test_a_training_is_recorded_with_its_attendance_from_the_model_area(shared_world, client_for):
    w = shared_world
    data = {"topic": "การจัดการพลังงาน", "held_on": "20/02/2569", "place": "ศาลากลาง", "trainers": "วิทยากร",
            "evaluation_score": "4.5", "attendance-TOTAL_FORMS": 2, "attendance-INITIAL_FORMS": 0,
            "attendance-0-factory": w.factory_a1_other.pk, "attendance-0-person_name": "สมศรี",
            "attendance-1-factory": w.factory_b1.pk, "attendance-1-person_name": "คนนอกพื้นที่"}  # fmt: skip
    client = client_for(w.consultant)
    url = reverse("support:training_add", kwargs={"parent_pk": w.upgrade_a1.pk})
    refused = client.post(url, data)
    assert refused.status_code == 200  # factory B1 is not in the model area
    assert not Training.objects.filter(topic="การจัดการพลังงาน").exists()
    data |= {"attendance-TOTAL_FORMS": 1}
    assert client.post(url, data).status_code == 302
    training = Training.objects.get(topic="การจัดการพลังงาน")
    assert list(training.attendance.values_list("person_name", flat=True)) == ["สมศรี"]


def test_the_engagement_page_shows_man_days_and_the_report_prints_in_thai(shared_world, client_for, tmp_path,
                                                                           settings):  # fmt: skip
    w = shared_world
    settings.LANGUAGE_CODE = "th"
    client = client_for(w.consultant)
    page = client.get(w.engagement_a1.get_absolute_url()).content.decode()
    assert "1.00" in page  # 6 hours = 1 man-day
    url = reverse("support:consultingengagement_report", kwargs={"pk": w.engagement_a1.pk})
    response = client.get(url)
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content, tmp_path)
    assert thai("รายงานผลการให้คำปรึกษา") in text
    assert thai(w.factory_a1.name) in text
    assert "ไม่มีการแยกกากของเสียอันตราย" in text
    assert "2568" in text or "2569" in text  # dates in the Buddhist Era
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(tmp_path / "report.pdf"),
                    str(tmp_path / "page")], check=True)  # fmt: skip
    assert (tmp_path / "page-1.png").stat().st_size > 1000


def test_the_excel_lists_hold_attendance_and_man_days_within_scope(shared_world, client_for):
    w = shared_world
    trainings = client_for(w.consultant).get(reverse("support:training_export"))
    sheet = load_workbook(io.BytesIO(trainings.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "โครงการ"
    assert {row[7] for row in rows[1:]} == {w.factory_a1.name}  # project B1's training is out of reach
    engagements = client_for(w.diw_admin).get(reverse("support:consultingengagement_export"))
    rows = list(load_workbook(io.BytesIO(engagements.content)).active.iter_rows(values_only=True))
    assert rows[0][7] == "คน-วัน"
    assert sorted(float(row[7]) for row in rows[1:]) == [0.5, 1.0]
