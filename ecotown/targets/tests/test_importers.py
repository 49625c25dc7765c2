import io
import time
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from ecotown.core.models import Job
from ecotown.core.testing import HOSTILE_SECONDS
from ecotown.targets.exporters import ABOUT_VERSION, COLUMNS, SHEET_ABOUT, SHEET_TARGETS, AreaTargetExporter
from ecotown.targets.importers import MAX_ERRORS_SHOWN, MAX_ROWS, AreaTargetImporter
from ecotown.targets.models import Actual, Target
from ecotown.targets.periods import fiscal_years_shown

pytestmark = pytest.mark.django_db
COLUMN = {key: index + 1 for index, (key, _title) in enumerate(COLUMNS)}


def exported(area, catalogue):
    return load_workbook(io.BytesIO(AreaTargetExporter(area, catalogue).to_xlsx()))


def as_file(workbook) -> io.BytesIO:
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    return buffer


def row_of(sheet, code, year) -> int:
    for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        if row[0] == code and row[COLUMN["fiscal_year"] - 1] == year:
            return number
    raise LookupError


def put(sheet, code, year, **values):
    number = row_of(sheet, code, year)
    for key, value in values.items():
        sheet.cell(number, COLUMN[key]).value = value
    return number


def importer(world, catalogue):
    return AreaTargetImporter(world.area_a1, catalogue, acting_user=world.secretary_a1)


def test_a_round_trip_changes_nothing(world, catalogue, targets_a1):
    before = {t.pk: t.last_updated for t in Target.objects.all()}
    result = importer(world, catalogue).run(as_file(exported(world.area_a1, catalogue)), write=True)
    assert result.errors == []
    rows = 2 * len(fiscal_years_shown())
    assert (result.created, result.updated, result.unchanged, result.skipped) == (0, 0, 3, rows - 3)
    assert {t.pk: t.last_updated for t in Target.objects.all()} == before
    assert Target.history.model.objects.count() == 3


def test_the_check_previews_and_the_write_saves_with_the_acting_user(world, catalogue, targets_a1):
    workbook = exported(world.area_a1, catalogue)
    sheet = workbook[SHEET_TARGETS]
    put(sheet, "G1", 2570, target_value=95, baseline_value=70, baseline_year=2565, data_source="สอจ.")
    put(sheet, "G2", 2569, target_value="900", direction="ไม่เกิน", actual_value=850, recorded_on="30/09/2569")
    put(sheet, "G1", 2569, actual_value=91)
    preview = importer(world, catalogue).check(as_file(workbook))
    assert (preview.created, preview.updated, preview.unchanged, preview.written) == (2, 1, 2, False)
    assert any("G2 · 2569" in line for line in preview.changes)
    assert Target.objects.count() == 3
    result = importer(world, catalogue).run(as_file(workbook), write=True)
    assert result.errors == []
    assert (result.created, result.updated, result.unchanged, result.written) == (2, 1, 2, True)
    new = Target.objects.get(requirement__code="G2", fiscal_year=2569)
    assert new.direction == "at_most"
    assert new.actual.value == 850
    assert new.history.first().history_user == world.secretary_a1
    assert Target.objects.get(requirement__code="G1", fiscal_year=2569).actual.value == 91


def test_it_reports_every_bad_row_and_writes_nothing(world, catalogue, targets_a1):
    workbook = exported(world.area_a1, catalogue)
    sheet = workbook[SHEET_TARGETS]
    bad_percent = put(sheet, "G1", 2570, target_value=150)
    bad_number = put(sheet, "G2", 2570, target_value="มาก")
    bad_date = put(sheet, "G2", 2569, target_value=900, actual_value=800, recorded_on="31/02/2569")
    fine = put(sheet, "G1", 2569, actual_value=91)
    result = importer(world, catalogue).run(as_file(workbook), write=True)
    assert {error.row for error in result.errors} == {bad_percent, bad_number, bad_date}
    assert fine not in {error.row for error in result.errors}
    assert not result.written
    assert Target.objects.count() == 3
    assert not Actual.objects.filter(value=91).exists()


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("area", "ryg-b1", "ryg-b1"),
        ("catalogue", "other", "other"),
        ("version", "9.9", "9.9"),
    ],
)
def test_it_refuses_a_file_for_another_area_catalogue_or_version(world, catalogue, targets_a1, key, value, message):
    workbook = exported(world.area_a1, catalogue)
    about = workbook[SHEET_ABOUT]
    about.cell({"area": 1, "catalogue": 2, "version": 3}[key], 2).value = value
    result = importer(world, catalogue).run(as_file(workbook), write=True)
    assert len(result.errors) == 1
    assert message in result.errors[0].message
    assert world.area_a1.code in result.errors[0].message


