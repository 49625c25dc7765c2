from rest_framework import serializers

from ecotown.core.api.serializers import ModelCleanSerializer
from ecotown.factories.models import Certification, ComplianceCheck, Factory, Flow, MassBalance, Permit


class FactorySerializer(ModelCleanSerializer):
    """A factory of the register; written through the import and the pages, read here."""

    class Meta:
        model = Factory
        fields = ["id", "registration_number", "old_registration_number", "ministry_id", "name", "operator_name",
                  "activity", "factory_class", "main_type_code", "secondary_type_codes", "isic_code", "horsepower",
                  "workers", "capital", "house_number", "moo", "soi", "road", "province", "district", "subdistrict",
                  "district_name", "subdistrict_name", "latitude", "longitude", "in_industrial_estate",
                  "industrial_estate", "operating_status", "source_updated", "areas", "is_demo",
                  "last_updated"]  # fmt: skip
        read_only_fields = fields


class PermitSerializer(ModelCleanSerializer):
    class Meta:
        model = Permit
        fields = ["id", "factory", "kind", "number", "issued_on", "expires_on", "issued_by", "notes"]


class ComplianceCheckSerializer(ModelCleanSerializer):
    class Meta:
        model = ComplianceCheck
        fields = ["id", "factory", "topic", "result", "checked_on", "requirement", "notes"]


class CertificationSerializer(ModelCleanSerializer):
    class Meta:
        model = Certification
        fields = ["id", "factory", "scheme", "level", "certificate_number", "certified_by", "valid_from",
                  "valid_until", "notes"]  # fmt: skip


class FlowSerializer(serializers.ModelSerializer):
    class Meta:
        model = Flow
        fields = ["id", "direction", "category", "name", "quantity", "unit", "carrier", "waste_code", "hazardous",
                  "route", "sigma_percent"]  # fmt: skip


class MassBalanceSerializer(serializers.ModelSerializer):
    flows = FlowSerializer(many=True, read_only=True)

    class Meta:
        model = MassBalance
        fields = ["id", "factory", "year", "month", "status", "return_reason", "flows"]
