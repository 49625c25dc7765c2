"""The plan timeline: bars placed by fiscal quarter (October to September), by classes, not inline styles."""

import datetime

import pytest
from django.urls import reverse

from ecotown.plans import timeline
from ecotown.plans.models import Plan
from ecotown.plans.testing import make_plan, make_project, make_report

from .test_queries import count_queries, grow_plan

pytestmark = pytest.mark.django_db


def test_bars_are_placed_by_fiscal_quarter():
    plan = Plan(first_year=2567, last_year=2569)  # 1 Oct 2023 – 30 Sep 2026: 12 quarters
    assert timeline.column(plan, datetime.date(2023, 10, 1)) == 1  # Q1 of FY 2567
    assert timeline.column(plan, datetime.date(2024, 1, 15)) == 2  # Q2
    assert timeline.column(plan, datetime.date(2024, 9, 30)) == 4  # Q4
    assert timeline.column(plan, datetime.date(2024, 10, 1)) == 5  # Q1 of FY 2568
    projects = [
        _project("a", datetime.date(2024, 1, 1), datetime.date(2025, 3, 31)),  # Q2/2567 – Q2/2568
        _project("b", datetime.date(2022, 5, 1), datetime.date(2024, 2, 1)),  # starts before the plan
        _project("c", datetime.date(2026, 7, 1), datetime.date(2028, 1, 1)),  # ends after it
        _project("d", datetime.date(2030, 1, 1), datetime.date(2030, 6, 1)),  # entirely after it
        _project("e", None, datetime.date(2025, 1, 1)),
    ]
    bars, undated = timeline.bars(plan, projects)
    assert [(b.project.title, b.start, b.span, b.clipped) for b in bars] == [
        ("a", 2, 5, False),
        ("b", 1, 2, True),
        ("c", 12, 1, True),
        ("d", 12, 1, True),
    ]
    assert [p.title for p in undated] == ["e"]
    assert timeline.columns(plan) == 12
    assert timeline.year_headers(plan) == [(2567, 1), (2568, 5), (2569, 9)]


def _project(title, start, end):
    from ecotown.plans.models import Project

    return Project(title=title, start_date=start, end_date=end)


def test_the_timeline_page_shows_bars_without_inline_styles(world, client_for):
    plan = make_plan(world.area_a1)  # fiscal years 2566–2570
    project = make_project(plan.latest_version, "โครงการมีกำหนด", start_date=datetime.date(2023, 10, 1),
                           end_date=datetime.date(2024, 6, 30))  # fmt: skip
    make_report(project, 30, status="delayed")
    make_project(plan.latest_version, "โครงการไม่มีกำหนด")
    response = client_for(world.secretary_a1).get(reverse("plans:plan_timeline", kwargs={"pk": plan.pk}))
    html = response.content.decode()
    assert response.status_code == 200
    assert "tl-bar tl-start-5 tl-span-3 tl-status-delayed" in html  # FY 2567 begins at column 5
    assert "tl-cols-20" in html
    assert "โครงการไม่มีกำหนด" in html.split("timeline-undated")[1]
    assert "style=" not in html.split("plan-timeline")[1]


def test_the_timeline_costs_the_same_with_ten_times_the_projects(world, client_for):
    client = client_for(world.diw_admin)
    small, large = make_plan(world.area_a1), make_plan(world.area_a2)
    for plan, count in ((small, 3), (large, 30)):
        version = grow_plan(plan, [], count)
        version.projects.update(start_date=datetime.date(2024, 1, 1), end_date=datetime.date(2025, 6, 30))
        for project in version.projects.all():
            make_report(project, 30)
    few = count_queries(client, reverse("plans:plan_timeline", kwargs={"pk": small.pk}))
    many = count_queries(client, reverse("plans:plan_timeline", kwargs={"pk": large.pk}))
    assert few == many
