from rest_framework import serializers

from ecotown.audits.models import Assessment, Certificate, CorrectiveAction, Finding, RequirementResult
from ecotown.core.api.serializers import ModelCleanSerializer


class AssessmentSerializer(ModelCleanSerializer):
    """An audit; planned and moved through its steps on the pages (services with the acting user); read here."""

    class Meta:
        model = Assessment
        fields = ["id", "area", "fiscal_year", "catalogue", "kind", "status", "level_applied_for", "starts_on",
                  "ends_on", "places", "agenda", "recommended_level", "notes"]  # fmt: skip
        read_only_fields = fields


class RequirementResultSerializer(ModelCleanSerializer):
    """A requirement's result. Send `revision` (0 for a first result): a result saved meanwhile by someone else
    is refused with 409, never overwritten."""

    code = serializers.CharField(source="requirement.code", read_only=True)

    class Meta:
        model = RequirementResult
        fields = ["id", "assessment", "requirement", "code", "result", "reason", "notes"]

    def validate(self, attrs):
        return attrs  # the service validates (applicability, the reason, the audit's state)


class FindingSerializer(ModelCleanSerializer):
    code = serializers.CharField(source="requirement.code", read_only=True)

    class Meta:
        model = Finding
        fields = ["id", "assessment", "requirement", "code", "grade", "statement", "objective_evidence", "criterion",
                  "status", "closed_on", "notes"]  # fmt: skip
        read_only_fields = fields


class CorrectiveActionSerializer(ModelCleanSerializer):
    class Meta:
        model = CorrectiveAction
        fields = ["id", "finding", "root_cause", "action", "responsible", "due_on", "status", "verified_on",
                  "verification", "is_overdue"]  # fmt: skip
        read_only_fields = fields


class CertificateSerializer(ModelCleanSerializer):
    """A certificate: public, with no one's name."""

    state = serializers.CharField(read_only=True)
    level_number = serializers.IntegerField(source="level.number", read_only=True)
    area_name = serializers.CharField(source="area.name_th", read_only=True)

    class Meta:
        model = Certificate
        fields = ["id", "number", "area", "area_name", "level", "level_number", "valid_from", "valid_until",
                  "status", "state", "conditions", "resolution"]  # fmt: skip
        read_only_fields = fields
