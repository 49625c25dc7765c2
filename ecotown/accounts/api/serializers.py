from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied

from ecotown.accounts import services
from ecotown.accounts.models import RoleAssignment
from ecotown.core.api.serializers import ModelCleanSerializer


class RoleAssignmentSerializer(ModelCleanSerializer):
    """A role given to a person. Create with the person's `email` and `full_name` (an existing account with
    that verified address receives the role; otherwise the person is invited); the user never changes after."""

    user = serializers.PrimaryKeyRelatedField(read_only=True)
    username = serializers.CharField(source="user.username", read_only=True)
    email = serializers.EmailField(write_only=True, required=False)
    full_name = serializers.CharField(write_only=True, required=False, max_length=150)
    scope_kind = serializers.CharField(read_only=True)

    class Meta:
        model = RoleAssignment
        fields = ["id", "user", "username", "email", "full_name", "role", "scope_kind", "province", "area",
                  "valid_from", "valid_until", "notes"]  # fmt: skip

    def validate(self, attrs):
        request = self.context["request"]
        if self.instance is None and not attrs.get("email"):
            raise serializers.ValidationError({"email": "Give the e-mail address of the person."})
        probe_fields = {k: v for k, v in attrs.items() if k not in ("email", "full_name")}
        probe = RoleAssignment(**{**_current(self.instance), **probe_fields})
        # An address without an account is an invitation: the probe then has no user (and reading
        # `probe.user` would raise, as the column is not nullable).
        user = services.account_for(attrs["email"]) if self.instance is None else self.instance.user
        if user is not None:
            probe.user = user
        try:
            if user is not None:
                services.check_grant(probe, acting_user=request.user)
            elif probe.role not in services.grantable_roles(request.user):
                raise DjangoValidationError({"role": "You may not give this role."})
            probe.clean()
        except DjangoPermissionDenied as error:
            raise PermissionDenied(str(error)) from error
        except DjangoValidationError as error:
            raise serializers.ValidationError(
                error.message_dict if hasattr(error, "error_dict") else error.messages
            ) from error
        if user is not None and self.instance is None:
            duplicate = RoleAssignment.objects.filter(
                user=user, role=probe.role, province=probe.province, area=probe.area
            )
            if duplicate.exists():
                raise serializers.ValidationError("This person already holds this role here.")
        return attrs

    def create(self, validated_data):
        validated_data.pop("revision", None)
        try:
            return services.grant_role(
                email=validated_data.pop("email"),
                full_name=validated_data.pop("full_name", ""),
                acting_user=self.context["request"].user,
                **validated_data,
            )
        except DjangoPermissionDenied as error:
            raise PermissionDenied(str(error)) from error

    def update(self, instance, validated_data):
        validated_data.pop("email", None)
        validated_data.pop("full_name", None)
        return services.change_assignment(instance, acting_user=self.context["request"].user, **validated_data)


def _current(instance) -> dict:
    if instance is None:
        return {}
    names = ["user", "role", "province", "area", "valid_from", "valid_until", "notes"]
    return {name: getattr(instance, name) for name in names}
