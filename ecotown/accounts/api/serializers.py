from rest_framework import serializers

from ecotown.accounts.models import RoleAssignment
from ecotown.core.api.serializers import ModelCleanSerializer


class RoleAssignmentSerializer(ModelCleanSerializer):
    username = serializers.CharField(source="user.username", read_only=True)
    scope_kind = serializers.CharField(read_only=True)

    class Meta:
        model = RoleAssignment
        fields = ["id", "user", "username", "role", "scope_kind", "province", "area", "notes"]
