import django_filters
from django.utils.translation import gettext_lazy as _

from ecotown.core.filtersets import SearchFilterSet
from ecotown.reports.choices import ReportStatus
from ecotown.reports.models import UpgradeReport


class UpgradeReportFilterSet(SearchFilterSet):
    search_fields = ("area__name_th", "area__name_en", "area__code", "area__province__name_th")

    area = django_filters.NumberFilter(field_name="area_id", label=_("area"))
    status = django_filters.ChoiceFilter(choices=ReportStatus.choices, label=_("status"))
    current_year = django_filters.NumberFilter(label=_("current fiscal year (B.E.)"))

    class Meta:
        model = UpgradeReport
        fields = ["q", "area", "status", "current_year"]
