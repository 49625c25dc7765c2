from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from rest_framework import serializers

from ecotown.core.scopes import is_programme_staff

# Fields only the programme's own people read, unless a serializer says otherwise (`Meta.staff_only_fields`):
# free-text notes are internal working remarks, often about people.
STAFF_ONLY_FIELDS = ("notes",)


def staff_only_fields(serializer_class) -> tuple[str, ...]:
    return tuple(getattr(getattr(serializer_class, "Meta", None), "staff_only_fields", STAFF_ONLY_FIELDS))


class ModelCleanSerializer(serializers.ModelSerializer):
    """Runs the model's own clean() and constraint checks, so the API enforces the same rules, with the same
    messages, as the forms (a duplicate is a 400 with a message, not a database error).

    `revision` (read/write) is the optimistic lock: send back the revision you read, and a save over a newer
    one is refused with 409.

    `Meta.staff_only_fields` (default: `notes`) are left out of what anyone but programme staff reads (the
    public role and anonymous visitors; core.scopes.is_programme_staff), and nobody else may sort by them
    (core.api.filters.OrderingFilter). They stay in the schema, which describes the API for every reader.
    """

    revision = serializers.IntegerField(required=False, min_value=0)

    def get_field_names(self, declared_fields, info):
        names = list(super().get_field_names(declared_fields, info))
        return names if "revision" in names else [*names, "revision"]

    def get_fields(self):
        """DRF drops `allow_blank` from a read-only field, so the schema would promise one of the choices where
        the record holds "" (a comment not answered yet): a read-only choice of a blank-able column keeps it."""
        fields = super().get_fields()
        model = getattr(getattr(self, "Meta", None), "model", None)
        for name, field in fields.items():
            if not (field.read_only and isinstance(field, serializers.ChoiceField)):
                continue
            try:
                column = model._meta.get_field(field.source or name)
            except Exception:
                continue
            if getattr(column, "blank", False) and isinstance(column, models.CharField | models.TextField):
                field.allow_blank = True
        return fields

    def to_representation(self, instance):
        data = super().to_representation(instance)
        request = self.context.get("request")
        if request is None or not is_programme_staff(request.user):
            for name in staff_only_fields(type(self)):
                data.pop(name, None)
        return data

    def validate(self, attrs):
        attrs = super().validate(attrs)
        probe = self.Meta.model()
        if self.instance is not None:
            probe.__dict__.update({k: v for k, v in self.instance.__dict__.items() if not k.startswith("_")})
            probe._state.adding = False
        for name, value in attrs.items():
            if name == "revision":
                continue
            field = self.Meta.model._meta.get_field(name)
            if not field.many_to_many:
                setattr(probe, name, value)
        try:
            probe.clean()
            probe.validate_unique()
            probe.validate_constraints()
        except DjangoValidationError as error:
            raise serializers.ValidationError(
                error.message_dict if hasattr(error, "error_dict") else error.messages
            ) from error
        return attrs
