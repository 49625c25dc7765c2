"""What the targets app shows on shared pages (core.registry panels)."""

from ecotown.areas.models import Area
from ecotown.core.dates import current_fiscal_year
from ecotown.targets.models import Target
from ecotown.targets.summary import target_summary_for_user


def home_card(request, obj=None):
    """The areas whose targets and results the user keeps (secretariats, auditors, officers)."""
    user = request.user
    if not user.is_authenticated:
        return None
    areas = list(Area.objects.for_permission(user, Target.permission_name("view")).select_related("province")[:12])
    return {"areas": areas} if areas else None


def area_panel(request, area):
    """The current fiscal year's target counts, when the area's targets are within the user's scope."""
    year = current_fiscal_year()
    summary = target_summary_for_user(area, request.user, year)
    return None if summary is None else {"summary": summary, "area": area}


def other_results(owner, user):
    """Evidence a target's result may cite: the recorded results of the area's other targets."""
    from django.utils.translation import gettext as _

    from ecotown.targets.models import Actual

    if not isinstance(owner, Target):
        return []
    results = (
        Actual.objects.filter(target__area_id=owner.area_id)
        .exclude(target_id=owner.pk)
        .select_related("target__requirement")
        .order_by("-target__fiscal_year", "target__requirement__position")
        .for_user(user)[:200]
    )
    return [(_("Results of this area's other targets"), results)]
