from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ecotown.core.api.serializers import ModelCleanSerializer
from ecotown.plans.models import BudgetLine, Kpi, Plan, PlanVersion, ProgressReport, Project


class PlanSerializer(ModelCleanSerializer):
    """A plan; its first draft version is created with it. Versions change through their steps and a
    committee's resolution, never here."""

    class Meta:
        model = Plan
        fields = ["id", "level", "title_th", "title_en", "province", "area", "first_year", "last_year",
                  "approved_version", "latest_version", "notes", "created", "last_updated"]  # fmt: skip
        read_only_fields = ["approved_version", "latest_version", "created", "last_updated"]

    def create(self, validated_data):
        from ecotown.plans.services import create_plan

        validated_data.pop("revision", None)
        return create_plan(Plan(**validated_data), acting_user=self.context["request"].user)


class PlanVersionSerializer(ModelCleanSerializer):
    approved_by = serializers.SerializerMethodField()

    class Meta:
        model = PlanVersion
        fields = ["id", "plan", "number", "status", "summary", "resolution", "approved_by", "submitted_on",
                  "approved_on"]  # fmt: skip
        read_only_fields = fields

    def get_approved_by(self, version) -> str:
        return str(version.resolution) if version.resolution_id else ""


class BudgetLineSerializer(serializers.ModelSerializer):
    class Meta:
        model = BudgetLine
        fields = ["fiscal_year", "source", "amount"]


class KpiSerializer(serializers.ModelSerializer):
    class Meta:
        model = Kpi
        fields = ["name", "unit", "baseline", "target_value", "target_year"]


class ProjectSerializer(ModelCleanSerializer):
    """A project of a version; a frozen (submitted or approved) version refuses changes. Budget lines, KPIs
    and progress are read here (budget and KPIs are edited on the project's page or by the workbook)."""

    budget_lines = BudgetLineSerializer(many=True, read_only=True)
    kpis = KpiSerializer(many=True, read_only=True)
    progress = serializers.IntegerField(read_only=True)

    class Meta:
        model = Project
        fields = ["id", "version", "key", "code", "title", "rationale", "owner_organisation",
                  "supporting_organisations", "requirements", "targets", "start_date", "end_date", "position",
                  "budget_lines", "kpis", "progress", "notes"]  # fmt: skip
        read_only_fields = ["key"]

    def validate(self, attrs):
        if self.instance is not None and "version" in attrs and attrs["version"] != self.instance.version:
            raise serializers.ValidationError({"version": _("A project stays in its version.")})
        version = attrs.get("version") or getattr(self.instance, "version", None)
        area_id = version.plan.area_id if version is not None else None
        if any(target.area_id != area_id for target in attrs.get("targets", ())):
            raise serializers.ValidationError({"targets": _("Choose targets of the plan's own area.")})
        return super().validate(attrs)


class ProgressReportSerializer(ModelCleanSerializer):
    class Meta:
        model = ProgressReport
        fields = ["id", "project", "fiscal_year", "quarter", "percent_complete", "spent", "status", "narrative",
                  "notes"]  # fmt: skip


def _plain(value):
    """A compared value as JSON: dates as ISO text, amounts as decimal text, lists as lists."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)  # Decimal (amounts keep their exact digits) and translated labels


class ChangeSerializer(serializers.Serializer):
    field = serializers.CharField(help_text=_("budget, kpi, requirements, targets, status or a project field"))
    label = serializers.CharField()
    old = serializers.SerializerMethodField(help_text=_("Empty when absent from the earlier version."))
    new = serializers.SerializerMethodField(help_text=_("Empty when absent from the later version."))

    @extend_schema_field(OpenApiTypes.ANY)
    def get_old(self, change):
        return _plain(change.old)

    @extend_schema_field(OpenApiTypes.ANY)
    def get_new(self, change):
        return _plain(change.new)


class DiffProjectSerializer(serializers.ModelSerializer):
    class Meta:
        model = Project
        fields = ["id", "key", "code", "title"]


class ProjectChangeSerializer(serializers.Serializer):
    key = serializers.UUIDField(source="new.key")
    code = serializers.CharField(source="new.code")
    title = serializers.CharField(source="new.title")
    old_id = serializers.IntegerField(source="old.pk")
    new_id = serializers.IntegerField(source="new.pk")
    changes = ChangeSerializer(many=True)


class VersionDiffSerializer(serializers.Serializer):
    """What a later version of a plan changes in an earlier one: projects added, removed and changed."""

    old_version = serializers.IntegerField(source="old.number", allow_null=True)
    new_version = serializers.IntegerField(source="new.number")
    added = DiffProjectSerializer(many=True)
    removed = DiffProjectSerializer(many=True)
    changed = ProjectChangeSerializer(many=True)
    unchanged = serializers.IntegerField()


class QuarterSerializer(serializers.Serializer):
    column = serializers.IntegerField()
    fiscal_year = serializers.IntegerField(help_text=_("Buddhist Era"))
    quarter = serializers.IntegerField(help_text=_("1 = October to December"))
    first_day = serializers.DateField()
    last_day = serializers.DateField()


class TimelineBarSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="project.pk")
    key = serializers.UUIDField(source="project.key")
    code = serializers.CharField(source="project.code")
    title = serializers.CharField(source="project.title")
    start_date = serializers.DateField(source="project.start_date")
    end_date = serializers.DateField(source="project.end_date")
    start_column = serializers.IntegerField(source="start")
    span = serializers.IntegerField(help_text=_("Quarters the bar covers"))
    clipped = serializers.BooleanField(help_text=_("The dates run beyond the plan's years"))
    status = serializers.CharField(source="project.latest_status", allow_null=True,
                                   help_text=_("Status of the latest progress report"))  # fmt: skip


class TimelineSerializer(serializers.Serializer):
    """A plan version's timeline: the fiscal quarters of the plan and each dated project as a bar over them."""

    plan = serializers.IntegerField(source="plan.pk")
    version = serializers.IntegerField(source="version.number")
    first_year = serializers.IntegerField(source="plan.first_year")
    last_year = serializers.IntegerField(source="plan.last_year")
    quarters = QuarterSerializer(many=True)
    bars = TimelineBarSerializer(many=True)
    undated = DiffProjectSerializer(many=True)
