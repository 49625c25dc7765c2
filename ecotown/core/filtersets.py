"""The base FilterSet: one per model serves both the list page and the API."""

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
