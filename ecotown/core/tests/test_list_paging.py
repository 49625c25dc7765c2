"""The first page of a list that fits on it is read in one query (core.views.ListPaginator); longer lists page
as Django's paginator does. Static URLs are worked out once per process (core.staticfiles.StaticStorage)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.translation import override
from whitenoise.storage import CompressedStaticFilesStorage

from ecotown.core.pagination import ListPaginator
from ecotown.core.staticfiles import StaticStorage
from ecotown.geo.models import Province
from ecotown.geo.tables import ProvinceTable


def paged(queryset, per_page, page=1, orphans=0):
    table = ProvinceTable(queryset)
    table.paginate(paginator_class=ListPaginator, per_page=per_page, page=page, orphans=orphans)
    return table


def counts(queries) -> int:
    return sum("COUNT(" in query["sql"] for query in queries)


@pytest.mark.django_db
def test_a_list_on_one_page_is_one_query_without_count():
    provinces = Province.objects.filter(code__lt="20").order_by("code")
    with CaptureQueriesContext(connection) as queries:
        table = paged(provinces, per_page=25)
        codes = [row.record.code for row in table.page.object_list]
    assert counts(queries) == 0
    assert len(queries) == 1
    assert codes == list(provinces.values_list("code", flat=True))
    assert table.paginator.count == len(codes)
    assert table.paginator.num_pages == 1
    assert not table.page.has_next()


@pytest.mark.django_db
def test_a_longer_list_counts_and_pages_as_djangos_paginator():
    provinces = Province.objects.order_by("code")
    total = provinces.count()
    every = list(provinces.values_list("code", flat=True))
    with CaptureQueriesContext(connection) as queries:
        table = paged(provinces, per_page=25)
        first = [row.record.code for row in table.page.object_list]
    assert counts(queries) == 1
    assert len(queries) == 2  # the count and the rows, read once
    assert first == every[:25]
    assert table.paginator.count == total
    assert table.page.has_next()
    last = paged(provinces, per_page=25, page=table.paginator.num_pages)
    assert [row.record.code for row in last.page.object_list] == every[(table.paginator.num_pages - 1) * 25 :]


@pytest.mark.django_db
def test_orphans_join_the_first_page():
    provinces = Province.objects.filter(code__lt="20").order_by("code")
    size = provinces.count()
    table = paged(provinces, per_page=size - 2, orphans=2)
    assert len(list(table.page.object_list)) == size
    assert table.paginator.num_pages == 1
    table = paged(provinces, per_page=size - 3, orphans=2)
    assert len(list(table.page.object_list)) == size - 3
    assert table.paginator.num_pages == 2


def test_a_static_url_is_whitenoises():
    storage = StaticStorage()
    plain = CompressedStaticFilesStorage()
    for name in ("core/ecotown.css", "vendor/bootstrap/css/bootstrap.min.css", "a b/ไทย.css"):
        with override("th"):
            assert storage.url(name) == plain.url(name)
        assert storage.url(name) == plain.url(name)
