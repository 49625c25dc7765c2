"""Template filters loaded in every template (settings TEMPLATES builtins)."""

from django import template
from django.template.defaultfilters import capfirst
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from ecotown.core import dates
from ecotown.core.html import format_html
from ecotown.core.models import route_url

register = template.Library()


@register.filter
def thai_date(value, style="short"):
    """`{{ d|thai_date }}` → 22 พ.ย. 2569; `{{ d|thai_date:"long" }}` → 22 พฤศจิกายน 2569;
    `{{ dt|thai_date:"datetime" }}` adds the time."""
    return dates.format_be(value, style)


@register.filter
def buddhist_year(value):
    """A C.E. year or date as its B.E. year."""
    if value in (None, ""):
        return ""
    year = value if isinstance(value, int) else dates.local_date(value).year
    return dates.to_be(year)


@register.filter
def fiscal_year(value):
    """The Thai fiscal year (B.E.) that a date falls in."""
    return dates.fiscal_year(value) if value else ""


@register.filter
def verbose_name(obj, plural=False):
    meta = obj._meta
    return meta.verbose_name_plural if plural else meta.verbose_name


@register.filter
def make_list_of_values(value):
    """A bound field's value as a list, for hidden inputs that carry a form to a confirmation step."""
    if isinstance(value, list | tuple):
        return [item for item in value if item not in (None, "")]
    return [value] if value not in (None, "") else []


@register.simple_tag
def route(name):
    """`{% url name %}` for a route without arguments, resolved once per process (the menu and the page frame
    link the same routes on every page)."""
    return route_url(name)


@register.simple_tag
def filter_fields(form):
    """A list page's filter fields, each with its label, in the grid of core/object_list.html: the search box
    wider, the rest as their widgets render. Written here rather than by a template loop, which cost a list page
    more than its filter form's queries (issue 12)."""
    parts = []
    for field in form:
        label = capfirst(field.label)
        if field.name == "q":
            control = format_html(
                '<input type="search" name="q" id="{}" value="{}" class="form-control" placeholder="{}…">',
                field.id_for_label, field.value() or "", gettext("Search"),
            )  # fmt: skip
        else:
            control = str(field)
        parts.append(format_html(
            '<div class="col-12 col-md-{}"><label class="form-label small mb-1" for="{}">{}</label>{}</div>',
            4 if field.name == "q" else 3, field.id_for_label, label, control,
        ))  # fmt: skip
    return mark_safe("\n".join(parts))
