"""Template filters loaded in every template (settings TEMPLATES builtins)."""

from django import template

from ecotown.core import dates

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
