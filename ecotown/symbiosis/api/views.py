from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions
from rest_framework.decorators import action
from rest_framework.response import Response

from ecotown.core.api.viewsets import ScopedReadOnlyViewSet
from ecotown.symbiosis import services
from ecotown.symbiosis.api import serializers
from ecotown.symbiosis.filtersets import ExchangeFilterSet
from ecotown.symbiosis.models import Exchange


class ExchangeViewSet(ScopedReadOnlyViewSet):
    """Candidate and realised exchanges, ranked (most tonnes diverted first, then the shortest road)."""

    model = Exchange
    serializer_class = serializers.ExchangeSerializer
    filterset_class = ExchangeFilterSet

    def base_queryset(self):
        return Exchange.objects.with_related().prefetch_related("flows__flow")

    @extend_schema(request=serializers.ExchangeStepSerializer, responses=serializers.ExchangeSerializer)
    @action(detail=True, methods=["post"])
    def step(self, request, pk=None):
        """Take one step: contact, start_trial, realise (start_date, optional quantity) or drop (reason)."""
        exchange = self.get_object()
        given = serializers.ExchangeStepSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = dict(given.validated_data)
        step = data.pop("step")
        options = {"reason": data["reason"]}
        if step == "realise":
            options.update(start_date=data["start_date"], quantity=data["quantity"])
        try:
            services.STEPS[step](exchange, acting_user=request.user, **options)
        except DjangoPermissionDenied as error:
            raise exceptions.PermissionDenied from error
        except ValidationError as error:
            detail = error.message_dict if hasattr(error, "error_dict") else error.messages
            raise exceptions.ValidationError(detail) from error
        exchange = self.get_queryset().get(pk=exchange.pk)
        return Response(self.get_serializer(exchange).data)
