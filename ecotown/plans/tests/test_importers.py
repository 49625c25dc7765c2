"""The project workbook: export, previewed import (every bad row reported, all or nothing), injection-safe."""

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from ecotown.core.models import Job
from ecotown.criteria.testing import make_catalogue, make_requirement
from ecotown.engagement.testing import make_committee
from ecotown.plans.exporters import (
    ABOUT_PLAN,
    KPI_COLUMNS,
    PROJECT_COLUMNS,
    SHEET_ABOUT,
    SHEET_KPIS,
    SHEET_PROJECTS,
    PlanProjectExporter,
    budget_header,
)
from ecotown.plans.importers import ProjectImporter
from ecotown.plans.models import Project
from ecotown.plans.testing import approve, make_plan, make_project

pytestmark = pytest.mark.django_db
COLUMN = {key: index + 1 for index, (key, _title) in enumerate(PROJECT_COLUMNS)}


@pytest.fixture
def catalogue(db):
    catalogue = make_catalogue(version="1")
    for code in ("G1", "G2", "G3"):
        make_requirement(catalogue, code)
    return catalogue


@pytest.fixture
def plan(world, catalogue):
    plan = make_plan(world.area_a1, title_th="แผนบางกะดี")
    make_project(plan.latest_version, "โครงการเดิม", code="P-01", requirements=[catalogue.requirements.get(code="G1")])
    return plan


def exported(version):
    return load_workbook(io.BytesIO(PlanProjectExporter(version).to_xlsx()))


def as_file(workbook) -> io.BytesIO:
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    return buffer


def header_index(sheet, title) -> int:
    return [cell.value for cell in sheet[1]].index(title) + 1


def add_row(sheet, **values):
    number = sheet.max_row + 1
    for key, value in values.items():
        column = COLUMN.get(key) or header_index(sheet, key)
        sheet.cell(number, column).value = value
    return number


def run(plan, workbook, world, write=False):
    return ProjectImporter(plan.latest_version, acting_user=world.secretary_a1).run(as_file(workbook), write=write)


def test_a_round_trip_changes_nothing(plan, world):
    result = run(plan, exported(plan.latest_version), world, write=True)
    assert (result.created, result.updated, result.unchanged, result.errors) == (0, 0, 1, [])


def test_the_check_previews_and_the_write_saves_with_the_acting_user(plan, world):
    workbook = exported(plan.latest_version)
    sheet = workbook[SHEET_PROJECTS]
    add_row(sheet, code="P-02", title="โครงการใหม่", owner_organisation="อบต.", requirements="G2, G3",
            start_date="01/10/2568", **{budget_header(2569, "private"): 50000})  # fmt: skip
    sheet.cell(2, COLUMN["title"]).value = "โครงการเดิม (ปรับ)"
    kpis = workbook[SHEET_KPIS]
    kpis.append(["P-02", "ครัวเรือนคัดแยกขยะ", "ครัวเรือน", 10, 200, 2570])
    preview = run(plan, workbook, world)
    assert (preview.created, preview.updated, preview.written) == (1, 1, False)
    assert not Project.objects.filter(code="P-02").exists()
    result = run(plan, workbook, world, write=True)
    assert result.written
    project = Project.objects.get(code="P-02")
    assert sorted(r.code for r in project.requirements.all()) == ["G2", "G3"]
    assert project.budget_lines.get().amount == Decimal(50000)
    assert project.kpis.get().target_value == 200
    assert project.start_date.year == 2025
    assert project.history.latest().history_user == world.secretary_a1
    assert Project.objects.get(code="P-01").title == "โครงการเดิม (ปรับ)"


def test_it_reports_every_bad_row_and_writes_nothing(plan, world):
    workbook = exported(plan.latest_version)
    sheet = workbook[SHEET_PROJECTS]
    add_row(sheet, code="P-02", title="ดี", owner_organisation="อบต.")
    bad_requirement = add_row(sheet, code="P-03", title="x", owner_organisation="y", requirements="Z9")
    no_code = add_row(sheet, title="ไม่มีรหัส", owner_organisation="y")
    negative = add_row(sheet, code="P-04", title="x", owner_organisation="y",
                       **{budget_header(2569, "government"): -5})  # fmt: skip
    formula = add_row(sheet, code="P-05", title='=HYPERLINK("http://x")', owner_organisation="y")
    bad_date = add_row(sheet, code="P-06", title="x", owner_organisation="y", end_date="31/02/2569")
    duplicate = add_row(sheet, code="P-02", title="ซ้ำ", owner_organisation="y")
    injected = add_row(sheet, code="P-07", title="x", owner_organisation="@SUM(A1)")
    result = run(plan, workbook, world, write=True)
    rows = [error.row for error in result.errors]
    assert rows == [bad_requirement, no_code, negative, formula, bad_date, duplicate, injected]
    assert not result.written
    assert not Project.objects.filter(code="P-02").exists()


