import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from ecotown.areas.models import Area
from ecotown.core.tables import Table


class AreaTable(Table):
    name_th = tables.Column(linkify=True, verbose_name=_("area"))
    province = tables.Column(verbose_name=_("province"), order_by="province__name_th")
    kind = tables.Column(verbose_name=_("kind of area"))
    status = tables.Column(verbose_name=_("status"))
    certified_level = tables.Column(verbose_name=_("certified level"), default="—")
    joined_year = tables.Column(verbose_name=_("year joined (B.E.)"), default="—")

    class Meta(Table.Meta):
        model = Area
        fields = ["name_th", "province", "kind", "status", "certified_level", "joined_year"]

    def render_name_th(self, record):
        return record.name  # the English name on an English page, when there is one
