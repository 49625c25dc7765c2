from ecotown.core.api.viewsets import ScopedModelViewSet
from ecotown.targets.api.serializers import ActualSerializer, TargetSerializer
from ecotown.targets.filtersets import ActualFilterSet, TargetFilterSet
from ecotown.targets.models import Actual, Target


class TargetViewSet(ScopedModelViewSet):
    """Target values per area, requirement and fiscal year (B.E.), with the actual value when recorded."""

    model = Target
    serializer_class = TargetSerializer
    filterset_class = TargetFilterSet
    ordering_fields = ["fiscal_year", "area__code", "requirement__code"]

    def base_queryset(self):
        return (
            Target.objects.with_related()
            .prefetch_related("evidence__file")
            .order_by("area__code", "requirement__position", "requirement__code", "fiscal_year")
        )


class ActualViewSet(ScopedModelViewSet):
    """Actual values (results) against targets, with the SHA-256 of any evidence file."""

    model = Actual
    serializer_class = ActualSerializer
    filterset_class = ActualFilterSet

    def base_queryset(self):
        return Actual.objects.with_related().order_by("target_id")
