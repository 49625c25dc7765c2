import functools
import inspect

import django_tables2 as tables
from django.db import models
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.timezone import template_localtime
from django_tables2 import utils as tables_utils
from django_tables2.columns import library

from ecotown.core import dates

# django-tables2 calls inspect.signature() on a column's render function for every cell (to pass only the
# arguments it names): a third of a list page's time. The answer depends on the function alone: ask once.
_uncached_signature = tables_utils.signature


@functools.lru_cache(maxsize=2048)
def _function_signature(function, bound: bool):
    if bound:
        return _uncached_signature(function.__get__(object()))  # any instance: only `self` is dropped
    return _uncached_signature(function)


def _cached_signature(fn):
    if inspect.ismethod(fn):
        return _function_signature(fn.__func__, True)
    try:
        return _function_signature(fn, False)
    except TypeError:  # unhashable callable
        return _uncached_signature(fn)


tables_utils.signature = _cached_signature


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
    """Base for every list table: Bootstrap styling, our translated template, sortable headers.

    The body rows are written here in Python (`body_html`), not by a template tag per cell: the same cells
    django-tables2 renders (its `get_cell`: accessors, choices' labels, defaults, render_* methods, links), a
    column's `<td>` attributes worked out once per column unless they depend on the row."""

    class Meta:
        attrs = {"class": "table table-hover align-middle"}
        template_name = "core/table.html"

    def body_html(self):
        columns = list(self.columns)
        fixed_attrs = [None if _row_dependent(column) else column.attrs["td"].as_html() for column in columns]
        rows = []
        for row in self.paginated_rows:
            cells = []
            for column, attrs in zip(columns, fixed_attrs, strict=True):
                value = row.get_cell(column.name)
                if attrs is None:  # callable td attributes see the cell's value and record, as in items()
                    column.current_value, column.current_record = value, row.record
                    attrs = column.attrs["td"].as_html()
                cells.append(f"<td {attrs}>{_cell_text(value)}</td>")
            rows.append(f"<tr {row.attrs.as_html()}>{''.join(cells)}</tr>")
        return mark_safe("\n".join(rows))


def _row_dependent(bound_column) -> bool:
    return any(callable(value) for value in bound_column.column.attrs.get("td", {}).values())


def _cell_text(value) -> str:
    """What `{{ cell }}` would print: local time, localised numbers and dates, escaped unless safe."""
    return conditional_escape(localize(template_localtime(value)))
