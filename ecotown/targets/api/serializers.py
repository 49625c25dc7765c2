from rest_framework import serializers

from ecotown.areas.models import Area
from ecotown.core.api.serializers import ModelCleanSerializer
from ecotown.criteria.models import Requirement
from ecotown.targets import evaluation
from ecotown.targets.models import Actual, Target


class ActualSerializer(ModelCleanSerializer):
    target = serializers.PrimaryKeyRelatedField(queryset=Target.objects.select_related("requirement"))

    class Meta:
        model = Actual
        fields = ["id", "target", "value", "recorded_on", "evidence_url", "notes", "created", "last_updated"]
        read_only_fields = ["created", "last_updated"]

    def get_fields(self):
        fields = super().get_fields()
        request = self.context.get("request")
        if request is not None:
            # A target outside the user's scope is "not found", as everywhere else.
            fields["target"].queryset = fields["target"].queryset.for_user(request.user, "change")
        return fields


class NestedActualSerializer(serializers.ModelSerializer):
    class Meta:
        model = Actual
        fields = ["id", "value", "recorded_on", "evidence_url"]


class EvidenceSerializer(serializers.Serializer):
    """A file (downloaded through the scope-checked URL, with its SHA-256) or a link to a record."""

    key = serializers.UUIDField()
    name = serializers.CharField(source="__str__")
    url = serializers.SerializerMethodField()
    sha256 = serializers.CharField(source="file.sha256", default=None)
    size = serializers.IntegerField(source="file.size", default=None)

    def get_url(self, evidence) -> str:
        request = self.context.get("request")
        url = evidence.get_absolute_url()
        return request.build_absolute_uri(url) if request and url else url


class TargetSerializer(ModelCleanSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:target-detail")
    area = serializers.SlugRelatedField(slug_field="code", queryset=Area.objects.all())
    requirement = serializers.PrimaryKeyRelatedField(queryset=Requirement.objects.select_related("catalogue"))
    requirement_code = serializers.CharField(source="requirement.code", read_only=True)
    catalogue = serializers.CharField(source="requirement.catalogue.code", read_only=True)
    catalogue_version = serializers.CharField(source="requirement.catalogue.version", read_only=True)
    kind = serializers.CharField(source="requirement.target_kind", read_only=True)
    actual = NestedActualSerializer(read_only=True, allow_null=True)
    evidence = EvidenceSerializer(many=True, read_only=True)
    status = serializers.SerializerMethodField()

    class Meta:
        model = Target
        fields = ["url", "id", "area", "requirement", "requirement_code", "catalogue", "catalogue_version",
                  "fiscal_year", "kind", "baseline_value", "baseline_year", "target_value", "direction", "unit",
                  "data_source", "notes", "actual", "evidence", "status", "created", "last_updated"]  # fmt: skip
        read_only_fields = ["created", "last_updated"]

    def get_fields(self):
        fields = super().get_fields()
        request = self.context.get("request")
        if request is not None and request.method not in ("GET", "HEAD", "OPTIONS"):
            fields["area"].queryset = Area.objects.for_permission(request.user, Target.permission_name("add"))
        return fields

    def get_status(self, target) -> str:
        actual = getattr(target, "actual", None)
        return evaluation.status(
            target.target_value, actual.value if actual else None, target.kind, target.direction
        ).value
