"""The national dashboard: anyone may read it, the map colours provinces by the best level certified, and its
tables come out in Excel."""

import io
import json
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from ecotown.areas.choices import AreaStatus
from ecotown.areas.testing import make_area
from ecotown.dashboards import national
from ecotown.dashboards.testing import certify

URL = "/dashboards/"


@pytest.fixture
def certified(world):
    certify(world.area_a1, 2)
    certify(world.area_a2, 4)
    certify(world.area_b1, 1)
    make_area(world.province_b)  # developing: counted in the programme, not certified
    return world


def test_each_province_shows_its_best_level(certified, world):
    by_code = {p.code: p for p in national.provinces_on_map(national.Area.objects.all())}
    assert len(by_code) == 77
    assert (by_code["13"].areas, by_code["13"].certified, by_code["13"].best_level) == (2, 2, 4)
    assert (by_code["21"].areas, by_code["21"].certified, by_code["21"].best_level) == (2, 1, 1)
    assert by_code["50"].best_level is None


def test_a_lapsed_area_does_not_colour_its_province(certified, world):
    national.Area.objects.filter(pk=world.area_a2.pk).update(status=AreaStatus.LAPSED)
    by_code = {p.code: p for p in national.provinces_on_map(national.Area.objects.all())}
    assert by_code["13"].best_level == 2


def test_the_programme_target_against_what_is_reached(certified):
    from ecotown.areas.models import Programme

    Programme.objects.create(code="eit", name_th="แผนงาน", target_provinces=39, target_areas=54)
    progress = national.programme_progress(national.Area.objects.all())
    assert progress.rows == [("provinces", 39, 2, 2), ("areas", 54, 4, 3)]


def test_anyone_reads_the_page_with_the_map_data_for_77_provinces(certified, client_for):
    response = client_for(None).get(URL)
    assert response.status_code == 200
    embedded = re.search(rb'<script id="dashboard-charts" type="application/json">(.*?)</script>', response.content)
    charts = json.loads(embedded.group(1))
    data = {row["name"]: row for row in charts["map"]["data"]}
    assert len(data) == 77
    assert data["13"]["value"] == 4
    assert data["13"]["province"] == "Pathum Thani"
    assert charts["map"]["province_url"] == reverse("dashboards:province", kwargs={"code": "00"})
    assert charts["levels"]["xAxis"]["name"] == "year (B.E.)"
    assert b"dashboards/charts.js" in response.content


def test_the_tables_export_to_excel(certified, client_for):
    response = client_for(None).get(URL, {"export": "xlsx"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["จังหวัด", "ระดับรายปี", "เป้าหมายแผนงาน", "ผลลัพธ์", "ข้อมูลไฟล์"]
    provinces = list(workbook["จังหวัด"].values)
    assert len(provinces) == 78
    assert ("13", "Pathum Thani", 2, 2, 4) in provinces
