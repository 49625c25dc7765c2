"""The plan page costs at most 12 queries for every role that reads it, with 3 projects or 30 (issue 14)."""

import pytest

from ecotown.criteria.testing import make_catalogue, make_requirement
from ecotown.engagement.testing import make_committee
from ecotown.plans.services import revise
from ecotown.plans.testing import approve, make_plan, make_report
from ecotown.plans.tests.test_queries import count_queries, grow_plan


@pytest.fixture(scope="module")
def plan_pages(shared_world, django_db_blocker):
    """Two approved plans of province A, of 3 and 30 projects (budgets, KPIs, requirements, a report each), each
    with a draft revision open: the page shows the approved version and offers the draft to its staff."""
    world = shared_world
    with django_db_blocker.unblock():
        catalogue = make_catalogue(version="queries")
        requirements = [make_requirement(catalogue, f"Q{n}") for n in range(3)]
        committee = make_committee("provincial", province=world.province_a)
        plans = {}
        for size, area in ((3, world.area_a1), (30, world.area_a2)):
            plan = make_plan(area, title_th=f"แผน {size} โครงการ")
            grow_plan(plan, requirements, size)
            approve(plan.latest_version, committee)
            for project in plan.latest_version.projects.all():
                make_report(project, 30)
            revise(plan, acting_user=None)
            plans[size] = plan.get_absolute_url()
    return plans


# Every role that may read the plan page: DIW, the province's officer, the area's secretariat, the public.
PLAN_PAGE_READERS = ["diw_admin", "officer_a", "secretary_a1", "public", "anonymous"]


@pytest.mark.parametrize("persona", PLAN_PAGE_READERS)
def test_the_plan_page_costs_at_most_12_queries_for_every_role_whatever_the_projects(
    shared_world, plan_pages, client_for, db, persona
):
    client = client_for(shared_world.users[persona])
    few = count_queries(client, plan_pages[3])
    many = count_queries(client, plan_pages[30])
    assert few == many
    # Issue 14: ≤ 12. Scope checks are answered in the queries that load the plan and its versions.
    assert many <= 12
