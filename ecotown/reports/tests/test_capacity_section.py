"""The report's "capacity building delivered" section reads the support app's records of the area."""

import datetime

import pytest
from django.utils import translation

from ecotown.factories.testing import make_factory
from ecotown.reports.sections import ReportInput, SectionResult, sections
from ecotown.reports.sections.capacity import build
from ecotown.support.testing import make_engagement, make_project, make_study_visit, make_training, make_visit

pytestmark = pytest.mark.django_db


def test_capacity_building_per_fiscal_year_from_the_records(world):
    consultant = world.users["consultant"]
    project = make_project(world.area_a1, team=[consultant])
    first, second, third = (make_factory(world.province_a, areas=[world.area_a1]) for _ in range(3))
    make_training(project, [first, second], held_on=datetime.date(2025, 11, 1))  # FY 2569
    make_training(project, [third], held_on=datetime.date(2024, 11, 1))  # FY 2568
    make_study_visit(project, [first, third], visited_on=datetime.date(2026, 3, 1))  # FY 2569
    engagement = make_engagement(project, consultant, second)
    make_visit(engagement, 12, visited_on=datetime.date(2026, 1, 5))  # FY 2569: 12 h = 2 man-days
    make_training(make_project(world.area_b1), [make_factory(world.province_b)], held_on=datetime.date(2026, 1, 1))

    result = SectionResult("capacity", "")
    with translation.override("en"):
        build(ReportInput(world.area_a1, 2568, 2569, datetime.date(2026, 9, 30)), result)

    (table,) = result.tables
    by_year = {row[0]: row[1:] for row in table.rows}
    # trainings, factories trained, study visits, factories visited, man-days, factories consulted, reports
    assert by_year[2568] == [1, 1, 0, 0, 0.0, 0, 0]
    assert by_year[2569] == [1, 2, 1, 2, 2.0, 1, 0]
    assert "3 factories" in result.paragraphs[0]  # the whole period counts each factory once
    assert result.charts[0].series[0][1] == [1, 2]
    assert not result.missing
    assert [section.key for section in sections()].index("capacity") == [s.key for s in sections()].index(
        "factories"
    ) + 1


def test_an_area_without_an_upgrade_project_says_so(world):
    result = SectionResult("capacity", "")
    build(ReportInput(world.area_b1, 2568, 2569, datetime.date(2026, 9, 30)), result)
    assert result.missing
    assert all(row[1:] == [0, 0, 0, 0, 0.0, 0, 0] for row in result.tables[0].rows)
