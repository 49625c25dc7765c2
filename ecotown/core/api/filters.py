from rest_framework import filters

from ecotown.core.api.serializers import staff_only_fields
from ecotown.core.scopes import is_programme_staff


class OrderingFilter(filters.OrderingFilter):
    """DRF's `?ordering=`, never by a field the reader is not shown (`Meta.staff_only_fields`): sorting by a
    hidden field would tell which rows have it, and how it begins."""

    def get_valid_fields(self, queryset, view, context=None):
        context = context or {}
        fields = super().get_valid_fields(queryset, view, context)
        request = context.get("request")
        if request is not None and is_programme_staff(request.user):
            return fields
        hidden = set(staff_only_fields(view.get_serializer_class()))
        return [(name, label) for name, label in fields if name not in hidden]
