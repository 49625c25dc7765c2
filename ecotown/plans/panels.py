"""What the plans app shows on shared pages."""

from ecotown.plans import progress
from ecotown.plans.models import Plan


def area_panel(request, area):
    """The area's action plans: the status of the newest version, the approving resolution, and progress."""
    plans = progress.with_plan_figures(
        Plan.objects.filter(area=area).for_user(request.user).select_related(
            "approved_version__resolution__meeting", "latest_version")
    )  # fmt: skip
    return {"area": area, "plans": list(plans[:5])}
