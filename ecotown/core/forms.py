"""Form pieces every app uses: Bootstrap styling and the Buddhist Era date field."""

import datetime
import functools

from django import forms
from django.core.exceptions import EmptyResultSet
from django.db.models import Count, Max
from django.forms.models import ModelChoiceIterator
from django.utils.html import conditional_escape, escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ecotown.core import dates
from ecotown.core.html import escaped, format_html


class StyledFormMixin:
    """Gives every widget the Bootstrap class it needs, so templates render fields with one include."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_fields(self)


def style_fields(form) -> None:
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.CheckboxInput | forms.CheckboxSelectMultiple | forms.RadioSelect):
            css = "form-check-input"
        elif isinstance(widget, forms.Select | forms.SelectMultiple):
            css = "form-select"
        else:
            css = "form-control"
        if css not in widget.attrs.get("class", ""):
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()
        if _renders_as_plain_select(widget):
            widget.__class__ = _fast(type(widget))
        elif _renders_as_plain_input(widget):
            widget.__class__ = _fast_input(type(widget))


# -- <select> written in Python ---------------------------------------------------------------------------------
# Django renders each <option> through the form renderer's templates: a filter with the 77 provinces or every
# requirement cost a list page more than its table. The same HTML, written here.

SELECT_TEMPLATES = ("django/forms/widgets/select.html", "django/forms/widgets/select_option.html")


def _renders_as_plain_select(widget) -> bool:
    return (
        isinstance(widget, forms.Select)
        and not isinstance(widget, FastSelectMixin)
        and (widget.template_name, widget.option_template_name) == SELECT_TEMPLATES
    )


class FastSelectMixin:
    """Renders `<select>` with its options and option groups in Python, as Django's templates would.

    The options of a model choice (77 provinces, every catalogue version) are read and escaped once per process
    and data version (`_model_choices`), not instantiated and sorted again on every page."""

    def render(self, name, value, attrs=None, renderer=None):
        final = self.build_attrs(self.attrs, attrs)
        if self.allow_multiple_selected:
            final["multiple"] = True
        wanted = self.format_value(value)  # a list, or a string (NullBooleanSelect): `in` as Django's optgroups
        chosen = False  # a single select marks only its first matching option
        parts = [format_html('<select name="{}"{}>', name, _attributes(final))]
        for group, options in _escaped_choices(self.choices):
            if group is not None:
                parts.append(f'<optgroup label="{group}">')
            for option_value, escaped_value, label in options:
                selected = option_value in wanted and (self.allow_multiple_selected or not chosen)
                chosen = chosen or selected
                parts.append(f'<option value="{escaped_value}"{" selected" if selected else ""}>{label}</option>')
            if group is not None:
                parts.append("</optgroup>")
        parts.append("</select>")
        return mark_safe("\n".join(parts))


def _escaped_choices(choices) -> list:
    """[(escaped group label or None, [(value as a string, the same escaped, escaped label), ...]), ...]."""
    if isinstance(choices, ModelChoiceIterator):
        return _model_choices(choices)
    return _escape_choices(choices)


def _escape_choices(choices) -> list:
    groups = []
    for group, label in choices:
        if isinstance(label, list | tuple):
            groups.append((conditional_escape(group), [_option(v, text) for v, text in label]))
        else:
            groups.append((None, [_option(group, label)]))
    return groups


def _option(value, label) -> tuple:
    value = "" if value is None else str(value)
    return value, escape(value), conditional_escape(label)


_model_choice_cache: dict = {}
# Reference data loaded from the seeds, never edited on a page: kept without a `last_updated` column to watch.
STATIC_CHOICE_APPS = {"geo"}


def _model_choices(iterator) -> list:
    """A model choice field's options, kept while the rows are unchanged: the key holds the query, the language,
    the blank label and the table's row count, highest id and latest change (one aggregate query)."""
    queryset, field = iterator.queryset, iterator.field
    model = queryset.model
    stamp = {"count": Count("pk"), "top": Max("pk")}
    if any(f.name == "last_updated" for f in model._meta.concrete_fields):
        stamp["changed"] = Max("last_updated")
    elif model._meta.app_label not in STATIC_CHOICE_APPS:
        return _escape_choices(iterator)  # an edit would not show in the stamp (people's names): read every time
    try:
        query = _plain_query(queryset.query) or queryset.query.sql_with_params()
        key = (model._meta.label, query, get_language(), str(field.empty_label),
               str(getattr(field, "null_label", "")), field.to_field_name)  # fmt: skip
        hash(key)
    except (TypeError, EmptyResultSet):
        return _escape_choices(iterator)
    version = tuple(model._default_manager.aggregate(**stamp).values())
    cached = _model_choice_cache.get(key)
    if cached is None or cached[0] != version:
        if len(_model_choice_cache) > 500:
            _model_choice_cache.clear()
        cached = _model_choice_cache[key] = (version, _escape_choices(iterator))
    return cached[1]


