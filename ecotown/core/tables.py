import copy
import functools
import inspect
from collections import OrderedDict

import django_tables2 as tables
from django.db import models
from django.template.defaultfilters import capfirst
from django.utils.encoding import force_str
from django.utils.formats import localize
from django.utils.functional import Promise
from django.utils.hashable import make_hashable
from django.utils.html import conditional_escape, escape
from django.utils.http import urlencode
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import template_localtime
from django_tables2 import utils as tables_utils
from django_tables2.columns import ManyToManyColumn, library
from django_tables2.columns.base import LinkTransform
from django_tables2.columns.linkcolumn import BaseLinkColumn

from ecotown.core import dates
from ecotown.core.html import escaped, format_html

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


class _Columns(OrderedDict):
    """A table class's columns. Each table works on copies of them (django-tables2 deep-copies the lot: a tenth
    of a list page); a copy of each column is enough, as neither django-tables2 nor our tables change what a
    column refers to (its attributes, its link), only the column's own fields (`visible`, `accessor`)."""

    def __deepcopy__(self, memo):
        return OrderedDict((name, copy.copy(column)) for name, column in self.items())


class Table(tables.Table):
    """Base for every list table: Bootstrap styling, our translated template, sortable headers.

    The body rows are written here in Python (`body_html`), not by a template tag per cell: the same cells
    django-tables2 renders (its `get_cell`: accessors, choices' labels, defaults, render_* methods, links), a
    column's `<td>` attributes worked out once per column unless they depend on the row."""

    class Meta:
        attrs = {"class": "table table-hover align-middle"}
        template_name = "core/table.html"

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.base_columns = _Columns(cls.base_columns)

    def head_html(self):
        """The header cells as core/table.html wrote them: sortable headers link the query string with this
        column's next ordering (django-tables2's querystring_replace), the ordered one shows its direction."""
        query = dict(self.request.GET) if self.request is not None else {}
        cells = []
        for column in self.columns:
            header = conditional_escape(capfirst(column.header))
            if column.orderable:
                link = escape("?" + urlencode({**query, self.prefixed_order_by_field: column.order_by_alias.next},
                                              doseq=True))  # fmt: skip
                caret = ""
                if column.is_ordered:
                    direction = "down" if column.order_by_alias.is_descending else "up"
                    caret = f' <i class="bi bi-caret-{direction}-fill"></i>'
                header = f'<a href="{link}">{header}{caret}</a>'
            cells.append(f'<th {column.attrs["th"].as_html()} scope="col">{header}</th>')
        return mark_safe("\n".join(cells))

    def body_html(self):
        cells = [_ColumnCells(self, column) for column in self.columns]
        fixed_row_attrs = _fixed_row_attrs(self)
        rows = []
        for row in self.paginated_rows:
            written = "".join([cell.td(row) for cell in cells])
            attrs = fixed_row_attrs[row.row_counter % 2] if fixed_row_attrs else row.attrs.as_html()
            rows.append(f"<tr {attrs}>{written}</tr>")
        return mark_safe("\n".join(rows))


def _fixed_row_attrs(table):
    """The `<tr>` attributes of even and odd rows when no attribute depends on the record, else None."""
    if any(callable(value) for value in table.row_attrs.values()):
        return None
    attributes = []
    for css in ("even", "odd"):
        attrs = dict(table.row_attrs)
        attrs["class"] = f"{attrs['class']} {css}" if attrs.get("class") else css
        attributes.append(tables_utils.AttributeDict(attrs).as_html())
    return attributes


