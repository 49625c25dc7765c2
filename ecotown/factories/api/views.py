from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action
from rest_framework.response import Response

from ecotown.core.api.viewsets import ScopedModelViewSet, ScopedReadOnlyViewSet
from ecotown.factories import filtersets
from ecotown.factories.api import serializers
from ecotown.factories.models import Certification, ComplianceCheck, Factory, MassBalance, Permit


class FactoryViewSet(ScopedReadOnlyViewSet):
    """Factories of the register within the caller's scope (their province, area, or their own factory)."""

    model = Factory
    serializer_class = serializers.FactorySerializer
    filterset_class = filtersets.FactoryFilterSet

    def base_queryset(self):
        return super().base_queryset().prefetch_related("areas")

    @extend_schema(responses=serializers.MassBalanceSerializer(many=True))
    @action(detail=True, url_path="mass-balance", url_name="mass-balance", pagination_class=None)
    def mass_balance(self, request, pk=None):
        """The factory's mass balances with their flows, for those who may read them."""
        factory = self.get_object()
        balances = MassBalance.objects.filter(factory=factory).for_user(request.user).prefetch_related("flows")
        return Response(serializers.MassBalanceSerializer(balances, many=True).data)


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
