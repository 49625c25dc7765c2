"""Every list page and API list runs a constant number of queries (≤ 10) whatever the data size."""

import pytest

from ecotown.accounts.choices import Role
from ecotown.accounts.testing import assign, make_user
from ecotown.areas.testing import make_area
from ecotown.core.dates import current_fiscal_year
from ecotown.criteria.testing import make_catalogue, make_requirements
from ecotown.targets.testing import make_target

MAX_QUERIES = 10
LISTS = [
    "/",
    "/provinces/",
    "/areas/",
    "/areas/?province=13",
    "/accounts/roles/",
    "/api/provinces/",
    "/api/areas/",
    "/api/role-assignments/",
    "/targets/",
    "/api/targets/",
]


def grow(world, factor: int) -> None:
    """Add `factor` areas and role assignments in each province of the world."""
    for _number in range(factor):
        for province in (world.province_a, world.province_b):
            area = make_area(province)
            area.districts.set(province.districts.all()[:3])
            assign(make_user(), Role.AREA_SECRETARY, area)


@pytest.mark.parametrize("url", LISTS)
@pytest.mark.parametrize("persona", ["diw_admin", "officer_a"])
def test_lists_stay_flat_when_data_grows_tenfold(world, client_for, django_assert_max_num_queries, url, persona):
    client = client_for(world.users[persona])
    grow(world, 3)
    with django_assert_max_num_queries(MAX_QUERIES):
        assert client.get(url).status_code == 200
    grow(world, 30)
    with django_assert_max_num_queries(MAX_QUERIES):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("persona", ["diw_admin", "officer_a", "secretary_a1", "officer_b", "public"])
def test_the_area_page_stays_within_budget(world, client_for, django_assert_max_num_queries, persona):
    client = client_for(world.users[persona])
    area = world.area_a1
    area.districts.set(world.province_a.districts.all())
    for number in range(20):
        area.contacts.create(name=f"ผู้ประสานงาน {number}")
    catalogue = make_catalogue()
    for requirement in make_requirements(catalogue, 30):
        make_target(area, requirement, fiscal_year=current_fiscal_year(), actual=50)
    with django_assert_max_num_queries(MAX_QUERIES):
        assert client.get(area.get_absolute_url()).status_code == 200