def test_it_refuses_a_file_without_its_about_sheet(world, catalogue):
    workbook = exported(world.area_a1, catalogue)
    del workbook[SHEET_ABOUT]
    result = importer(world, catalogue).check(as_file(workbook))
    assert SHEET_ABOUT in result.errors[0].message


def test_it_refuses_a_file_without_the_template_columns(world, catalogue):
    workbook = exported(world.area_a1, catalogue)
    workbook[SHEET_TARGETS].delete_cols(COLUMN["target_value"])
    result = importer(world, catalogue).check(as_file(workbook))
    assert "ค่าเป้าหมาย" in result.errors[0].message


def test_it_refuses_what_is_not_a_workbook(world, catalogue):
    result = importer(world, catalogue).check(io.BytesIO(b"not a zip"))
    assert result.errors[0].row == 0


def test_a_cell_formatted_as_percent_is_read_as_a_percentage(world, catalogue, targets_a1):
    workbook = exported(world.area_a1, catalogue)
    sheet = workbook[SHEET_TARGETS]
    number = put(sheet, "G1", 2570, target_value=0.85)
    sheet.cell(number, COLUMN["target_value"]).number_format = "0%"
    result = importer(world, catalogue).run(as_file(workbook), write=True)
    assert result.errors == []
    assert Target.objects.get(requirement__code="G1", fiscal_year=2570).target_value == 85


def test_a_percent_format_on_a_quantity_is_refused(world, catalogue, targets_a1):
    workbook = exported(world.area_a1, catalogue)
    sheet = workbook[SHEET_TARGETS]
    number = put(sheet, "G2", 2570, target_value=0.5)
    sheet.cell(number, COLUMN["target_value"]).number_format = "0%"
    result = importer(world, catalogue).check(as_file(workbook))
    assert [error.row for error in result.errors] == [number]
    assert "percentage" in result.errors[0].message


@pytest.mark.parametrize("value", ["1e1000000", "1e10000000", "9" * 5000, "2569.0000000000001"])
def test_a_huge_number_in_a_cell_is_refused_at_once(world, catalogue, targets_a1, value):
    workbook = exported(world.area_a1, catalogue)
    sheet = workbook[SHEET_TARGETS]
    number = put(sheet, "G1", 2570, target_value=95)
    sheet.cell(number, COLUMN["fiscal_year"]).value = value
    other = put(sheet, "G2", 2570, target_value=value)
    started = time.perf_counter()
    result = importer(world, catalogue).check(as_file(workbook))
    assert time.perf_counter() - started < HOSTILE_SECONDS
    assert {error.row for error in result.errors} == {number, other}
    assert all(len(error.message) < 300 for error in result.errors)


def test_text_that_would_run_as_a_formula_is_refused_on_import(world, catalogue, targets_a1):
    workbook = exported(world.area_a1, catalogue)
    number = put(workbook[SHEET_TARGETS], "G1", 2570, target_value=95, data_source='=HYPERLINK("http://x","y")')
    result = importer(world, catalogue).check(as_file(workbook))
    assert [error.row for error in result.errors] == [number]
    assert "formula" in result.errors[0].message


def test_the_export_writes_formula_like_text_as_text(world, catalogue, targets_a1):
    target = targets_a1[0]
    target.data_source = '=cmd|" /C calc"!A0'
    target.unit = "@SUM(1)"
    target.save()
    sheet = exported(world.area_a1, catalogue)[SHEET_TARGETS]
    number = row_of(sheet, target.requirement.code, target.fiscal_year)
    for key in ("data_source", "unit"):
        cell = sheet.cell(number, COLUMN[key])
        assert cell.data_type == "s"
        assert cell.value.startswith("'")


def test_too_many_rows_are_refused_without_reading_them_all(world, catalogue):
    workbook = exported(world.area_a1, catalogue)
    sheet = workbook[SHEET_TARGETS]
    for _number in range(MAX_ROWS + 10):
        sheet.append(["G1", "x", "x", 2570, None, None, 50])
    started = time.perf_counter()
    result = importer(world, catalogue).check(as_file(workbook))
    assert time.perf_counter() - started < 10
    assert f"{MAX_ROWS:,}" in result.errors[-1].message


def test_reported_errors_are_capped(world, catalogue):
    workbook = exported(world.area_a1, catalogue)
    sheet = workbook[SHEET_TARGETS]
    for _number in range(MAX_ERRORS_SHOWN + 50):
        sheet.append(["NOPE", "x", "x", 2570, None, None, 50])
    result = importer(world, catalogue).check(as_file(workbook))
    assert len(result.errors) == MAX_ERRORS_SHOWN
    assert result.more_errors == 50


