import django_filters
from django.utils.translation import gettext_lazy as _

from ecotown.core.filtersets import SearchFilterSet
from ecotown.criteria.models import Requirement
from ecotown.targets.choices import Direction
from ecotown.targets.models import Actual, Target


class TargetFilterSet(SearchFilterSet):
    """Serves the target list page and /api/targets/: every filter takes the codes people know."""

    search_fields = ("requirement__code", "requirement__title_th", "requirement__title_en", "area__name_th")

    province = django_filters.CharFilter(field_name="area__province__code", label=_("Province code"))
    area = django_filters.CharFilter(field_name="area__code", label=_("Area code"))
    catalogue = django_filters.CharFilter(field_name="requirement__catalogue__code", label=_("Catalogue code"))
    catalogue_version = django_filters.CharFilter(
        field_name="requirement__catalogue__version", label=_("Catalogue version")
    )
    requirement = django_filters.CharFilter(field_name="requirement__code", label=_("Requirement code"))
    level = django_filters.NumberFilter(field_name="requirement__level__number", label=_("Level"))
    dimension = django_filters.CharFilter(method="filter_dimension", label=_("Dimension code"))
    fiscal_year = django_filters.NumberFilter(label=_("Fiscal year (B.E.)"))
    direction = django_filters.ChoiceFilter(choices=Direction.choices, label=_("Direction"))

    class Meta:
        model = Target
        fields = ["q", "province", "area", "catalogue", "catalogue_version", "requirement", "level", "dimension",
                  "fiscal_year", "direction"]  # fmt: skip

    def filter_dimension(self, queryset, name, value):
        # A requirement may sit in several dimensions: filter through a subquery so rows are not repeated.
        return queryset.filter(requirement__in=Requirement.objects.filter(dimensions__code=value).values("pk"))


class ActualFilterSet(SearchFilterSet):
    area = django_filters.CharFilter(field_name="target__area__code", label=_("Area code"))
    fiscal_year = django_filters.NumberFilter(field_name="target__fiscal_year", label=_("Fiscal year (B.E.)"))
    requirement = django_filters.CharFilter(field_name="target__requirement__code", label=_("Requirement code"))

    class Meta:
        model = Actual
        fields = ["area", "fiscal_year", "requirement"]