class _ColumnCells:
    """Writes one column's `<td>`s as django-tables2's `BoundRow.get_cell` would, with what does not change from
    row to row — the accessor's parts, whether the field has choices, which arguments the render function takes,
    the default, the cell's attributes — worked out once per table instead of once per cell. Records that are
    not model instances, and any lookup that raises, go through `get_cell` itself."""

    def __init__(self, table, bound_column):
        column = bound_column.column
        self.table, self.bound_column, self.column, self.name = table, bound_column, column, bound_column.name
        accessor = tables_utils.Accessor(bound_column.accessor)
        self.bits = accessor.bits
        model = getattr(table._meta, "model", None)
        field = accessor.get_field(model) if model is not None and self.bits else None
        self.choices = bool(getattr(field, "choices", None))
        self.choice_field = field if self.choices else None
        self.labels = {}  # a choice's value -> its label, as get_FOO_display gives it, for this table's render
        self.default_display = {}  # model -> whether its get_FOO_display is Django's own
        self.texts, self.numbers = {}, {}
        self.usual_empties = tuple(column.empty_values) == (None, "")
        self.m2m = isinstance(column, ManyToManyColumn)
        self.render = bound_column.render
        self.plain_render = getattr(self.render, "__func__", None) is tables.Column.render
        self.args, self.catch_all = tables_utils.signature(self.render)
        self.link = bound_column.link
        self.fast = bool(self.bits) and model is not None and not isinstance(column, BaseLinkColumn)
        # `linkify=True`: the cell links the object the column names, or the row's record (get_absolute_url);
        # `linkify=<function>`: the function gives the URL
        self.link_bits = _plain_link_bits(self.link, self.name)
        self.link_url = _plain_link_url(self.link)
        # a plain ManyToManyColumn over a prefetched relation: its items are in the record's prefetch cache
        self.prefetched_m2m = self.m2m and _plain_m2m(column) and len(self.bits) == 1 and not self.link
        self.attrs = None if _row_dependent(bound_column) else bound_column.attrs["td"].as_html()

    def td(self, row) -> str:
        value = self.cell(row)
        attrs = self.attrs
        if attrs is None:  # callable td attributes see the cell's value and record, as in items()
            self.bound_column.current_value, self.bound_column.current_record = value, row.record
            attrs = self.bound_column.attrs["td"].as_html()
        return f"<td {attrs}>{self.text(value)}</td>"

    def text(self, value) -> str:
        """_cell_text, kept for a translated label (a status, a choice) or a whole number the column repeats."""
        if isinstance(value, Promise):
            known = self.texts.get(id(value))
            if known is None or known[0] is not value:  # the value is kept with its text: its id stays its own
                known = self.texts[id(value)] = (value, _cell_text(value))
            return known[1]
        if type(value) is int:
            text = self.numbers.get(value)
            if text is None:
                text = self.numbers[value] = _cell_text(value)
            return text
        return _cell_text(value)

    def cell(self, row):
        record = row.record
        if not (self.fast and isinstance(record, models.Model)):
            return row.get_cell(self.name)
        try:
            value = self.value(record)
        except Exception:  # whatever django-tables2 makes of it (a default, a link's text, or the error)
            return row.get_cell(self.name)
        if value is _NO_ITEMS:
            return self.bound_column.default
        if isinstance(value, _Items):
            return mark_safe(conditional_escape(self.column.separator).join(conditional_escape(str(i)) for i in value))
        if self.usual_empties:  # (None, ""): no model instance compared with them
            empty = value is None or (isinstance(value, str) and not value)
        else:
            empty = value in self.column.empty_values
        if empty or (self.m2m and not value.exists()):
            return self.bound_column.default
        if self.plain_render and not self.link:
            return value
        kwargs = {
            "value": value,
            "record": record,
            "column": self.column,
            "bound_column": self.bound_column,
            "bound_row": row,
            "table": self.table,
        }
        if self.plain_render:
            content = value
        elif self.catch_all:
            content = self.render(**kwargs)
        elif all(arg in kwargs for arg in self.args):
            content = self.render(**{arg: kwargs[arg] for arg in self.args})
        else:
            content = None
        if self.link_bits is not None:
            return self.linked(content, record, kwargs)
        if self.link_url is not None:
            url = tables_utils.call_with_appropriate(self.link_url, kwargs)
            return content if url is None else format_html('<a href="{}">{}</a>', url, content)
        return self.link(content, **kwargs) if self.link else content

    def linked(self, content, record, kwargs):
        """What LinkTransform makes of a cell linked to its object's get_absolute_url, without its attributes'
        machinery (an `<a>` with only an href)."""
        try:
            target = _follow(record, self.link_bits) if self.link_bits else record
        except Exception:
            return self.link(content, **kwargs)
        if not hasattr(target, "get_absolute_url"):
            if not hasattr(record, "get_absolute_url"):
                return self.link(content, **kwargs)  # its TypeError
            target = record
        url = target.get_absolute_url()
        return content if url is None else format_html('<a href="{}">{}</a>', url, content)

    def value(self, record):
        bits = self.bits
        if self.prefetched_m2m:
            prefetched = getattr(record, "_prefetched_objects_cache", {}).get(bits[0])
            if prefetched is not None:
                items = list(prefetched)
                return _Items(items) if items else _NO_ITEMS
        if self.choices:
            owner = _follow(record, bits[:-1])
            if isinstance(owner, models.Model):
                name = f"get_{bits[-1]}_display"
                default = self.default_display.get(type(owner))
                if default is None:
                    default = self.default_display[type(owner)] = _default_display(type(owner), name, self.choice_field)
                if default:
                    return self.label(getattr(owner, self.choice_field.attname))
                display = getattr(owner, name, None)
                if display:
                    return display()
        return _follow(record, bits)

    def label(self, value):
        """Model._get_FIELD_display, with the choices made a dict and each label translated once per table."""
        key = make_hashable(value)
        try:
            return self.labels[key]
        except KeyError:
            choices = dict(make_hashable(self.choice_field.flatchoices))
            label = self.labels[key] = force_str(choices.get(key, value), strings_only=True)
            return label
        except TypeError:  # unhashable after all: as Django does it
            return force_str(dict(make_hashable(self.choice_field.flatchoices)).get(value, value), strings_only=True)