def test_a_workbook_that_expands_far_beyond_its_size_is_refused_before_it_is_opened(world, catalogue):
    buffer = io.BytesIO()
    source = as_file(exported(world.area_a1, catalogue))
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bomb:
        for item in original.infolist():
            bomb.writestr(item, original.read(item))
        bomb.writestr("xl/sharedStrings.xml", b"<sst><si><t>" + b"A" * 60_000_000 + b"</t></si></sst>")
    buffer.seek(0)
    assert buffer.getbuffer().nbytes < 1_000_000
    started = time.perf_counter()
    result = importer(world, catalogue).check(buffer)
    assert time.perf_counter() - started < HOSTILE_SECONDS
    assert result.errors[0].row == 0


def test_an_xml_entity_bomb_is_refused(world, catalogue):
    source = as_file(exported(world.area_a1, catalogue))
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;'
        b'&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">'
        b'<c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bomb:
        for item in original.infolist():
            bomb.writestr(item, laughs if item.filename == "xl/worksheets/sheet1.xml" else original.read(item))
    buffer.seek(0)
    result = importer(world, catalogue).check(buffer)
    assert result.errors
    assert result.errors[0].row == 0


# -- the pages: upload, preview as a background job, confirm --------------------------------------------------


def upload(client, area, catalogue, workbook, django_capture_on_commit_callbacks):
    url = reverse("targets:area_target_import", kwargs={"code": area.code}) + f"?catalogue={catalogue.pk}"
    file = SimpleUploadedFile("targets.xlsx", as_file(workbook).getvalue())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"file": file})
    assert response.status_code == 302
    return Job.objects.get(key=response["Location"].rstrip("/").rsplit("/", 1)[-1])


def test_the_import_pages_preview_then_save_on_confirmation(
    world, client_for, catalogue, targets_a1, django_capture_on_commit_callbacks
):
    client = client_for(world.secretary_a1)
    workbook = exported(world.area_a1, catalogue)
    put(workbook[SHEET_TARGETS], "G1", 2570, target_value=95)
    preview = upload(client, world.area_a1, catalogue, workbook, django_capture_on_commit_callbacks)
    assert preview.status == "done"
    page = client.get(preview.get_absolute_url()).content.decode()
    assert "Confirm" in page or "ยืนยัน" in page
    assert not Target.objects.filter(fiscal_year=2570, requirement__code="G1").exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(preview.result["confirm_url"])
    writing = Job.objects.get(key=response["Location"].rstrip("/").rsplit("/", 1)[-1])
    assert writing.status == "done"
    assert writing.result["written"]
    assert Target.objects.get(fiscal_year=2570, requirement__code="G1").target_value == 95


def test_a_preview_with_problems_cannot_be_confirmed(
    world, client_for, catalogue, targets_a1, django_capture_on_commit_callbacks
):
    client = client_for(world.secretary_a1)
    workbook = exported(world.area_a1, catalogue)
    workbook[SHEET_ABOUT].cell(3, 2).value = "other"
    preview = upload(client, world.area_a1, catalogue, workbook, django_capture_on_commit_callbacks)
    assert preview.result["errors"]
    assert ABOUT_VERSION in client.get(preview.get_absolute_url()).content.decode()
    client.post(preview.result["confirm_url"])
    assert Job.objects.count() == 1


def test_nobody_else_sees_or_confirms_your_import(
    world, client_for, catalogue, targets_a1, django_capture_on_commit_callbacks
):
    workbook = exported(world.area_a1, catalogue)
    preview = upload(client_for(world.secretary_a1), world.area_a1, catalogue, workbook,
                     django_capture_on_commit_callbacks)  # fmt: skip
    officer = client_for(world.officer_a)
    assert officer.get(preview.get_absolute_url()).status_code == 404
    assert officer.post(preview.result["confirm_url"]).status_code == 404


def test_an_officer_of_another_province_cannot_import(world, client_for, catalogue, targets_a1):
    url = reverse("targets:area_target_import", kwargs={"code": world.area_a1.code})
    file = SimpleUploadedFile("targets.xlsx", as_file(exported(world.area_a1, catalogue)).getvalue())
    assert client_for(world.officer_b).post(url, {"file": file}).status_code == 404
    assert not Job.objects.exists()


def test_an_empty_workbook_says_what_is_missing(world, catalogue):
    result = importer(world, catalogue).check(as_file(Workbook()))
    assert result.errors
