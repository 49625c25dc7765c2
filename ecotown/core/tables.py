import django_tables2 as tables
from django.db import models
from django_tables2.columns import library

from ecotown.core import dates


@library.register
class BuddhistDateColumn(tables.Column):
    """Dates in the Buddhist Era (`22 พ.ย. 2569`), times added for date-times; ISO in exports.

    Registered with django-tables2, so every date field of every table renders this way without a render_* method.
    """

    def __init__(self, *args, style: str = "short", **kwargs):
        self.style = style
        super().__init__(*args, **kwargs)

    @classmethod
    def from_field(cls, field, **kwargs):
        if isinstance(field, models.DateTimeField):
            return cls(style="datetime", **kwargs)
        if isinstance(field, models.DateField):
            return cls(**kwargs)
        return None

    def render(self, value):
        return dates.format_be(value, self.style)

    def value(self, value, **kwargs):
        return value.isoformat() if value else ""


class Table(tables.Table):
    """Base for every list table: Bootstrap styling, our translated template, sortable headers."""

    class Meta:
        attrs = {"class": "table table-hover align-middle"}
        template_name = "core/table.html"
