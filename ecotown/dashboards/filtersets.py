import django_filters
from django.utils.translation import gettext_lazy as _

from ecotown.dashboards.results import BY_STATUS
from ecotown.targets.choices import TargetStatus
from ecotown.targets.filtersets import TargetFilterSet
from ecotown.targets.models import Target

STATUSES = [(status.value, status.label) for status in BY_STATUS]


class TargetPivotFilterSet(TargetFilterSet):
    """The target list's filters (province, area, dimension, level, fiscal year…) and the status of the result,
    read in SQL (results.BY_STATUS)."""

    status = django_filters.ChoiceFilter(choices=STATUSES, method="filter_status", label=_("Status"))
    first_year = django_filters.NumberFilter(field_name="fiscal_year", lookup_expr="gte",
                                             label=_("From fiscal year (B.E.)"))  # fmt: skip
    last_year = django_filters.NumberFilter(field_name="fiscal_year", lookup_expr="lte",
                                            label=_("To fiscal year (B.E.)"))  # fmt: skip

    class Meta:
        model = Target
        fields = ["province", "area", "dimension", "level", "status", "first_year", "last_year", "catalogue"]

    def filter_status(self, queryset, name, value):
        return queryset.filter(BY_STATUS[TargetStatus(value)])
