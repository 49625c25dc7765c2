"""The pivot of target results: within the user's scope, filtered by dimension, level and status, paged in the
database, exported whole to Excel."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from ecotown.criteria.choices import TargetKind
from ecotown.criteria.testing import make_catalogue, make_requirement
from ecotown.dashboards import pivot
from ecotown.targets.testing import make_target

URL = reverse("dashboards:pivot")


@pytest.fixture
def results(world):
    catalogue = make_catalogue()
    waste = make_requirement(catalogue, "G1-01", level=1, dimension="environment")
    water = make_requirement(catalogue, "G2-01", level=2, dimension="economy")
    plan = make_requirement(catalogue, "B1-01", level=None, target_kind=TargetKind.YES_NO)
    make_target(world.area_a1, waste, 2568, 80, actual=85)  # met
    make_target(world.area_a1, waste, 2569, 90, actual=70)  # missed
    make_target(world.area_a1, water, 2569, 50)  # awaiting
    make_target(world.area_a2, plan, 2569, 1, actual=1)  # met
    make_target(world.area_b1, waste, 2569, 80, actual=95)  # province B: met
    world.requirements = {"waste": waste, "water": water}
    return world


def _cells(response):
    return {(row.area.code, row.requirement.code, target.fiscal_year): target.status
            for row, cells in response.context["rows"] for target in cells if target}  # fmt: skip


def test_an_officer_sees_the_province_s_targets_as_area_requirement_rows_and_year_columns(results, client_for):
    response = client_for(results.officer_a).get(URL)
    assert response.status_code == 200
    assert response.context["years"] == [2568, 2569]
    assert _cells(response) == {
        ("pte-a1", "G1-01", 2568): "met", ("pte-a1", "G1-01", 2569): "missed",
        ("pte-a1", "G2-01", 2569): "awaiting", ("pte-a2", "B1-01", 2569): "met",
    }  # fmt: skip
    assert [row.requirement.code for row, _cells in response.context["rows"]] == ["G1-01", "G2-01", "B1-01"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"status": "met"}, {("pte-a1", "G1-01", 2568), ("pte-a2", "B1-01", 2569)}),
        ({"status": "awaiting"}, {("pte-a1", "G2-01", 2569)}),
        ({"level": "2"}, {("pte-a1", "G2-01", 2569)}),
        ({"dimension": "environment", "first_year": "2569"}, {("pte-a1", "G1-01", 2569)}),
        ({"area": "pte-a2"}, {("pte-a2", "B1-01", 2569)}),
    ],
)
def test_it_filters_by_status_level_dimension_year_and_area(results, client_for, query, expected):
    assert set(_cells(client_for(results.officer_a).get(URL, query))) == expected


def test_rows_are_paged_by_area_and_requirement(results, client_for, monkeypatch):
    monkeypatch.setattr(pivot, "ROWS_PER_PAGE", 2)
    client = client_for(results.diw_admin)
    first, last = client.get(URL), client.get(URL, {"page": "2"})
    assert first.context["page_obj"].paginator.count == 4
    assert len(first.context["rows"]) == len(last.context["rows"]) == 2
    assert not set(_cells(first)) & set(_cells(last))


def test_the_export_has_every_row_with_thai_statuses(results, client_for):
    response = client_for(results.officer_a).get(URL, {"export": "xlsx", "status": "met"})
    rows = list(load_workbook(io.BytesIO(response.content)).active.values)
    assert rows[0][:5] == ("รหัสพื้นที่", "พื้นที่", "รหัสข้อกำหนด", "ข้อกำหนด", "ระดับ")
    assert rows[0][5:] == ("ค่าเป้าหมาย 2568", "ผล 2568", "สถานะ 2568", "ค่าเป้าหมาย 2569", "ผล 2569", "สถานะ 2569")
    assert [row[:3] for row in rows[1:]] == [("pte-a1", "ตำบลบางกะดี", "G1-01"), ("pte-a2", "อำเภอลาดหลุมแก้ว", "B1-01")]
    assert rows[1][5:8] == (80, 85, "บรรลุ")


def test_an_area_name_that_looks_like_a_formula_is_written_as_text(results, client_for):
    results.area_a1.__class__.objects.filter(pk=results.area_a1.pk).update(name_th="=HYPERLINK(1)")
    response = client_for(results.officer_a).get(URL, {"export": "xlsx"})
    assert list(load_workbook(io.BytesIO(response.content)).active.values)[1][1] == "'=HYPERLINK(1)"
