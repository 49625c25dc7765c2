import django_filters
from django.utils.translation import gettext_lazy as _

from ecotown.areas.choices import AreaKind, AreaStatus
from ecotown.areas.models import Area
from ecotown.core.filtersets import SearchFilterSet
from ecotown.geo.models import Province


class AreaFilterSet(SearchFilterSet):
    search_fields = ("code", "name_th", "name_en", "province__name_th", "province__name_en", "main_industries")

    province = django_filters.ModelChoiceFilter(
        queryset=Province.objects.all(), to_field_name="code", label=_("province")
    )
    kind = django_filters.ChoiceFilter(choices=AreaKind.choices, label=_("kind of area"))
    status = django_filters.ChoiceFilter(choices=AreaStatus.choices, label=_("status"))

    class Meta:
        model = Area
        fields = ["q", "province", "kind", "status", "certified_level"]
