from rest_framework import serializers

from ecotown.core.api.serializers import ModelCleanSerializer
from ecotown.support.models import ConsultingEngagement, Deliverable, StudyVisit, Training, UpgradeProject
from ecotown.support.progress import man_days


class UpgradeProjectSerializer(ModelCleanSerializer):
    """An upgrade project with its targets and progress against each, computed from the records."""

    targets = serializers.SerializerMethodField()

    class Meta:
        model = UpgradeProject
        fields = ["id", "title", "contract_number", "consultant_firm", "area", "target_level", "starts_on", "ends_on",
                  "targets"]  # fmt: skip
        read_only_fields = fields

    def get_targets(self, project) -> list[dict]:
        progress = self.context.get("progress", {}).get(project.pk, [])
        return [{"measure": row.measure, "target": row.target, "actual": str(row.actual), "met": row.met}
                for row in progress]  # fmt: skip


class DeliverableSerializer(ModelCleanSerializer):
    """A deliverable; submitted, accepted and returned on its page (named steps with the acting user)."""

    class Meta:
        model = Deliverable
        fields = ["id", "project", "kind", "title", "due_on", "status", "submitted_on", "accepted_on", "comments"]
        read_only_fields = fields


class TrainingSerializer(ModelCleanSerializer):
    factories = serializers.IntegerField(read_only=True)
    people = serializers.IntegerField(read_only=True)

    class Meta:
        model = Training
        fields = ["id", "project", "topic", "held_on", "place", "trainers", "materials", "evaluation_score",
                  "factories", "people"]  # fmt: skip
        read_only_fields = fields


class StudyVisitSerializer(ModelCleanSerializer):
    factories = serializers.IntegerField(read_only=True)
    people = serializers.IntegerField(read_only=True)

    class Meta:
        model = StudyVisit
        fields = ["id", "project", "host_factory", "host_name", "topics", "visited_on", "place", "factories", "people"]
        read_only_fields = fields


class ConsultingEngagementSerializer(ModelCleanSerializer):
    hours = serializers.DecimalField(max_digits=9, decimal_places=2, read_only=True, default=0)
    man_days = serializers.SerializerMethodField()
    visit_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = ConsultingEngagement
        fields = ["id", "project", "consultant", "factory", "topics", "visit_count", "hours", "man_days",
                  "last_visit_on", "report_issued_on"]  # fmt: skip
        read_only_fields = fields

    def get_man_days(self, engagement) -> str:
        return str(man_days(engagement.hours))
