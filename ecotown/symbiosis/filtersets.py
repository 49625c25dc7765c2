import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ecotown.core.filtersets import SearchFilterSet
from ecotown.symbiosis import choices
from ecotown.symbiosis.models import Exchange


class ExchangeFilterSet(SearchFilterSet):
    search_fields = ("material", "waste_codes", "supplier__name", "receiver__name", "area__name_th")

    status = django_filters.ChoiceFilter(choices=choices.ExchangeStatus.choices, label=_("status"))
    kind = django_filters.ChoiceFilter(choices=choices.ResourceKind.choices, label=_("kind"))
    area = django_filters.CharFilter(method="in_area", label=_("Area code"))
    hazardous = django_filters.BooleanFilter(label=_("hazardous"))

    class Meta:
        model = Exchange
        fields = ["q", "status", "kind", "area", "hazardous"]

    def in_area(self, queryset, name, value):
        return queryset.filter(Q(area__code=value) | Q(receiver_area__code=value))
