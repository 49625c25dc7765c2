import django_tables2 as tables
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from ecotown.core.tables import Table
from ecotown.criteria.models import Catalogue, Requirement


class CatalogueTable(Table):
    code = tables.Column(verbose_name=_("code"))
    version = tables.Column(verbose_name=_("version"))
    title = tables.Column(verbose_name=_("title"), order_by=("title_th",))
    requirement_count = tables.Column(verbose_name=_("requirements"))

    class Meta(Table.Meta):
        model = Catalogue
        fields = ["code", "version", "title", "effective_date", "requirement_count", "loaded"]

    def render_title(self, record, value):
        return render_to_string("criteria/_catalogue_title.html", {"catalogue": record, "title": value})


class RequirementTable(Table):
    code = tables.Column(linkify=True, verbose_name=_("code"))
    title = tables.Column(verbose_name=_("title"), order_by=("title_th",))
    kind = tables.Column(verbose_name=_("kind"))
    level = tables.Column(verbose_name=_("level"), order_by=("level__number",))
    dimensions = tables.ManyToManyColumn(verbose_name=_("dimensions"), orderable=False)
    catalogue = tables.Column(verbose_name=_("catalogue"), order_by=("catalogue__code", "catalogue__version"))

    class Meta(Table.Meta):
        model = Requirement
        fields = ["code", "title", "kind", "level", "dimensions", "catalogue"]

    def render_title(self, record, value):
        if record.is_provisional:
            return format_html('{} <span class="badge badge-provisional">{}</span>', value, _("provisional wording"))
        return value

    def render_level(self, value):
        return value.number

    def render_catalogue(self, value):
        return format_html("{} {}", value.code, value.version)
