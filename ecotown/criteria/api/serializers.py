from rest_framework import serializers

from ecotown.criteria.models import Catalogue, Dimension, Level, Requirement


class LevelSerializer(serializers.ModelSerializer):
    class Meta:
        model = Level
        fields = ["number", "name_th", "name_en", "name_is_provisional", "description_th", "description_en"]


class DimensionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Dimension
        fields = ["code", "name_th", "name_en"]


class CatalogueSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:catalogue-detail")
    levels = LevelSerializer(many=True, read_only=True)
    dimensions = DimensionSerializer(many=True, read_only=True)

    class Meta:
        model = Catalogue
        fields = [
            "url", "id", "code", "version", "title_th", "title_en", "effective_date", "effective_date_assumed",
            "description_th", "description_en", "source_is_draft", "source_note_th", "source_note_en",
            "declared_totals", "source_sha256", "loaded", "levels", "dimensions",
        ]  # fmt: skip


class RequirementSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:requirement-detail")
    catalogue = serializers.PrimaryKeyRelatedField(read_only=True)
    catalogue_code = serializers.CharField(source="catalogue.code", read_only=True)
    catalogue_version = serializers.CharField(source="catalogue.version", read_only=True)
    level = serializers.IntegerField(source="level.number", read_only=True, allow_null=True, default=None)
    dimensions = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = Requirement
        fields = [
            "url", "id", "catalogue", "catalogue_code", "catalogue_version", "code", "kind", "level", "dimensions",
            "title_th", "title_en", "guidance_th", "guidance_en", "evidence_th", "evidence_en", "wording",
            "target_required", "target_kind", "target_unit", "applies_to_area_kinds",
        ]  # fmt: skip
