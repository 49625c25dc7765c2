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
    done = " bg-success" if value >= 100 else ""
    return format_html(
        '<div class="d-flex align-items-center gap-2 plan-progress"><div class="progress flex-grow-1" '
        'style="min-width: 5rem" role="progressbar" aria-label="{}" aria-valuenow="{}" aria-valuemin="0" '
        'aria-valuemax="100"><div class="progress-bar{}" style="width: {}%"></div></div>'
        '<span class="small">{}%</span></div>',
        _("progress"), value, done, value, value,
    )  # fmt: skip
