"""Query budgets (issue 17): the national dashboard in ≤ 15 queries, its figures aggregated by the database, so
the count stays flat when the data grows tenfold; the province dashboard and the pivot stay flat too."""

import pytest
from django.urls import reverse

from ecotown.criteria.testing import make_catalogue, make_requirement
from ecotown.dashboards.testing import grow_national
from ecotown.targets.testing import make_target

NATIONAL_BUDGET = 15
PAGE_BUDGET = 20


def _queries(client, url, django_assert_max_num_queries, budget):
    with django_assert_max_num_queries(budget) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("persona", ["anonymous", "diw_admin", "officer_a"])
def test_the_national_dashboard_stays_within_15_queries_at_tenfold_data(world, client_for, persona,
                                                                         django_assert_max_num_queries):  # fmt: skip
    client = client_for(world.users[persona])
    url = reverse("dashboards:national")
    grow_national(areas_per_province=1, years=(2567,))
    small = _queries(client, url, django_assert_max_num_queries, NATIONAL_BUDGET)
    grow_national(areas_per_province=9, years=(2567,))
    assert _queries(client, url, django_assert_max_num_queries, NATIONAL_BUDGET) == small


def test_the_province_dashboard_and_the_pivot_stay_flat(world, client_for, django_assert_max_num_queries):
    client = client_for(world.officer_a)
    catalogue = make_catalogue()
    province_url = reverse("dashboards:province", kwargs={"code": "13"})
    pivot_url = reverse("dashboards:pivot")

    def grow(count):
        grow_national(areas_per_province=count, years=(2567,))
        for requirement in [make_requirement(catalogue) for _ in range(count)]:
            for year in (2568, 2569):
                make_target(world.area_a1, requirement, year, 80, actual=70)

    grow(1)
    counts = [_queries(client, url, django_assert_max_num_queries, PAGE_BUDGET) for url in (province_url, pivot_url)]
    grow(9)
    assert [
        _queries(client, url, django_assert_max_num_queries, PAGE_BUDGET) for url in (province_url, pivot_url)
    ] == counts
