from rest_framework import serializers

from ecotown.opendata.models import Snapshot, SnapshotFile


class SnapshotFileSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()

    class Meta:
        model = SnapshotFile
        fields = ["dataset", "file_format", "rows", "sha256", "size", "url"]
        read_only_fields = fields

    def get_url(self, item) -> str:
        return self.context["request"].build_absolute_uri(item.get_absolute_url())


class SnapshotSerializer(serializers.ModelSerializer):
    """A published snapshot and its files with their checksums: public, with no one's name."""

    files = SnapshotFileSerializer(many=True, read_only=True)

    class Meta:
        model = Snapshot
        fields = ["id", "schema_version", "generated_at", "trigger", "files"]
        read_only_fields = fields
