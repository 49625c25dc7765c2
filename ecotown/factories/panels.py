"""What the factories app shows on shared pages."""

from django.utils import timezone

from ecotown.core.scopes import may
from ecotown.factories import management_systems
from ecotown.factories.models import Certification, Factory, FactoryTarget

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
    return {
        "area": area,
        "count": factories.count(),
        "target": FactoryTarget.objects.filter(code=DATABASE_TARGET).first(),
        "lacking": management_systems.lacking(factories, today).count(),
        "expiring": list(management_systems.expiring(certifications, today)[:10]),
    }
