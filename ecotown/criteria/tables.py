import django_tables2 as tables
from django.template.loader import render_to_string
from django.utils.html import format_html, format_html_join
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
    # The list view prefetches the dimensions as a list (`listed_dimensions`); elsewhere the relation is read.
    # The accessor only has to be filled in for render_dimensions to run.
    dimensions = tables.Column(accessor="pk", verbose_name=_("dimensions"), orderable=False)
    catalogue = tables.Column(verbose_name=_("catalogue"), order_by=("catalogue__code", "catalogue__version"))

    class Meta(Table.Meta):
        model = Requirement
        fields = ["code", "title", "kind", "level", "dimensions", "catalogue"]

    def render_title(self, record, value):
        if record.is_provisional:
            return format_html('{} <span class="badge badge-provisional">{}</span>', value, _("provisional wording"))
        return value

    def render_dimensions(self, record):
        listed = getattr(record, "listed_dimensions", None)
        dimensions = listed if listed is not None else list(record.dimensions.all())
        return format_html_join(", ", "{}", ((dimension,) for dimension in dimensions)) or self.default

    def render_level(self, value):
        return value.number

    def render_catalogue(self, value):
        return format_html("{} {}", value.code, value.version)
