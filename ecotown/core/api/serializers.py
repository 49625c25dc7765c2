from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers


class ModelCleanSerializer(serializers.ModelSerializer):
    """Runs the model's own clean() so the API enforces the same rules, with the same messages, as the forms."""

    def validate(self, attrs):
        attrs = super().validate(attrs)
        probe = self.Meta.model()
        if self.instance is not None:
            probe.__dict__.update({k: v for k, v in self.instance.__dict__.items() if not k.startswith("_")})
        for name, value in attrs.items():
            field = self.Meta.model._meta.get_field(name)
            if not field.many_to_many:
                setattr(probe, name, value)
        try:
            probe.clean()
        except DjangoValidationError as error:
            raise serializers.ValidationError(
                error.message_dict if hasattr(error, "error_dict") else error.messages
            ) from error
        return attrs
