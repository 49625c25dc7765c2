"""Each filterset works on its own copies of its class's filters (core.filtersets._Filters)."""

import django_filters
import pytest

from ecotown.core.filtersets import SearchFilterSet
from ecotown.geo.models import District, Province

pytestmark = pytest.mark.django_db


class DistrictFilterSet(SearchFilterSet):
    search_fields = ("name_th", "code")
    province = django_filters.ModelChoiceFilter(queryset=Province.objects.all(), field_name="province")
    size = django_filters.NumberFilter(field_name="pk")
    starts = django_filters.CharFilter(method="filter_starts")

    class Meta:
        model = District
        fields = ["q", "province", "size", "starts"]

    def filter_starts(self, queryset, name, value):
        self.called = value
        return queryset.filter(code__startswith=value)


def test_each_filterset_has_its_own_filters_bound_to_itself():
    first = DistrictFilterSet({"starts": "10"}, queryset=District.objects.all())
    second = DistrictFilterSet({"starts": "13"}, queryset=District.objects.all())
    assert first.filters["starts"] is not second.filters["starts"]
    assert first.filters["starts"].parent is first
    assert set(first.qs.values_list("province__code", flat=True)) == {"10"}
    assert set(second.qs.values_list("province__code", flat=True)) == {"13"}
    assert (first.called, second.called) == ("10", "13")
    assert DistrictFilterSet.base_filters["starts"].filter.f is DistrictFilterSet.base_filters["starts"]


def test_a_change_to_one_filtersets_filter_stays_with_it():
    first = DistrictFilterSet({}, queryset=District.objects.all())
    first.filters["province"].queryset = Province.objects.filter(code="13")
    first.filters["size"].extra["max_value"] = 5
    second = DistrictFilterSet({}, queryset=District.objects.all())
    assert second.filters["province"].queryset.count() == Province.objects.count()
    assert list(first.form.fields["province"].queryset.values_list("code", flat=True)) == ["13"]
    assert second.form.fields["province"].queryset.count() == Province.objects.count()
    assert second.filters["size"].extra["max_value"] == SearchFilterSet.__init__.__globals__["NUMBER_LIMIT"]
    assert "max_value" not in DistrictFilterSet.base_filters["size"].extra
    assert first.form.fields["province"] is not second.form.fields["province"]


def test_a_search_and_a_bad_number_still_work():
    filterset = DistrictFilterSet({"q": "เมือง", "size": "1e99"}, queryset=District.objects.all())
    assert not filterset.is_valid()
    assert "size" in filterset.errors
    searched = DistrictFilterSet({"q": "เมือง"}, queryset=District.objects.all())
    assert searched.qs.exists()
    assert all("เมือง" in name for name in searched.qs.values_list("name_th", flat=True)[:20])
