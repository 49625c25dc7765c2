from ecotown.core.api.viewsets import ScopedReadOnlyViewSet
from ecotown.criteria.api.serializers import CatalogueSerializer, RequirementSerializer
from ecotown.criteria.filtersets import CatalogueFilterSet, RequirementFilterSet
from ecotown.criteria.models import Catalogue, Requirement


class CatalogueViewSet(ScopedReadOnlyViewSet):
    """Every loaded version of the criteria catalogue with its levels and dimensions."""

    model = Catalogue
    serializer_class = CatalogueSerializer
    filterset_class = CatalogueFilterSet

    def base_queryset(self):
        return Catalogue.objects.prefetch_related("levels", "dimensions")


class RequirementViewSet(ScopedReadOnlyViewSet):
    """Requirements, filterable by catalogue (id, or code and version), kind, level number and dimension code."""

    model = Requirement
    serializer_class = RequirementSerializer
    filterset_class = RequirementFilterSet

    def base_queryset(self):
        return Requirement.objects.select_related("catalogue", "level").prefetch_related("dimensions")