def _plain_query(query):
    """For every row of a table in some order (most filter drop-downs: `Catalogue.objects.all()`), a key that says
    so without writing the SQL, which costs as much as the stamp's query; None for any other query."""
    plain = (
        not query.where
        and not query.annotations
        and not query.extra
        and not query.distinct
        and not query.combinator
        and not query.values_select
        and query.select_related is False
        and query.low_mark == 0
        and query.high_mark is None
        and query.deferred_loading == (frozenset(), True)
        and all(isinstance(name, str) for name in query.order_by)
    )
    return ("every row", tuple(query.order_by), query.default_ordering) if plain else None


def _attributes(attrs) -> str:
    """As django/forms/widgets/attrs.html writes them: in order, True as a bare name, False left out."""
    return mark_safe(
        "".join(
            f" {escaped(name)}" if value is True else f' {escaped(name)}="{escaped(value)}"'
            for name, value in attrs.items()
            if value is not False
        )
    )


@functools.cache
def _fast(widget_class):
    return type(widget_class.__name__, (FastSelectMixin, widget_class), {"__module__": widget_class.__module__})


# -- <input> written in Python: the text, number and date boxes of every filter form and edit form -------------


def _renders_as_plain_input(widget) -> bool:
    return (
        isinstance(widget, forms.widgets.Input)
        and not isinstance(widget, FastInputMixin)
        and widget.template_name in PLAIN_INPUT_TEMPLATES
    )


# Django's templates that only include input.html (file inputs and multi-widgets have their own).
PLAIN_INPUT_TEMPLATES = {
    f"django/forms/widgets/{name}.html"
    for name in ("text", "number", "email", "url", "password", "hidden", "search", "tel", "color", "date",
                 "datetime", "time")
}  # fmt: skip


class FastInputMixin:
    """Renders `<input>` as django/forms/widgets/input.html would, from the same context."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        shown = "" if widget["value"] is None else format_html(' value="{}"', f"{widget['value']}")
        return format_html(
            '<input type="{}" name="{}"{}{}>', widget["type"], widget["name"], shown, _attributes(widget["attrs"])
        )


@functools.cache
def _fast_input(widget_class):
    return type(widget_class.__name__, (FastInputMixin, widget_class), {"__module__": widget_class.__module__})


class ModelForm(StyledFormMixin, forms.ModelForm):
    pass


class Form(StyledFormMixin, forms.Form):
    pass


class BuddhistDateInput(forms.TextInput):
    """Shows a date as `22/11/2569` (day/month/B.E. year)."""

    def __init__(self, attrs=None):
        super().__init__({"placeholder": _("dd/mm/yyyy (B.E.)"), "inputmode": "numeric", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, datetime.date):
            return f"{value.day:02d}/{value.month:02d}/{dates.to_be(value.year)}"
        return super().format_value(value)


class BuddhistDateField(forms.DateField):
    """Accepts `22/11/2569`, `22/11/2026` or `2569-11-22`: a year above 2400 is read as B.E."""

    widget = BuddhistDateInput
    default_error_messages = {
        "invalid": _("Enter a date as day/month/year, e.g. 22/11/2569 (B.E.) or 22/11/2026 (C.E.)."),
        "implausible": _("The year reads as B.E. {year}, which cannot be right here. Check the year (e.g. 2569)."),
    }

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return dates.to_date(value)
        except dates.ImplausibleYear as error:
            message = self.error_messages["implausible"].format(year=error.year_be)
            raise forms.ValidationError(message, code="implausible") from None
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


class RevisionField(forms.IntegerField):
    """The revision an edit form started from (core.models.EcoTownModel.revision), sent back on save."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(min_value=0, required=True, **kwargs)


class BuddhistDateTimeWidget(forms.MultiWidget):
    def __init__(self, attrs=None):
        time = forms.TimeInput(attrs={"placeholder": "09:30", "inputmode": "numeric"}, format="%H:%M")
        super().__init__([BuddhistDateInput(), time], attrs)

    def decompress(self, value):
        if not value:
            return [None, None]
        from django.utils import timezone

        local = timezone.localtime(value) if timezone.is_aware(value) else value
        return [local.date(), local.time()]


class BuddhistDateTimeField(forms.MultiValueField):
    """A date in either era and a time (22/11/2569, 09:30), read in Bangkok time."""

    widget = BuddhistDateTimeWidget

    def __init__(self, **kwargs):
        super().__init__((BuddhistDateField(), forms.TimeField()), require_all_fields=True, **kwargs)

    def compress(self, data_list):
        if not data_list or data_list[0] is None or data_list[1] is None:
            return None
        from django.utils import timezone

        return timezone.make_aware(datetime.datetime.combine(*data_list))
