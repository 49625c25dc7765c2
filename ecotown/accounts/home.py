"""The accounts card on the home page: who you are in the programme."""

from ecotown.core.scopes import assignments_of


def roles_card(request, obj=None):
    user = request.user
    if not user.is_authenticated:
        return {"anonymous": True}
    return {"assignments": assignments_of(user)}
