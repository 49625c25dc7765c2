"""The plan pages: the national list, the plan page, drafting projects, submitting, approving by a resolution
on the meeting's page, frozen versions, progress reports, Excel and PDF."""

import shutil
import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ecotown.core.evidence import link_value
from ecotown.criteria.testing import make_catalogue, make_requirement
from ecotown.engagement import choices as engagement_choices
from ecotown.engagement.testing import make_committee, make_meeting
from ecotown.plans.choices import VersionStatus
from ecotown.plans.models import PlanVersion, ProgressReport, Project
from ecotown.plans.testing import approve, make_plan, make_project, make_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(db):
    catalogue = make_catalogue(version="1")
    make_requirement(catalogue, "G1")
    make_requirement(catalogue, "G2")
    return catalogue


@pytest.fixture
def plan(world, catalogue):
    return make_plan(world.area_a1, title_th="แผนปฏิบัติการบางกะดี")


def project_data(**changes):
    data = {"code": "P-9", "title": "โครงการใหม่", "owner_organisation": "เทศบาล", "position": "1",
            "budget-TOTAL_FORMS": "1", "budget-INITIAL_FORMS": "0", "budget-0-fiscal_year": "2569",
            "budget-0-source": "government", "budget-0-amount": "250000",
            "kpis-TOTAL_FORMS": "1", "kpis-INITIAL_FORMS": "0", "kpis-0-name": "ขยะลดลง", "kpis-0-unit": "ร้อยละ",
            "kpis-0-target_value": "20"}  # fmt: skip
    return {**data, **changes}


def test_the_secretariat_drafts_submits_and_a_resolution_approves(world, plan, catalogue, client_for):
    client = client_for(world.secretary_a1)
    version = plan.latest_version
    requirement = catalogue.requirements.get(code="G1")
    response = client.post(reverse("plans:project_add", kwargs={"parent_pk": version.pk}),
                           project_data(requirements=[requirement.pk]))  # fmt: skip
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    project = Project.objects.get(code="P-9")
    assert project.budget_lines.get().amount == 250000
    assert list(project.requirements.all()) == [requirement]
    page = client.get(plan.get_absolute_url())
    assert "โครงการใหม่" in page.content.decode()
    assert "G2" in page.content.decode()  # no project serves G2: the coverage warning names it
    client.post(reverse("plans:planversion_step", kwargs={"pk": version.pk}), {"step": "submit"})
    assert PlanVersion.objects.get(pk=version.pk).status == VersionStatus.SUBMITTED

    committee = make_committee(area=world.area_a1, name_th="คณะกรรมการพื้นที่")
    meeting = make_meeting(committee, topics=[engagement_choices.Topic.ACTION_PLAN])
    officer = client_for(world.officer_a)
    form = officer.get(reverse("engagement:resolution_add", kwargs={"pk": meeting.pk}))
    assert "Plan versions awaiting approval" in form.content.decode()
    response = officer.post(reverse("engagement:resolution_add", kwargs={"pk": meeting.pk}), {
        "kind": "approve_plan", "outcome": "approved", "text": "อนุมัติแผน", "subject": link_value(version),
    })  # fmt: skip
    assert response.status_code == 302
    version.refresh_from_db()
    assert version.status == VersionStatus.APPROVED
    page = client.get(plan.get_absolute_url()).content.decode()
    assert f"Approved by resolution 1 of meeting no. 1/{meeting.year_be}" in page


def test_an_approved_version_refuses_edits_on_the_page(world, plan, client_for):
    version = plan.latest_version
    project = make_project(version, code="P-1")
    approve(version, make_committee(area=world.area_a1))
    client = client_for(world.secretary_a1)
    response = client.post(reverse("plans:project_edit", kwargs={"pk": project.pk}),
                           project_data(title="แก้ไข", revision=project.revision,
                                        **{"budget-TOTAL_FORMS": "0", "kpis-TOTAL_FORMS": "0"}))  # fmt: skip
    assert response.status_code == 200
    assert "frozen" in response.content.decode()
    assert Project.objects.get(pk=project.pk).title != "แก้ไข"
    response = client.post(reverse("plans:project_add", kwargs={"parent_pk": version.pk}), project_data())
    assert response.status_code == 200
    assert not Project.objects.filter(code="P-9").exists()
    client.post(reverse("plans:project_delete", kwargs={"pk": project.pk}))
    assert Project.objects.filter(pk=project.pk).exists()


