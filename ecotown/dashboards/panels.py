"""What the dashboards app shows on shared pages: progress at a glance on the home page."""

from ecotown.core.scopes import is_programme_staff
from ecotown.dashboards.glance import glance


def home_card(request, obj=None):
    """For the programme's staff, whose roles put targets, audits and plans in their scope."""
    if not is_programme_staff(request.user):
        return None
    return {"glance": glance(request.user)}
