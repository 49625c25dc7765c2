"""`{{ block.reasons|reason_labels }}`: why a requirement blocks its level, in the reader's language
(`levels.decide` returns codes so that it stays a pure function)."""

from django import template
from django.utils.translation import gettext_lazy as _

from ecotown.audits.levels import CONFORM, NONCONFORM, NOT_APPLICABLE, NOT_ASSESSED, OPEN_MAJOR

register = template.Library()

REASONS = {
    NOT_ASSESSED: _("not assessed"),
    NONCONFORM: _("does not conform"),
    OPEN_MAJOR: _("open major nonconformity"),
    CONFORM: _("conforms"),
    NOT_APPLICABLE: _("not applicable"),
}


@register.filter
def reason_labels(reasons) -> str:
    return ", ".join(str(REASONS.get(reason, reason)) for reason in reasons)
