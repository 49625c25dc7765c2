import django_filters
from django.utils.translation import gettext_lazy as _

from ecotown.audits import choices
from ecotown.audits.models import Assessment, Certificate, CorrectiveAction, Finding, RequirementResult
from ecotown.core.filtersets import SearchFilterSet


class AssessmentFilterSet(SearchFilterSet):
    search_fields = ("area__name_th", "area__name_en", "area__code")

    area = django_filters.NumberFilter(field_name="area_id", label=_("area"))
    province = django_filters.CharFilter(field_name="area__province__code", label=_("Province code"))
    fiscal_year = django_filters.NumberFilter(label=_("fiscal year (B.E.)"))
    kind = django_filters.ChoiceFilter(choices=choices.AssessmentKind.choices, label=_("kind of audit"))
    status = django_filters.ChoiceFilter(choices=choices.AssessmentStatus.choices, label=_("status"))

    class Meta:
        model = Assessment
        fields = ["q", "area", "province", "fiscal_year", "kind", "status"]


class RequirementResultFilterSet(SearchFilterSet):
    search_fields = ("requirement__code", "notes")

    assessment = django_filters.NumberFilter(field_name="assessment_id", label=_("assessment"))
    result = django_filters.ChoiceFilter(choices=choices.Result.choices, label=_("result"))

    class Meta:
        model = RequirementResult
        fields = ["q", "assessment", "result"]


class FindingFilterSet(SearchFilterSet):
    search_fields = ("requirement__code", "statement")

    assessment = django_filters.NumberFilter(field_name="assessment_id", label=_("assessment"))
    grade = django_filters.ChoiceFilter(choices=choices.Grade.choices, label=_("grade"))
    status = django_filters.ChoiceFilter(choices=choices.FindingStatus.choices, label=_("status"))

    class Meta:
        model = Finding
        fields = ["q", "assessment", "grade", "status"]


class CorrectiveActionFilterSet(SearchFilterSet):
    search_fields = ("action", "responsible")

    finding = django_filters.NumberFilter(field_name="finding_id", label=_("finding"))
    status = django_filters.ChoiceFilter(choices=choices.ActionStatus.choices, label=_("status"))

    class Meta:
        model = CorrectiveAction
        fields = ["q", "finding", "status"]


class CertificateFilterSet(SearchFilterSet):
    search_fields = ("number", "area__name_th", "area__name_en")

    area = django_filters.NumberFilter(field_name="area_id", label=_("area"))
    year_be = django_filters.NumberFilter(label=_("year (B.E.)"))
    status = django_filters.ChoiceFilter(choices=choices.CertificateStatus.choices, label=_("status"))

    class Meta:
        model = Certificate
        fields = ["q", "area", "year_be", "status"]
