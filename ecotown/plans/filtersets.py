import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ecotown.core.filtersets import SearchFilterSet
from ecotown.plans import choices
from ecotown.plans.models import Plan, PlanVersion, ProgressReport, Project


class PlanFilterSet(SearchFilterSet):
    search_fields = ("title_th", "title_en", "area__name_th", "province__name_th", "area__province__name_th")

    level = django_filters.ChoiceFilter(choices=choices.PlanLevel.choices, label=_("level of plan"))
    province = django_filters.CharFilter(method="in_province", label=_("Province code"))
    status = django_filters.ChoiceFilter(
        choices=choices.VersionStatus.choices, method="with_status", label=_("status of the latest version")
    )

    class Meta:
        model = Plan
        fields = ["q", "level", "province", "status"]

    def in_province(self, queryset, name, value):
        return queryset.filter(Q(province__code=value) | Q(area__province__code=value))

    def with_status(self, queryset, name, value):
        return queryset.filter(latest_version__status=value)


class PlanVersionFilterSet(SearchFilterSet):
    search_fields = ("summary", "plan__title_th")

    plan = django_filters.NumberFilter(field_name="plan_id", label=_("plan"))
    status = django_filters.ChoiceFilter(choices=choices.VersionStatus.choices, label=_("status"))

    class Meta:
        model = PlanVersion
        fields = ["q", "plan", "status"]


class ProjectFilterSet(SearchFilterSet):
    search_fields = ("code", "title", "owner_organisation")

    version = django_filters.NumberFilter(field_name="version_id", label=_("plan version"))
    plan = django_filters.NumberFilter(field_name="version__plan_id", label=_("plan"))

    class Meta:
        model = Project
        fields = ["q", "version", "plan"]


class ProgressReportFilterSet(SearchFilterSet):
    search_fields = ("narrative", "project__title")

    project = django_filters.NumberFilter(field_name="project_id", label=_("project"))
    fiscal_year = django_filters.NumberFilter(label=_("fiscal year (B.E.)"))
    status = django_filters.ChoiceFilter(choices=choices.ProjectStatus.choices, label=_("status"))

    class Meta:
        model = ProgressReport
        fields = ["q", "project", "fiscal_year", "status"]
