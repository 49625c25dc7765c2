import django_filters
from django.db import connection
from django.db.models import Func, TextField
from django.utils.translation import gettext_lazy as _

from ecotown.core.filtersets import SearchFilterSet
from ecotown.factories import choices
from ecotown.factories.models import Certification, ComplianceCheck, Factory, Inspection, Permit
from ecotown.factories.registration import NEW, InvalidRegistration, normalise_registration


class SearchedText(Func):
    """The searched columns as one upper-case text, a line break between them (no search holds one, so a
    match never spans two columns). It is the expression of the trigram index of migration 0002, written the
    same way, so that PostgreSQL finds a word inside 250,000 names through the index."""

    function = "UPPER"
    arg_joiner = " || chr(10) || "
    output_field = TextField()


class FactoryFilterSet(SearchFilterSet):
    # Exact registration numbers first (indexed), then names: a search over 250,000 factories stays quick.
    search_fields = ("registration_number", "old_registration_number", "name", "operator_name")

    province = django_filters.CharFilter(field_name="province__code", label=_("Province code"))
    area = django_filters.CharFilter(field_name="areas__code", label=_("Area code"), distinct=False)
    factory_class = django_filters.ChoiceFilter(choices=choices.FactoryClass.choices, label=_("factory class"))
    operating_status = django_filters.ChoiceFilter(choices=choices.OperatingStatus.choices, label=_("operating status"))
    in_industrial_estate = django_filters.BooleanFilter(label=_("inside an industrial estate"))

    class Meta:
        model = Factory
        fields = ["q", "province", "area", "factory_class", "operating_status", "in_industrial_estate"]

    def search(self, queryset, name, value):
        """A registration number (either format, as pasted from anywhere) is looked up exactly, on the index;
        anything else is searched in numbers, names and operators."""
        try:
            registration = normalise_registration(value)
        except InvalidRegistration:
            return self.search_text(queryset, value)
        field = "registration_number" if registration.kind == NEW else "old_registration_number"
        return queryset.filter(**{field: registration.number})

    def search_text(self, queryset, value):
        value = " ".join(value.split())
        if connection.vendor != "postgresql" or not value:
            return super().search(queryset, "q", value)
        return queryset.alias(searched=SearchedText(*self.search_fields)).filter(searched__contains=value.upper())


class FactoryRecordFilterSet(SearchFilterSet):
    factory = django_filters.NumberFilter(field_name="factory_id", label=_("factory"))


class PermitFilterSet(FactoryRecordFilterSet):
    search_fields = ("number", "factory__name")
    kind = django_filters.ChoiceFilter(choices=choices.PermitKind.choices, label=_("kind of permit"))

    class Meta:
        model = Permit
        fields = ["q", "factory", "kind"]


class ComplianceCheckFilterSet(FactoryRecordFilterSet):
    search_fields = ("requirement", "factory__name")
    topic = django_filters.ChoiceFilter(choices=choices.ComplianceTopic.choices, label=_("topic"))
    result = django_filters.ChoiceFilter(choices=choices.ComplianceResult.choices, label=_("result"))

    class Meta:
        model = ComplianceCheck
        fields = ["q", "factory", "topic", "result"]


class InspectionFilterSet(FactoryRecordFilterSet):
    search_fields = ("subject", "factory__name")
    kind = django_filters.ChoiceFilter(choices=choices.InspectionKind.choices, label=_("kind"))

    class Meta:
        model = Inspection
        fields = ["q", "factory", "kind"]


class CertificationFilterSet(FactoryRecordFilterSet):
    search_fields = ("certificate_number", "factory__name")
    scheme = django_filters.ChoiceFilter(choices=choices.Scheme.choices, label=_("scheme"))

    class Meta:
        model = Certification
        fields = ["q", "factory", "scheme"]
