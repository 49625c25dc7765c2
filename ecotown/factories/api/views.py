from ecotown.core.api.viewsets import ScopedModelViewSet, ScopedReadOnlyViewSet
from ecotown.factories import filtersets
from ecotown.factories.api import serializers
from ecotown.factories.models import Certification, ComplianceCheck, Factory, Permit


class FactoryViewSet(ScopedReadOnlyViewSet):
    """Factories of the register within the caller's scope (their province, area, or their own factory)."""

    model = Factory
    serializer_class = serializers.FactorySerializer
    filterset_class = filtersets.FactoryFilterSet

    def base_queryset(self):
        return super().base_queryset().prefetch_related("areas")


class PermitViewSet(ScopedModelViewSet):
    model = Permit
    serializer_class = serializers.PermitSerializer
    filterset_class = filtersets.PermitFilterSet


class ComplianceCheckViewSet(ScopedModelViewSet):
    model = ComplianceCheck
    serializer_class = serializers.ComplianceCheckSerializer
    filterset_class = filtersets.ComplianceCheckFilterSet


class CertificationViewSet(ScopedModelViewSet):
    model = Certification
    serializer_class = serializers.CertificationSerializer
    filterset_class = filtersets.CertificationFilterSet