def _default_display(model, name: str, field) -> bool:
    """Whether `model.get_FOO_display` is the one Django gives a field with choices (not a model's own)."""
    method = inspect.getattr_static(model, name, None)
    return (
        isinstance(method, functools.partialmethod)
        and method.func is models.Model._get_FIELD_display
        and method.keywords.get("field") is field
    )


class _Items(list):
    """A prefetched many-to-many relation's items, for a plain ManyToManyColumn."""


_NO_ITEMS = _Items()


def _plain_link_bits(link, name):
    """The accessor bits of the object a plain `linkify=True` cell links (the column's own name), or None when
    the link has its own URL, route or attributes and LinkTransform must write it."""
    if type(link) is not LinkTransform or link.url or link.reverse_args or link.attrs:
        return None
    return tables_utils.Accessor(link.accessor if link.accessor is not None else name).bits


def _plain_link_url(link):
    """The function a `linkify=<function>` cell's URL comes from, when the link has no attributes of its own."""
    if type(link) is not LinkTransform or not callable(link.url) or link.reverse_args or link.attrs:
        return None
    return link.url


def _plain_m2m(column) -> bool:
    inherited = ("render", "filter", "transform")
    same = all(getattr(type(column), name) is getattr(ManyToManyColumn, name) for name in inherited)
    return same and not hasattr(column, "linkify_item")


def _follow(current, bits):
    """`Accessor.resolve` for a model instance: attributes, callables called unless they alter data."""
    for bit in bits:
        current = getattr(current, bit)
        if callable(current):
            if getattr(current, "alters_data", False):
                raise ValueError(bit)
            if not getattr(current, "do_not_call_in_templates", False):
                current = current()
        if current is None:
            break
    return current


def _row_dependent(bound_column) -> bool:
    return any(callable(value) for value in bound_column.column.attrs.get("td", {}).values())


def _cell_text(value) -> str:
    """What `{{ cell }}` would print: local time, localised numbers and dates, escaped unless safe."""
    if type(value) in (str, SafeString):  # most cells: nothing to localise, only to escape
        return escaped(value)
    return conditional_escape(localize(template_localtime(value)))
