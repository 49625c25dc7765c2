from ecotown.areas.api.serializers import AreaContactSerializer, AreaSerializer
from ecotown.areas.filtersets import AreaFilterSet
from ecotown.areas.models import Area, AreaContact
from ecotown.core.api.viewsets import ScopedModelViewSet


class AreaViewSet(ScopedModelViewSet):
    """Eco-industrial town areas. Filter by province (code), kind, status and certified level."""

    model = Area
    serializer_class = AreaSerializer
    filterset_class = AreaFilterSet

    def base_queryset(self):
        return Area.objects.select_related("province").prefetch_related("districts", "subdistricts")


class AreaContactViewSet(ScopedModelViewSet):
    model = AreaContact
    serializer_class = AreaContactSerializer
    filterset_fields = ["area"]
