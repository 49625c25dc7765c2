from rest_framework import serializers

from ecotown.core.api.serializers import ModelCleanSerializer
from ecotown.engagement.models import Comment, Committee, Meeting, Resolution


class CommitteeSerializer(ModelCleanSerializer):
    class Meta:
        model = Committee
        fields = ["id", "kind", "name_th", "name_en", "province", "area", "appointment_order", "appointed_on", "notes",
                  "created", "last_updated"]  # fmt: skip
        read_only_fields = ["created", "last_updated"]


class MeetingSerializer(ModelCleanSerializer):
    """A meeting; its number (ครั้งที่ N/ปี) is given by the server. Minutes name people: staff only."""

    numbered = serializers.CharField(read_only=True)

    class Meta:
        model = Meeting
        fields = ["id", "committee", "kind", "number", "year_be", "numbered", "title", "starts_at", "place",
                  "online_link", "recording_link", "status", "minutes", "notes"]  # fmt: skip
        read_only_fields = ["number", "year_be", "status"]
        staff_only_fields = ("minutes", "notes")

    def create(self, validated_data):
        from ecotown.engagement.services import schedule_meeting

        validated_data.pop("revision", None)
        committee = validated_data.pop("committee")
        validated_data.pop("minutes", None)
        return schedule_meeting(committee, acting_user=self.context["request"].user, **validated_data)


class ResolutionSerializer(ModelCleanSerializer):
    """A resolution: recorded through the pages (it may approve a plan); read here."""

    class Meta:
        model = Resolution
        fields = ["id", "meeting", "agenda_item", "number", "kind", "outcome", "text", "conditions", "subject_type",
                  "subject_id", "notes"]  # fmt: skip
        read_only_fields = fields


class CommentSerializer(ModelCleanSerializer):
    """A comment and the response to it; who raised it is staff-only (PDPA)."""

    class Meta:
        model = Comment
        fields = [
            "id",
            "committee",
            "meeting",
            "channel",
            "received_on",
            "raised_by",
            "organisation",
            "sector",
            "topic",
            "text",
            "status",
            "response",
            "response_reason",
            "what_changed",
            "responded_on",
            "notes",
        ]
        read_only_fields = ["status", "response", "response_reason", "what_changed", "responded_on"]
        staff_only_fields = ("raised_by", "notes")
