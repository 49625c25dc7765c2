from rest_framework import serializers

from ecotown.geo.models import District, Province


class ProvinceSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:province-detail", lookup_field="code")

    class Meta:
        model = Province
        fields = ["url", "id", "code", "iso_code", "name_th", "name_en"]


class DistrictSerializer(serializers.ModelSerializer):
    province = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = District
        fields = ["id", "code", "name_th", "name_en", "province"]
