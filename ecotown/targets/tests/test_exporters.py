import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from ecotown.targets.exporters import COLUMNS, SHEET_ABOUT, SHEET_TARGETS, AreaTargetExporter

pytestmark = pytest.mark.django_db


def read(content: bytes):
    return load_workbook(io.BytesIO(content))


def test_the_workbook_has_thai_headers_and_a_row_per_requirement_and_year(world, catalogue, targets_a1):
    sheet = read(AreaTargetExporter(world.area_a1, catalogue).to_xlsx())[SHEET_TARGETS]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("รหัสข้อกำหนด", "ข้อกำหนด", "ชนิดค่าเป้าหมาย", "ปีงบประมาณ")
    assert len(rows) == 1 + 2 * 5
    by_key = {(row[0], row[3]): dict(zip([key for key, _title in COLUMNS], row, strict=True)) for row in rows[1:]}
    landfill = by_key[("G2", 2568)]
    assert landfill["target_value"] == 1000
    assert landfill["actual_value"] == 1200
    assert landfill["direction"] == "ไม่เกิน"
    assert landfill["unit"] == "ตัน/ปี"
    assert landfill["status"] == "ไม่บรรลุ"
    assert by_key[("G1", 2568)]["status"] == "บรรลุ"
    assert by_key[("G1", 2570)]["target_value"] is None


def test_the_workbook_names_its_area_and_catalogue(world, catalogue, targets_a1):
    about = dict(read(AreaTargetExporter(world.area_a1, catalogue).to_xlsx())[SHEET_ABOUT].iter_rows(values_only=True))
    assert about["รหัสพื้นที่"] == world.area_a1.code
    assert about["ฉบับเกณฑ์"] == "2565"


def test_the_export_page_sends_an_xlsx(world, client_for, catalogue, targets_a1):
    url = reverse("targets:area_target_export", kwargs={"code": world.area_a1.code})
    response = client_for(world.auditor_a1).get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    assert read(response.content)[SHEET_TARGETS]["A2"].value == "G1"
