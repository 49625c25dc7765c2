"""Query counts stay flat when the data grows tenfold: the national list, the area panel and the API lists (the plan
page: test_plan_page_queries.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ecotown.areas.testing import make_area
from ecotown.engagement.testing import make_committee
from ecotown.plans.testing import approve, make_plan, make_project, make_report

pytestmark = pytest.mark.django_db


def grow_plan(plan, requirements, count):
    version = plan.latest_version
    for number in range(count):
        project = make_project(version, f"โครงการ {number}", code=f"P-{number:03d}", requirements=requirements,
                               budget={(2567, "government"): 1000, (2568, "private"): 500}, kpis=2)  # fmt: skip
        project.targets.set([])
    return version


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_the_national_list_costs_the_same_with_ten_times_the_plans(world, client_for):
    client = client_for(world.diw_admin)
    for number in range(2):
        grow_plan(make_plan(make_area(world.province_a, f"small-{number}")), [], 2)
    url = reverse("plans:plan_list") + "?per_page=100"
    few = count_queries(client, url)
    for number in range(20):
        grow_plan(make_plan(make_area(world.province_b, f"large-{number}")), [], 2)
    many = count_queries(client, url)
    assert few == many
    assert many <= 15  # 12 for DIW (benchmarks/bench_plans.py); the secretariat adds its scope checks


def test_the_area_panel_is_flat(world, client_for):
    from ecotown.core.registry import registry

    index = next(i for i, panel in enumerate(registry.panels["area"]) if panel.template == "plans/area_panel.html")
    url = reverse("core:panel", kwargs={"page": "area", "pk": world.area_a1.pk, "index": index})
    client = client_for(world.secretary_a1)
    plan = make_plan(world.area_a1)
    grow_plan(plan, [], 2)
    few = count_queries(client, url)
    grow_plan(plan, [], 20)
    make_plan(world.area_a1, title_th="แผนที่สอง")
    assert count_queries(client, url) == few


@pytest.mark.parametrize("route", ["api:project-list", "api:plan-list", "api:progressreport-list"])
def test_the_api_lists_are_flat(world, api_client_for, route):
    client = api_client_for(world.diw_admin)
    committee = make_committee(area=world.area_a1)

    def grow(count):
        for number in range(count):
            plan = make_plan(world.area_a1, title_th=f"แผน {count}-{number}")
            grow_plan(plan, [], 2)
            approve(plan.latest_version, committee)
            for project in plan.latest_version.projects.all():
                make_report(project, 10)

    grow(1)
    few = count_queries(client, reverse(route))
    grow(10)
    assert count_queries(client, reverse(route)) == few
