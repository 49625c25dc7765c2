"""The base FilterSet: one per model serves both the list page and the API."""

from functools import reduce
from operator import or_

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ecotown.core.forms import style_fields


class SearchFilterSet(django_filters.FilterSet):
    """Adds `q`, a case-insensitive search over the fields the subclass names in `search_fields`."""

    search_fields: tuple[str, ...] = ()

    q = django_filters.CharFilter(method="search", label=_("Search"))

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
