"""The areas card on the home page: the programme in numbers, and the areas the user works on."""

from django.db.models import Count

from ecotown.areas.models import Area


def areas_card(request, obj=None):
    user = request.user
    mine = list(Area.objects.for_user(user, "change").select_related("province")[:30]) if user.is_authenticated else []
    national = Area.objects.aggregate(areas=Count("pk"), provinces=Count("province", distinct=True))
    return {"mine": mine, "national": national}
