"""The base FilterSet: one per model serves both the list page and the API."""

import copy
from functools import reduce
from operator import or_

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ecotown.core.forms import style_fields

NUMBER_LIMIT = 2**63 - 1


class SearchFilterSet(django_filters.FilterSet):
    """Adds `q`, a case-insensitive search over the fields the subclass names in `search_fields`."""

    search_fields: tuple[str, ...] = ()

    q = django_filters.CharFilter(method="search", label=_("Search"))

    def __init__(self, *args, **kwargs):
        if not isinstance(type(self).__dict__.get("base_filters"), _Filters):
            type(self).base_filters = _Filters(type(self).base_filters)
        super().__init__(*args, **kwargs)
        # A number in a query string is read as a Decimal of any size (`?meeting=-6.7e+62`); the database cannot
        # compare a column with it (SQLite: OverflowError, a 500). Out of a 64-bit column's range is a form error.
        for item in self.filters.values():
            if isinstance(item, django_filters.NumberFilter):
                item.extra.setdefault("min_value", -NUMBER_LIMIT)
                item.extra.setdefault("max_value", NUMBER_LIMIT)
                item.extra.setdefault("max_digits", 30)

    def search(self, queryset, name, value):
        value = value.strip()
        if not value or not self.search_fields:
            return queryset
        return queryset.filter(reduce(or_, (Q(**{f"{field}__icontains": value}) for field in self.search_fields)))

    @property
    def form(self):
        form = super().form
        style_fields(form)
        return form


class _Filters(dict):
    """A filterset class's filters. django-filter deep-copies them for each filterset (their choices, querysets and
    labels: a tenth of a list page); each filterset needs only its own copy of every filter with its own `extra`
    (which a filterset may change), the method bound to it, and no form field made for another."""

    def __deepcopy__(self, memo):
        return {name: _copy_filter(item) for name, item in self.items()}


def _copy_filter(item):
    copied = copy.copy(item)
    copied.extra = dict(item.extra)
    copied.__dict__.pop("_field", None)
    if item.method is not None:
        copied.method = item.method  # a FilterMethod bound to the copy, not to the class's filter
    return copied
