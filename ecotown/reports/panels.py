"""What the reports app shows on the area page: the area's latest upgrade reports and the button that asks for
a new one (for those who may)."""

from ecotown.core.dates import current_fiscal_year
from ecotown.core.scopes import may
from ecotown.reports.forms import UpgradeReportForm
from ecotown.reports.models import UpgradeReport


def area_panel(request, area):
    user = request.user
    if not may(user, "reports.view_upgradereport", area):
        return None
    reports = UpgradeReport.objects.filter(area=area).for_user(user).select_related("requested_by")[:5]
    may_request = may(user, "reports.add_upgradereport", area)
    current = current_fiscal_year()
    return {
        "area": area,
        "reports": list(reports),
        "form": UpgradeReportForm(initial={"baseline_year": current - 4, "current_year": current}) if may_request
        else None,
    }  # fmt: skip
