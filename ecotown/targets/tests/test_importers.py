import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from ecotown.targets.exporters import COLUMNS, SHEET_ABOUT, SHEET_TARGETS, AreaTargetExporter
from ecotown.targets.importers import AreaTargetImporter
from ecotown.targets.models import Actual, Target

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


def test_a_round_trip_changes_nothing(world, catalogue, targets_a1):
    before = {t.pk: t.last_updated for t in Target.objects.all()}
    result = AreaTargetImporter(world.area_a1, catalogue).run(as_file(exported(world.area_a1, catalogue)))
    assert result.errors == []
    assert (result.created, result.updated, result.unchanged, result.skipped) == (0, 0, 3, 7)
    assert {t.pk: t.last_updated for t in Target.objects.all()} == before
    assert Target.history.model.objects.count() == 3


def test_it_creates_and_updates_rows(world, catalogue, targets_a1):
    workbook = exported(world.area_a1, catalogue)
    sheet = workbook[SHEET_TARGETS]
    put(sheet, "G1", 2570, target_value=95, baseline_value=70, baseline_year=2565, data_source="สอจ.")
    put(sheet, "G2", 2569, target_value="900", direction="ไม่เกิน", actual_value=850, recorded_on="30/09/2569")
    put(sheet, "G1", 2569, actual_value=91)
    result = AreaTargetImporter(world.area_a1, catalogue).run(as_file(workbook))
    assert result.errors == []
    assert (result.created, result.updated, result.unchanged) == (2, 1, 2)
    new = Target.objects.get(requirement__code="G2", fiscal_year=2569)
    assert new.direction == "at_most"
    assert new.unit == "ตัน/ปี"
    assert new.actual.is_met is True
    assert new.actual.recorded_on.isoformat() == "2026-09-30"
    assert Target.objects.get(requirement__code="G1", fiscal_year=2569).actual.value == 91


def test_it_reports_every_bad_row_and_writes_nothing(world, catalogue, targets_a1):
    workbook = exported(world.area_a1, catalogue)
    sheet = workbook[SHEET_TARGETS]
    bad_percent = put(sheet, "G1", 2570, target_value=150)
    bad_number = put(sheet, "G2", 2570, target_value="lots")
    bad_direction = put(sheet, "G2", 2569, target_value=900, direction="sideways")
    good = put(sheet, "G2", 2566, target_value=1500)
    sheet.append(["NOPE", None, None, 2569, None, None, 10])
    unknown = sheet.max_row
    sheet.append(["G1", None, None, 2568, None, None, 80])
    duplicate = sheet.max_row
    result = AreaTargetImporter(world.area_a1, catalogue).run(as_file(workbook))
    rows = {error.row: error.message for error in result.errors}
    assert set(rows) == {bad_percent, bad_number, bad_direction, unknown, duplicate}
    assert good not in rows
    assert "A percentage is between 0 and 100." in rows[bad_percent]
    assert "is not a number" in rows[bad_number]
    assert "ไม่น้อยกว่า" in rows[bad_direction]
    assert "NOPE" in rows[unknown]
    assert f"row {row_of(sheet, 'G1', 2568)}" in rows[duplicate]
    assert Target.objects.count() == 3
    assert not Target.objects.filter(fiscal_year=2566).exists()


def test_an_error_while_writing_leaves_nothing_written(world, catalogue, targets_a1, monkeypatch):
    workbook = exported(world.area_a1, catalogue)
    sheet = workbook[SHEET_TARGETS]
    put(sheet, "G1", 2566, target_value=60)
    put(sheet, "G2", 2566, target_value=1500, actual_value=1400)

    def fail(self, *args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Actual, "save", fail)
    with pytest.raises(RuntimeError):
        AreaTargetImporter(world.area_a1, catalogue).run(as_file(workbook))
    assert not Target.objects.filter(fiscal_year=2566).exists()


def test_it_refuses_a_file_for_another_area(world, catalogue, targets_a1):
    workbook = exported(world.area_a1, catalogue)
    result = AreaTargetImporter(world.area_a2, catalogue).run(as_file(workbook))
    assert result.errors[0].message == f"This file is for area {world.area_a1.code}, not {world.area_a2.code}."


def test_it_refuses_a_file_without_the_template_columns(world, catalogue):
    workbook = exported(world.area_a1, catalogue)
    workbook[SHEET_TARGETS]["G1"].value = "ค่า"
    del workbook[SHEET_ABOUT]
    result = AreaTargetImporter(world.area_a1, catalogue).run(as_file(workbook))
    assert "ค่าเป้าหมาย" in result.errors[0].message


def test_it_refuses_what_is_not_a_workbook(world, catalogue):
    result = AreaTargetImporter(world.area_a1, catalogue).run(io.BytesIO(b"not excel"))
    assert result.errors[0].message == "This is not an Excel (.xlsx) file that can be read."


def upload(client, area, workbook, catalogue):
    url = reverse("targets:area_target_import", kwargs={"code": area.code}) + f"?catalogue={catalogue.pk}"
    data = as_file(workbook).getvalue()
    return client.post(url, {"file": SimpleUploadedFile("targets.xlsx", data)})


def test_the_import_page_shows_a_summary(world, client_for, catalogue, targets_a1):
    workbook = exported(world.area_a1, catalogue)
    put(workbook[SHEET_TARGETS], "G1", 2570, target_value=95)
    response = upload(client_for(world.secretary_a1), world.area_a1, workbook, catalogue)
    html = response.content.decode()
    assert response.status_code == 200
    assert "import-summary" in html
    assert "1 created, 0 updated, 3 unchanged" in html


def test_the_import_page_lists_the_bad_rows(world, client_for, catalogue, targets_a1):
    workbook = exported(world.area_a1, catalogue)
    number = put(workbook[SHEET_TARGETS], "G1", 2570, target_value=150)
    response = upload(client_for(world.officer_a), world.area_a1, workbook, catalogue)
    html = response.content.decode()
    assert "import-errors" in html
    assert f"<td>{number}</td>" in html
    assert not Target.objects.filter(fiscal_year=2570).exists()


def test_an_officer_of_another_province_cannot_import(world, client_for, catalogue, targets_a1):
    workbook = exported(world.area_a1, catalogue)
    put(workbook[SHEET_TARGETS], "G1", 2570, target_value=95)
    response = upload(client_for(world.officer_b), world.area_a1, workbook, catalogue)
    assert response.status_code == 404
    assert not Target.objects.filter(fiscal_year=2570).exists()
