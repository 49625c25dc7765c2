"""Roll-ups of a plan version by dimension and fiscal year, with the numbers worked out here."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ecotown.criteria.testing import make_catalogue, make_requirement
from ecotown.plans import rollups
from ecotown.plans.models import PlanVersion
from ecotown.plans.testing import make_plan, make_project, make_report

pytestmark = pytest.mark.django_db


def cell(rows, label, year):
    row = next(r for r in rows if r.label == label)
    return next(c for c in row.cells if c.year == year)


def test_it_rolls_projects_up_by_dimension_and_year(world):
    catalogue = make_catalogue(version="1")
    env_a = make_requirement(catalogue, "E1", dimension="environment")
    env_b = make_requirement(catalogue, "E2", dimension="environment")
    eco = make_requirement(catalogue, "C1", dimension="economy")
    version = make_plan(world.area_a1).latest_version
    # Serves environment twice (E1, E2) and economy: counted once under each dimension.
    both = make_project(
        version,
        "ทั้งสองด้าน",
        requirements=[env_a, env_b, eco],
        budget={(2567, "government"): 1000, (2567, "private"): 500, (2568, "government"): 300},
    )
    green = make_project(version, "สิ่งแวดล้อม", requirements=[env_a], budget={(2567, "government"): 2000})
    alone = make_project(version, "ไม่เชื่อมโยง", budget={(2568, "government"): 700})
    make_report(both, 20, year=2567, quarter=2, spent=100)
    make_report(both, 60, year=2567, quarter=4, spent=250)
    make_report(green, 30, year=2567, quarter=3, spent=400)
    make_report(alone, 10, year=2569, quarter=1, spent=50)  # a year without budget still counts

    with CaptureQueriesContext(connection) as queries:
        rows = rollups.by_dimension_and_year(version)
    assert len(queries) <= 6

    assert [row.label for row in rows][-1] == "not linked to a requirement"
    environment = cell(rows, "environment", 2567)
    assert environment.projects == 2
    assert environment.budget == Decimal(1000 + 500 + 2000)
    assert environment.spent == Decimal(100 + 250 + 400)
    assert environment.progress == (60 + 30) / 2
    economy = cell(rows, "economy", 2567)
    assert (economy.projects, economy.budget, economy.spent, economy.progress) == (1, 1500, 350, 60)
    assert (cell(rows, "economy", 2568).projects, cell(rows, "economy", 2568).budget) == (1, 300)
    assert cell(rows, "economy", 2568).progress == 0  # budgeted, not reported that year
    assert cell(rows, "environment", 2566).projects == 0
    assert cell(rows, "environment", 2566).progress is None
    unlinked = [cell(rows, "not linked to a requirement", year) for year in (2568, 2569)]
    assert [(c.projects, c.budget, c.spent, c.progress) for c in unlinked] == [(1, 700, 0, 0), (1, 0, 50, 10)]


def test_the_timeline_page_shows_the_roll_up(world, client_for):
    catalogue = make_catalogue(version="1")
    version = make_plan(world.area_a1).latest_version
    make_project(version, "สิ่งแวดล้อม", requirements=[make_requirement(catalogue, "E1", dimension="environment")])
    response = client_for(world.secretary_a1).get(reverse("plans:plan_timeline", kwargs={"pk": version.plan.pk}))
    assert response.status_code == 200
    assert "plan-rollup" in response.content.decode()


def test_the_national_view_counts_projects_per_dimension(world, client_for):
    catalogue = make_catalogue(version="1")
    env_a = make_requirement(catalogue, "E1", dimension="environment")
    env_b = make_requirement(catalogue, "E2", dimension="environment")
    eco = make_requirement(catalogue, "C1", dimension="economy")
    first, second = make_plan(world.area_a1).latest_version, make_plan(world.area_b1).latest_version
    make_project(first, "ทั้งสองด้าน", requirements=[env_a, env_b, eco])  # once under environment
    make_project(second, "สิ่งแวดล้อม", requirements=[env_b])
    make_project(second, "ไม่เชื่อมโยง")
    versions = PlanVersion.objects.filter(pk__in=[first.pk, second.pk]).values("pk")
    counts = {str(label): n for label, n in rollups.projects_per_dimension(versions)}
    assert counts == {"environment": 2, "economy": 1, "not linked to a requirement": 1}
    response = client_for(world.diw_admin).get(reverse("plans:plan_list"))
    assert "national-dimensions" in response.content.decode()