def test_revising_then_shows_the_new_draft(world, plan, client_for):
    version = plan.latest_version
    make_project(version, code="P-1")
    approve(version, make_committee(area=world.area_a1))
    client = client_for(world.secretary_a1)
    response = client.post(reverse("plans:plan_revise", kwargs={"pk": plan.pk}), {"summary": "ปรับปรุง"})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.latest_version.number == 2
    assert plan.latest_version.projects.get().code == "P-1"
    page = client.get(plan.get_absolute_url() + "?version=2").content.decode()
    assert "Add a project" in page


def test_progress_report_with_evidence(world, plan, client_for):
    version = plan.latest_version
    project = make_project(version)
    approve(version, make_committee(area=world.area_a1))
    client = client_for(world.secretary_a1)
    pdf = SimpleUploadedFile("ภาพกิจกรรม.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    response = client.post(reverse("plans:progressreport_add", kwargs={"parent_pk": project.pk}), {
        "fiscal_year": "2569", "quarter": "2", "percent_complete": "35", "spent": "12000", "status": "on_track",
        "narrative": "อบรมแล้ว", "evidence_file": pdf,
    })  # fmt: skip
    assert response.status_code == 302
    report = ProgressReport.objects.get(project=project)
    assert report.evidence.count() == 1
    assert report.history.latest().history_user == world.secretary_a1
    page = client.get(plan.get_absolute_url()).content.decode()
    assert 'value="35"' in page


def test_the_public_sees_approved_plans_only(world, plan, client_for):
    draft = make_plan(world.area_b1, title_th="แผนร่างระยอง")
    make_project(plan.latest_version)
    approve(plan.latest_version, make_committee(area=world.area_a1))
    public = client_for(None)
    listing = public.get(reverse("plans:plan_list")).content.decode()
    assert "แผนปฏิบัติการบางกะดี" in listing
    assert "แผนร่างระยอง" not in listing
    assert public.get(draft.get_absolute_url()).status_code == 404


def test_the_national_list_searches_and_filters(world, plan, client_for):
    make_plan(world.area_b1, title_th="แผนระยอง")
    client = client_for(world.diw_admin)
    assert "แผนระยอง" not in client.get(reverse("plans:plan_list") + "?q=บางกะดี").content.decode()
    page = client.get(reverse("plans:plan_list") + "?province=21").content.decode()
    assert "แผนระยอง" in page
    assert "แผนปฏิบัติการบางกะดี" not in page


def test_the_area_panel_shows_the_plan_status(world, plan, client_for):
    make_project(plan.latest_version)
    approve(plan.latest_version, make_committee(area=world.area_a1))
    from ecotown.core.registry import registry

    index = next(i for i, panel in enumerate(registry.panels["area"]) if panel.template == "plans/area_panel.html")
    lazy = [i for i, panel in enumerate(registry.panels["area"]) if panel.lazy]
    assert index in lazy
    url = reverse("core:panel", kwargs={"page": "area", "pk": world.area_a1.pk, "index": index})
    page = client_for(None).get(url).content.decode()
    assert "แผนปฏิบัติการบางกะดี" in page
    assert "Approved by resolution 1" in page


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed")
def test_the_pdf_of_an_approved_plan_is_thai_with_buddhist_era_dates(world, plan, client_for, tmp_path):
    version = plan.latest_version
    make_project(version, "โครงการคัดแยกขยะ", code="P-1")
    approve(version, make_committee(area=world.area_a1, name_th="คณะกรรมการพื้นที่บางกะดี"))
    response = client_for(world.secretary_a1).get(reverse("plans:plan_pdf", kwargs={"pk": plan.pk}))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    path = tmp_path / "plan.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    joined = "".join(text.split())  # Thai has no spaces between words; pdftotext adds some inside table cells
    assert "แผนปฏิบัติการบางกะดี" in joined
    assert "P-1โครงการคัดแยก" in joined
    assert "แผนปฏิบัติการของพื้นที่" in joined  # a Thai document whatever the reader's language
    assert "อนุมัติโดยมติที่1" in joined
    assert "2569" in text  # the meeting's B.E. year
    assert "2026" not in text


