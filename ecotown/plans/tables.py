import django_tables2 as tables
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from ecotown.core.tables import Table
from ecotown.plans.models import Plan
from ecotown.plans.templatetags.plans import progress_bar


class PlanTable(Table):
    """The national view: each plan with the figures of the version shown (computed in SQL)."""

    title_th = tables.Column(linkify=True, verbose_name=_("plan"))
    level = tables.Column(verbose_name=_("level of plan"))
    place = tables.Column(verbose_name=_("belongs to"), accessor="place", orderable=False, default="—")
    status = tables.Column(verbose_name=_("status"), accessor="latest_version__status", orderable=False)
    project_count = tables.Column(verbose_name=_("projects"), attrs={"td": {"class": "text-end"}})
    budget_total = tables.Column(verbose_name=_("budget (baht)"), attrs={"td": {"class": "text-end"}})
    progress = tables.Column(verbose_name=_("progress"), default="—")

    class Meta(Table.Meta):
        model = Plan
        fields = ["title_th", "level", "place", "status", "project_count", "budget_total", "progress"]

    def render_status(self, record):
        shown = record.approved_version
        latest = record.latest_version
        text = latest.get_status_display() if latest else "—"
        if shown is not None and latest is not None and shown.pk != latest.pk:
            return _("{status} (version {latest}); version {approved} approved").format(
                status=text, latest=latest.number, approved=shown.number
            )
        return text

    def render_budget_total(self, value):
        return number_format(value, 0, force_grouping=True)

    def render_progress(self, value):
        return progress_bar(value)
