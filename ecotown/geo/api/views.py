from ecotown.core.api.viewsets import ScopedReadOnlyViewSet
from ecotown.geo.api.serializers import DistrictSerializer, ProvinceSerializer
from ecotown.geo.filtersets import DistrictFilterSet, ProvinceFilterSet
from ecotown.geo.models import District, Province


class ProvinceViewSet(ScopedReadOnlyViewSet):
    """Thailand's 77 provinces with DOPA and ISO 3166-2 codes, in Thai dictionary order."""

    model = Province
    serializer_class = ProvinceSerializer
    filterset_class = ProvinceFilterSet
    lookup_field = "code"


class DistrictViewSet(ScopedReadOnlyViewSet):
    model = District
    serializer_class = DistrictSerializer
    filterset_class = DistrictFilterSet