def test_a_draft_has_no_pdf(world, plan, client_for):
    make_project(plan.latest_version)
    response = client_for(world.secretary_a1).get(reverse("plans:plan_pdf", kwargs={"pk": plan.pk}) + "?version=1")
    assert response.status_code == 404


def test_report_spent_is_summed_on_the_plan_page(world, plan, client_for):
    version = plan.latest_version
    project = make_project(version)
    approve(version, make_committee(area=world.area_a1))
    make_report(project, 10, quarter=1, spent=1000)
    make_report(project, 20, quarter=2, spent=2500)
    page = client_for(world.secretary_a1).get(plan.get_absolute_url()).content.decode()
    assert "3,500" in page


def test_a_new_projects_budget_must_fall_within_the_plan(world, plan, client_for):
    client = client_for(world.secretary_a1)
    url = reverse("plans:project_add", kwargs={"parent_pk": plan.latest_version.pk})
    response = client.post(url, project_data(**{"budget-0-fiscal_year": "2580"}))
    assert response.status_code == 200
    assert "The plan runs from 2566 to 2570." in response.content.decode()
    assert not Project.objects.filter(code="P-9").exists()


def test_the_national_list_exports_what_it_filters_and_sums_budgets(world, plan, client_for):
    import io

    from openpyxl import load_workbook

    make_project(plan.latest_version, budget={(2569, "private"): 70000})
    other = make_plan(world.area_b1, title_th="แผนระยอง")
    make_project(other.latest_version, budget={(2570, "government"): 30000})
    client = client_for(world.diw_admin)
    page = client.get(reverse("plans:plan_list")).content.decode()
    assert "100,000" in page  # 70,000 + 30,000: the budget of every plan DIW sees
    response = client.get(reverse("plans:plan_list_export") + "?province=21")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["แผนระยอง"]
    assert sheet.cell(2, 9).value == 30000


def test_an_officer_keeps_the_provinces_master_plan_and_no_other(world, client_for):
    from ecotown.plans.models import Plan

    client = client_for(world.officer_a)
    data = {"level": "provincial_master", "title_th": "แผนแม่บทปทุมธานี", "first_year": 2566, "last_year": 2570}
    response = client.post(reverse("plans:plan_add"), {**data, "province": world.province_a.pk})
    assert response.status_code == 302
    plan = Plan.objects.get(title_th="แผนแม่บทปทุมธานี")
    assert plan.latest_version.number == 1
    response = client.post(reverse("plans:plan_add"), {**data, "title_th": "แผนแม่บทระยอง",
                                                        "province": world.province_b.pk})  # fmt: skip
    assert response.status_code == 200
    assert not Plan.objects.filter(title_th="แผนแม่บทระยอง").exists()
    assert client.get(plan.get_absolute_url()).status_code == 200


def test_the_evidence_of_a_progress_report_is_for_programme_staff(world, plan, client_for):
    from ecotown.core.evidence import attach_file

    version = plan.latest_version
    project = make_project(version)
    approve(version, make_committee(area=world.area_a1))
    report = make_report(project, 20)
    pdf = SimpleUploadedFile("รายชื่อผู้เข้าร่วม.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    evidence = attach_file(report, pdf, acting_user=None)
    url = reverse("core:evidence_download", kwargs={"key": evidence.key})
    assert client_for(world.secretary_a1).get(url).status_code == 200
    assert client_for(None).get(url).status_code == 404
    assert client_for(world.public).get(url).status_code == 404
