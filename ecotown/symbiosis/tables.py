import django_tables2 as tables
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from ecotown.core.tables import BuddhistDateColumn, Table
from ecotown.symbiosis.models import Exchange

NUMBER = {"td": {"class": "text-end"}, "th": {"class": "text-end"}}


class ExchangeTable(Table):
    """Candidates and exchanges, ranked: most tonnes diverted first, then the shortest road."""

    material = tables.Column(linkify=True, verbose_name=_("material"))
    supplier = tables.Column(verbose_name=_("supplier"))
    receiver = tables.Column(verbose_name=_("receiver"))
    quantity = tables.Column(verbose_name=_("quantity a year"), attrs=NUMBER)
    distance_km = tables.Column(verbose_name=_("road distance (km)"), attrs=NUMBER, default="—")
    landfill_avoided_t = tables.Column(verbose_name=_("landfill avoided (t/year)"), attrs=NUMBER)
    ghg_avoided_t = tables.Column(verbose_name=_("GHG avoided (tCO2e/year)"), attrs=NUMBER)
    status = tables.Column(verbose_name=_("status"))
    start_date = BuddhistDateColumn(verbose_name=_("start date"), default="—")

    class Meta(Table.Meta):
        model = Exchange
        fields = ["material", "supplier", "receiver", "quantity", "distance_km", "landfill_avoided_t",
                  "ghg_avoided_t", "status", "start_date"]  # fmt: skip

    def render_quantity(self, value, record):
        return f"{number_format(value, 1, force_grouping=True)} {record.unit}"

    def render_distance_km(self, value):
        return number_format(value, 1, force_grouping=True)

    def render_landfill_avoided_t(self, value):
        return number_format(value, 1, force_grouping=True)

    def render_ghg_avoided_t(self, value):
        return number_format(value, 1, force_grouping=True)
