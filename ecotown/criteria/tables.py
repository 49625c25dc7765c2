from collections import defaultdict

import django_tables2 as tables
from django.template.loader import render_to_string
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ecotown.core.html import escaped, format_html
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
    # The dimensions of the rows shown are read in one query (render_dimensions); the accessor only has to be
    # filled in for render_dimensions to run.
    dimensions = tables.Column(accessor="pk", verbose_name=_("dimensions"), orderable=False)
    catalogue = tables.Column(verbose_name=_("catalogue"), order_by=("catalogue__code", "catalogue__version"))

    class Meta(Table.Meta):
        model = Requirement
        fields = ["code", "title", "kind", "level", "dimensions", "catalogue"]

    def render_title(self, record, value):
        if record.is_provisional:
            return format_html("{} {}", value, self.provisional_badge)
        return value

    @cached_property
    def provisional_badge(self):
        return format_html('<span class="badge badge-provisional">{}</span>', _("provisional wording"))

    def render_dimensions(self, record):
        names = self.dimension_names().get(record.pk)
        return mark_safe(", ".join(map(escaped, names))) if names else self.default

    def dimension_names(self) -> dict:
        """{requirement id: its dimensions' names in the page's language}, for the rows this table shows, in one
        query of names (a prefetch builds a model object per dimension: a tenth of the list page)."""
        if getattr(self, "_dimension_names", None) is None:
            rows = self.page.object_list if getattr(self, "page", None) else self.rows
            ids = [row.record.pk for row in rows]
            english = (get_language() or "th").startswith("en")
            links = (
                Requirement.dimensions.through.objects.filter(requirement_id__in=ids)
                .order_by("dimension__position", "dimension__code", "dimension_id")
                .values_list("requirement_id", "dimension__name_th", "dimension__name_en")
            )
            names = defaultdict(list)
            for requirement_id, thai, other in links:
                names[requirement_id].append((other or thai) if english else thai)
            self._dimension_names = names
        return self._dimension_names

    def render_level(self, value):
        return value.number

    def render_catalogue(self, value):
        return format_html("{} {}", value.code, value.version)
