import django_filters
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ecotown.core.filtersets import SearchFilterSet
from ecotown.criteria.choices import RequirementKind, Wording
from ecotown.criteria.models import Catalogue, Dimension, Requirement


def dimension_choices():
    """Dimension codes across every catalogue version, named in the page's language."""
    english = (get_language() or "th").startswith("en")
    names = {}
    rows = Dimension.objects.order_by("position", "-catalogue__effective_date")
    for code, thai, other in rows.values_list("code", "name_th", "name_en"):
        names.setdefault(code, (other or thai) if english else thai)
    return list(names.items())


class CatalogueFilterSet(SearchFilterSet):
    search_fields = ("code", "version", "title_th", "title_en")

    class Meta:
        model = Catalogue
        fields = ["q", "code", "version"]


class RequirementFilterSet(SearchFilterSet):
    search_fields = ("code", "title_th", "title_en", "guidance_th", "guidance_en")

    catalogue = django_filters.ModelChoiceFilter(
        queryset=Catalogue.objects.all(), label=_("catalogue"), empty_label=_("All versions")
    )
    catalogue_code = django_filters.CharFilter(field_name="catalogue__code", label=_("catalogue code"))
    catalogue_version = django_filters.CharFilter(field_name="catalogue__version", label=_("catalogue version"))
    kind = django_filters.ChoiceFilter(choices=RequirementKind.choices, label=_("kind"))
    level = django_filters.NumberFilter(field_name="level__number", label=_("level"))
    dimension = django_filters.ChoiceFilter(
        field_name="dimensions__code", choices=dimension_choices, label=_("dimension")
    )
    wording = django_filters.ChoiceFilter(choices=Wording.choices, label=_("wording"))

    class Meta:
        model = Requirement
        fields = ["q", "catalogue", "kind", "level", "dimension", "wording", "catalogue_code", "catalogue_version"]
