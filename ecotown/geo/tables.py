import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from ecotown.core.tables import Table
from ecotown.geo.models import Province


class ProvinceTable(Table):
    code = tables.Column(verbose_name=_("code"))
    name_th = tables.Column(linkify=True, verbose_name=_("name (Thai)"))
    name_en = tables.Column(verbose_name=_("name (English)"))
    area_count = tables.Column(verbose_name=_("areas"), orderable=True)

    class Meta(Table.Meta):
        model = Province
        fields = ["code", "name_th", "name_en", "area_count"]
