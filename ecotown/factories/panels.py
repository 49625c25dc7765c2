"""What the factories app shows on shared pages."""

from django.utils import timezone

from ecotown.core.scopes import may
from ecotown.factories import balances, management_systems
from ecotown.factories.choices import MassBalanceStatus, WasteRoute
from ecotown.factories.models import Certification, Factory, FactoryTarget, MassBalance

DATABASE_TARGET = "factories-in-database"


def area_panel(request, area):
    """The area's factories in the database against the seed's target, how many lack management systems, and
    the certificates about to end. Hidden from those who may not read the area's factories."""
    user = request.user
    if not may(user, "factories.view_factory"):
        return None
    factories = Factory.objects.filter(areas=area).for_user(user)
    today = timezone.localdate()
    certifications = Certification.objects.filter(factory__in=factories.values("pk")).select_related("factory")
    accepted = MassBalance.objects.filter(factory__in=factories.values("pk"), status=MassBalanceStatus.ACCEPTED,
                                          month__isnull=True).prefetch_related("flows")  # fmt: skip
    count = factories.count()
    lacking = management_systems.lacking(factories, today).count()
    return {
        "area": area,
        "count": count,
        "target": FactoryTarget.objects.filter(code=DATABASE_TARGET).first(),
        "lacking": lacking,
        "managed_percent": round(100 * (count - lacking) / count) if count else None,
        "expiring": list(management_systems.expiring(certifications, today)[:10]),
        "totals": [
            {**total, "year": year, "waste": [total["waste"].get(route) for route in WasteRoute.values]}
            for year, total in balances.area_totals(accepted).items()
        ],
        "routes": WasteRoute.labels,
    }
