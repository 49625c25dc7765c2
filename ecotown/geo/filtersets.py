from ecotown.core.filtersets import SearchFilterSet
from ecotown.geo.models import District, Province


class ProvinceFilterSet(SearchFilterSet):
    search_fields = ("code", "name_th", "name_en")

    class Meta:
        model = Province
        fields = ["q", "code"]


class DistrictFilterSet(SearchFilterSet):
    search_fields = ("code", "name_th", "name_en")

    class Meta:
        model = District
        fields = ["q", "province"]
