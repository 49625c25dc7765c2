from rest_framework import serializers

from ecotown.areas.geojson import validate_boundary
from ecotown.areas.models import Area, AreaContact
from ecotown.core.api.serializers import ModelCleanSerializer
from ecotown.geo.models import Province


class AreaSerializer(ModelCleanSerializer):
    province = serializers.SlugRelatedField(slug_field="code", queryset=Province.objects.all())

    class Meta:
        model = Area
        fields = [
            "id", "code", "name_th", "name_en", "province", "kind", "status", "certified_level", "certified_until",
            "joined_year", "phase", "districts", "subdistricts", "population", "factory_count", "main_industries",
            "key_problems", "boundary", "notes", "created", "last_updated",
        ]  # fmt: skip
        # The programme status and level change through named steps only (areas.services), never a PATCH.
        read_only_fields = ["status", "certified_level", "certified_until", "created", "last_updated"]
        # The rest is the area's published profile (the area page shows it to everyone); the notes are the
        # officers' and secretariat's working remarks, for programme staff only.
        staff_only_fields = ["notes"]

    def validate_boundary(self, value):
        if value in (None, ""):
            return None
        from django.core.exceptions import ValidationError

        try:
            return validate_boundary(value)
        except ValidationError as error:
            raise serializers.ValidationError(error.messages) from error


class AreaContactSerializer(ModelCleanSerializer):
    class Meta:
        model = AreaContact
        fields = ["id", "area", "name", "position", "organisation", "phone", "email", "notes"]
