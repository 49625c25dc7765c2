"""What the dashboards app shows on shared pages: progress at a glance on the home page.

The card is fetched by the page once it has loaded (HTMX, views.glance_card), as the area page's lazy panels
are: its four counts cost the home page nothing, which stays within its query budget (tests/test_query_counts)."""

from ecotown.core.scopes import is_programme_staff


def home_card(request, obj=None):
    """For the programme's staff, whose roles put targets, audits and plans in their scope."""
    return {"lazy": True} if is_programme_staff(request.user) else None
