from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from ecotown.symbiosis.models import Exchange, ExchangeFlow


class ExchangeFlowSerializer(serializers.ModelSerializer):
    mass_balance = serializers.IntegerField(source="flow.mass_balance_id", read_only=True, allow_null=True)
    quantity = serializers.DecimalField(
        source="flow.quantity", max_digits=16, decimal_places=3, read_only=True, allow_null=True
    )

    class Meta:
        model = ExchangeFlow
        fields = ["side", "year", "flow", "mass_balance", "quantity"]
        read_only_fields = fields


class ExchangeSerializer(serializers.ModelSerializer):
    """A candidate or realised exchange. Read only: candidates come from the matching, and their status changes
    through the `step` action."""

    flows = ExchangeFlowSerializer(many=True, read_only=True)
    area_code = serializers.CharField(source="area.code", read_only=True)
    supplier_name = serializers.CharField(source="supplier.name", read_only=True)
    receiver_name = serializers.CharField(source="receiver.name", read_only=True)

    class Meta:
        model = Exchange
        fields = ["id", "area", "area_code", "receiver_area", "supplier", "supplier_name", "receiver",
                  "receiver_name", "category", "material", "kind", "waste_codes", "hazardous", "quantity", "unit",
                  "distance_km", "replaces", "replaces_material", "diverted_t", "landfill_avoided_t",
                  "ghg_avoided_t", "status", "status_reason", "start_date", "end_date", "table", "run", "flows",
                  "revision", "created", "last_updated"]  # fmt: skip
        read_only_fields = fields


class ExchangeStepSerializer(serializers.Serializer):
    step = serializers.ChoiceField(choices=["contact", "start_trial", "realise", "drop"], label=_("step"))
    reason = serializers.CharField(required=False, allow_blank=True, default="", label=_("reason"))
    start_date = serializers.DateField(required=False, allow_null=True, default=None, label=_("start date"))
    quantity = serializers.DecimalField(max_digits=14, decimal_places=3, required=False, allow_null=True,
                                        default=None, label=_("agreed quantity a year"))  # fmt: skip
