"""Asking for a report from the area page or the API, following it and downloading it; the command; a failure."""

import hashlib

import pytest
from django.core.management import call_command
from django.urls import reverse

from ecotown.core.registry import registry
from ecotown.reports import sections
from ecotown.reports.choices import ReportStatus
from ecotown.reports.models import UpgradeReport
from ecotown.reports.sections import Section
from ecotown.reports.testing import make_ready_report, make_report

pytestmark = pytest.mark.django_db


def panel_url(area):
    index = next(i for i, panel in enumerate(registry.panels["area"]) if panel.template == "reports/area_panel.html")
    return reverse("core:panel", kwargs={"page": "area", "pk": area.pk, "index": index})


def test_the_area_panel_offers_the_button_to_those_who_may_ask(world, client_for):
    page = client_for(world.secretary_a1).get(panel_url(world.area_a1)).content.decode()
    assert reverse("reports:upgradereport_add", kwargs={"parent_pk": world.area_a1.pk}) in page
    auditor = client_for(world.auditor_a1).get(panel_url(world.area_a1)).content.decode()
    assert "upgrade/add" not in auditor  # reads reports, does not ask for them
    assert client_for(world.public).get(panel_url(world.area_a1)).content == b""


def test_the_button_queues_the_report_and_the_worker_writes_it(world, client_for, django_capture_on_commit_callbacks):
    client = client_for(world.secretary_a1)
    url = reverse("reports:upgradereport_add", kwargs={"parent_pk": world.area_a1.pk})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"baseline_year": "2568", "current_year": "2569"})
    report = UpgradeReport.objects.get(area=world.area_a1)
    assert response.url == report.get_absolute_url()
    assert report.status == ReportStatus.READY
    assert report.requested_by == world.secretary_a1
    assert report.job.progress == 100
    assert report.missing  # an area with no records: every section says what it lacked
    pdf = client.get(report.pdf_download_url)
    assert pdf["Content-Type"] == "application/pdf"
    assert hashlib.sha256(b"".join(pdf.streaming_content)).hexdigest() == report.pdf.sha256
    page = client.get(report.get_absolute_url()).content.decode()
    assert report.workbook.sha256 in page


def test_the_api_asks_follows_and_downloads(world, api_client_for, django_capture_on_commit_callbacks):
    client = api_client_for(world.officer_a)
    with django_capture_on_commit_callbacks(execute=True):
        created = client.post("/api/reports/", {"area": world.area_a1.pk, "baseline_year": 2568,
                                                "current_year": 2569}, format="json")  # fmt: skip
    assert created.status_code == 201, created.content
    status = client.get(f"/api/reports/{created.json()['id']}/").json()
    assert (status["status"], status["progress"]) == ("ready", 100)
    download = client.get(status["workbook_url"])
    assert hashlib.sha256(b"".join(download.streaming_content)).hexdigest() == status["workbook_sha256"]


def test_the_api_refuses_a_download_before_the_report_is_ready(world, api_client_for):
    running = make_report(world.area_a1, status=ReportStatus.RUNNING)
    response = api_client_for(world.secretary_a1).get(f"/api/reports/{running.pk}/download/pdf/")
    assert response.status_code == 409


def test_a_section_that_fails_fails_the_report_and_says_so(world, monkeypatch):
    from ecotown.reports import services

    def broken(inp, result):
        raise RuntimeError("boom")

    monkeypatch.setattr(sections, "_sections", [*sections.sections(), Section("broken", "broken", broken, 99)])
    report = services.request_report(world.area_a1, 2568, 2569, acting_user=None)
    with pytest.raises(RuntimeError):
        services.generate(report)
    report.refresh_from_db()
    assert report.status == ReportStatus.FAILED
    assert report.failure
    assert report.pdf is None


def test_another_app_adds_a_section_with_one_call(world, monkeypatch, tmp_path):
    """The support app's "capacity building delivered" will register like this."""
    from ecotown.reports.sections import Table

    def capacity(inp, result):
        result.tables.append(Table("capacity", "การอบรม", ["ปีงบประมาณ", "โรงงานที่ได้รับการอบรม"], [[2569, 31]]))

    monkeypatch.setattr(sections, "_sections", list(sections.sections()))
    sections.register_section(Section("capacity", "การพัฒนาศักยภาพ", capacity, order=65))
    assert [s.key for s in sections.sections()].index("capacity") == 6
    call_command("upgrade_report", world.area_a1.code, "2568", "2569", "--out", str(tmp_path), verbosity=0)
    report = UpgradeReport.objects.get(area=world.area_a1)
    from openpyxl import load_workbook

    workbook = load_workbook(tmp_path / report.file_name("xlsx"), read_only=True)
    assert list(workbook["การอบรม"].iter_rows(values_only=True)) == [("ปีงบประมาณ", "โรงงานที่ได้รับการอบรม"), (2569, 31)]
    written = (tmp_path / report.file_name("pdf")).read_bytes()
    assert hashlib.sha256(written).hexdigest() == report.pdf.sha256
    assert report.requested_by is None


def test_years_are_checked(world):
    from django.core.exceptions import ValidationError

    from ecotown.reports import services

    with pytest.raises(ValidationError):
        services.request_report(world.area_a1, 2569, 2569, acting_user=None)
    with pytest.raises(ValidationError):
        services.request_report(world.area_a1, 2559, 2569, acting_user=None)


@pytest.mark.parametrize("url", ["/reports/upgrade/", "/api/reports/"])
def test_the_lists_stay_flat_when_reports_grow_tenfold(world, client_for, django_assert_max_num_queries, url):
    client = client_for(world.officer_a)
    for _ in range(3):
        make_ready_report(world.area_a1, user=world.secretary_a1)
    with django_assert_max_num_queries(10):
        assert client.get(url).status_code == 200
    for _ in range(30):
        make_report(world.area_a2, user=world.officer_a)
    with django_assert_max_num_queries(10):
        assert client.get(url).status_code == 200
