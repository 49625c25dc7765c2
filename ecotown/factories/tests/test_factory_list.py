"""The national factory list over a large register (issue 15: ≤ 10 queries, within 300 ms on PostgreSQL):
the count stops at a cap, no page starts beyond it, and a word is found through the trigram index."""

import pytest
from django.db import connection

from ecotown.core.pagination import CappedPaginator
from ecotown.factories.filtersets import FactoryFilterSet
from ecotown.factories.models import Factory
from ecotown.factories.testing import make_factory

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_cap(monkeypatch):
    monkeypatch.setattr(CappedPaginator, "cap", 30)


def names_on(client, url):
    table = client.get(url).context["table"]
    return [row.record.name for row in table.paginated_rows], table


def test_the_count_stops_at_the_cap_and_says_so(world, client_for, small_cap):
    for number in range(35):
        make_factory(world.province_a, name=f"บริษัท ลำดับ {number:02d} จำกัด")
    client = client_for(world.users["diw_admin"])
    page = client.get("/factories/").content.decode()
    assert "More than 30 records" in page
    _names, table = names_on(client, "/factories/?per_page=10")
    assert (table.paginator.count, table.paginator.num_pages, table.paginator.capped) == (30, 3, True)


def test_no_page_starts_beyond_the_cap(world, client_for, small_cap):
    for number in range(35):
        make_factory(world.province_a, name=f"บริษัท ลำดับ {number:02d} จำกัด")
    client = client_for(world.users["diw_admin"])
    deepest, table = names_on(client, "/factories/?per_page=10&page=9")
    assert table.page.number == 3
    assert deepest == [f"บริษัท ลำดับ {number:02d} จำกัด" for number in range(20, 30)]


def test_under_the_cap_the_count_is_exact(world, client_for, small_cap):
    for _number in range(7):
        make_factory(world.province_a)
    client = client_for(world.users["officer_a"])
    page = client.get("/factories/").content.decode()
    assert "7 records" in page
    assert "More than" not in page


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ชุบโลหะ", {"ชุบโลหะ"}),  # a word inside a name
        ("สยาม", {"ชุบโลหะ", "operator"}),  # in a name or in an operator's name
        ("1013000000", {"ชุบโลหะ", "operator", "old"}),  # part of a registration number
        ("60ชบ", {"old"}),  # part of an old-format number
        ("จำกัด 1013", set()),  # never across two columns
        ("50%", set()),  # LIKE's wildcards are text
    ],
)
def test_a_search_finds_a_word_in_any_searched_column_and_only_there(world, query, expected):
    made = {
        "ชุบโลหะ": make_factory(world.province_a, name="บริษัท สยามชุบโลหะ จำกัด", registration_number="10130000000011"),
        "operator": make_factory(
            world.province_a, name="โรงงานหนึ่ง", operator_name="นายสยาม", registration_number="10130000000022"
        ),
        "old": make_factory(
            world.province_a,
            name="โรงงานสอง",
            old_registration_number="3-105-1/60ชบ",
            registration_number="10130000000033",
        ),
    }
    found = FactoryFilterSet({"q": query}, queryset=Factory.objects.all()).qs
    assert {key for key, factory in made.items() if factory in found} == expected


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigram index is PostgreSQL's")
def test_postgresql_searches_names_through_the_trigram_index(world):
    make_factory(world.province_a, name="บริษัท สยามชุบโลหะ จำกัด")
    queryset = FactoryFilterSet({"q": "ชุบโลหะ"}, queryset=Factory.objects.order_by()).qs
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a tiny table would be scanned whole otherwise
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "factories_factory_search_trgm" in plan
