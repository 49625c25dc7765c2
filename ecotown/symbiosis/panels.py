"""What the symbiosis app shows on the area page."""

from django.db.models import Count, Q, Sum

from ecotown.core.scopes import may
from ecotown.symbiosis.choices import OPEN_STATUSES, ExchangeStatus
from ecotown.symbiosis.models import Exchange


def area_panel(request, area):
    """The area's realised exchanges and open candidates, with a link to its network page."""
    user = request.user
    if not may(user, "symbiosis.view_exchange"):
        return None
    exchanges = Exchange.objects.filter(Q(area=area) | Q(receiver_area=area)).for_user(user)
    figures = exchanges.aggregate(
        realised=Count("pk", filter=Q(status=ExchangeStatus.REALISED)),
        realised_t=Sum("diverted_t", filter=Q(status=ExchangeStatus.REALISED)),
        candidates=Count("pk", filter=Q(status__in=OPEN_STATUSES)),
        candidates_t=Sum("diverted_t", filter=Q(status__in=OPEN_STATUSES)),
    )
    return {"area": area, **figures}
