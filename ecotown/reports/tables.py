import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from ecotown.core.tables import BuddhistDateColumn, Table
from ecotown.reports.models import UpgradeReport


class UpgradeReportTable(Table):
    id = tables.Column(linkify=True, verbose_name=_("report"))
    area = tables.Column(verbose_name=_("area"))
    baseline_year = tables.Column(verbose_name=_("baseline"))
    current_year = tables.Column(verbose_name=_("current"))
    cut_off = BuddhistDateColumn(verbose_name=_("data cut-off date"))
    status = tables.Column(verbose_name=_("status"))
    pages = tables.Column(verbose_name=_("pages"), default="—")
    created = BuddhistDateColumn(verbose_name=_("requested"), style="datetime")

    class Meta(Table.Meta):
        model = UpgradeReport
        fields = ["id", "area", "baseline_year", "current_year", "cut_off", "status", "pages", "created"]

    def render_id(self, value):
        return _("No. {number}").format(number=value)