def test_it_refuses_a_frozen_version(plan, world):
    approve(plan.latest_version, make_committee(area=world.area_a1))
    result = run(plan, exported(plan.latest_version), world, write=True)
    assert "frozen" in result.errors[0].message


def test_it_refuses_a_file_for_another_plan(plan, world):
    workbook = exported(plan.latest_version)
    workbook[SHEET_ABOUT]["B1"] = plan.pk + 1000
    assert workbook[SHEET_ABOUT]["A1"].value == ABOUT_PLAN
    result = run(plan, workbook, world)
    assert "another plan" in result.errors[0].message


def test_it_refuses_what_is_not_a_workbook(plan, world):
    result = ProjectImporter(plan.latest_version).run(io.BytesIO(b"not a zip"), write=False)
    assert "not an Excel" in result.errors[0].message


def test_a_kpi_for_a_project_not_in_the_file_is_refused(plan, world):
    workbook = exported(plan.latest_version)
    workbook[SHEET_KPIS].append(["P-99", "x", "", None, 1, None])
    result = run(plan, workbook, world)
    assert "P-99" in result.errors[0].message


def test_the_export_writes_formula_like_text_as_text(world, catalogue):
    plan = make_plan(world.area_a1)
    make_project(plan.latest_version, '=HYPERLINK("http://evil")', code="+1", owner_organisation="@cmd")
    sheet = exported(plan.latest_version)[SHEET_PROJECTS]
    assert sheet.cell(2, COLUMN["title"]).value == '\'=HYPERLINK("http://evil")'
    assert sheet.cell(2, COLUMN["code"]).value == "'+1"
    assert sheet.cell(2, COLUMN["owner_organisation"]).value == "'@cmd"
    assert sheet.cell(2, COLUMN["title"]).data_type == "s"


def test_the_export_has_budget_columns_for_every_year_and_source_and_kpis(plan):
    workbook = exported(plan.latest_version)
    sheet = workbook[SHEET_PROJECTS]
    assert sheet.cell(2, header_index(sheet, budget_header(2569, "government"))).value == 100000
    assert [c.value for c in workbook[SHEET_KPIS][1]] == [title for _k, title in KPI_COLUMNS]
    assert workbook[SHEET_KPIS].cell(2, 1).value == "P-01"


def test_the_pages_preview_then_save_on_confirmation(plan, world, client_for, django_capture_on_commit_callbacks):
    client = client_for(world.secretary_a1)
    workbook = exported(plan.latest_version)
    add_row(workbook[SHEET_PROJECTS], code="P-02", title="จากไฟล์", owner_organisation="อบต.")
    file = SimpleUploadedFile("plan.xlsx", as_file(workbook).getvalue())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("plans:plan_import", kwargs={"pk": plan.pk}), {"file": file})
    preview = Job.objects.get(key=response["Location"].rstrip("/").rsplit("/", 1)[-1])
    assert preview.status == "done"
    assert preview.result["created"] == 1
    page = client.get(preview.get_absolute_url()).content.decode()
    assert "Confirm" in page
    assert not Project.objects.filter(code="P-02").exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(preview.result["confirm_url"])
    writing = Job.objects.get(key=response["Location"].rstrip("/").rsplit("/", 1)[-1])
    assert writing.result["written"]
    assert Project.objects.get(code="P-02").title == "จากไฟล์"


def test_the_export_page_is_a_workbook(plan, world, client_for):
    response = client_for(world.secretary_a1).get(reverse("plans:plan_export", kwargs={"pk": plan.pk}))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert load_workbook(io.BytesIO(response.content))[SHEET_PROJECTS].cell(2, 2).value == "โครงการเดิม"
