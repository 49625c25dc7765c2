"""What the dashboards app shows on shared pages: progress at a glance on the home page.

The card is fetched by the page once it has loaded (HTMX, views.glance_card), as the area page's lazy panels
are: its counts cost the home page nothing, which stays within its query budget (tests/test_query_counts)."""

from ecotown.dashboards.glance import shows_glance


def home_card(request, obj=None):
    """For the programme's staff, whose roles put targets, audits and plans in their scope, and the consultants,
    whose projects' deliverables are."""
    return {"lazy": True} if shows_glance(request.user) else None
