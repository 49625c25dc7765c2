"""`{{ percent|progress_bar }}`: a progress bar built in Python, because a plan page draws one per project (200
includes of a template cost more than the page's queries)."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def progress_bar(percent):
    if percent is None:
        return mark_safe('<span class="text-muted">—</span>')
    value = round(float(percent))
    done = " done" if value >= 100 else ""
    # A native <progress>: the strict CSP (style-src 'self') ignores inline width declarations.
    return format_html(
        '<div class="d-flex align-items-center gap-2 plan-progress"><progress class="flex-grow-1{}" max="100" '
        'value="{}" aria-label="{}">{}%</progress><span class="small">{}%</span></div>',
        done, min(value, 100), _("progress"), value, value,
    )  # fmt: skip


@register.filter
def timeline_cells(bar, columns):
    """`{% for span, is_bar in bar|timeline_cells:columns %}`: the table cells of a timeline bar (the PDF)."""
    return bar.cells(columns)
