import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from ecotown.core.models import route_url
from ecotown.core.tables import Table
from ecotown.targets import evaluation
from ecotown.targets.models import Target


class TargetTable(Table):
    area = tables.Column(
        verbose_name=_("area"),
        linkify=lambda record: route_url("targets:area_target_table", code=record.area.code),
    )
    requirement = tables.Column(verbose_name=_("requirement"), linkify=True, accessor="requirement__code")
    fiscal_year = tables.Column(verbose_name=_("fiscal year (B.E.)"))
    target_value = tables.Column(verbose_name=_("target value"))
    actual = tables.Column(verbose_name=_("actual value"), accessor="pk", orderable=False)
    status = tables.Column(verbose_name=_("status"), accessor="pk", orderable=False)

    class Meta(Table.Meta):
        model = Target
        fields = ["area", "requirement", "fiscal_year", "target_value", "direction", "actual", "status"]

    def render_requirement(self, record):
        return record.requirement.code

    def render_target_value(self, record):
        return evaluation.format_value(record.target_value, record.kind, record.unit)

    def render_actual(self, record):
        actual = getattr(record, "actual", None)
        return evaluation.format_value(actual.value, record.kind, record.unit) if actual else "—"

    def render_status(self, record):
        actual = getattr(record, "actual", None)
        value = actual.value if actual else None
        return evaluation.status(record.target_value, value, record.kind, record.direction).label
