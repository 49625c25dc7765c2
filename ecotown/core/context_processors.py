from ecotown.core.registry import registry
from ecotown.core.scopes import assignments_of, may


def navigation(request):
    """The menu entries this user may follow and their role assignments (read once per request)."""
    user = getattr(request, "user", None)
    signed_in = bool(user and user.is_authenticated)
    menu = [
        entry
        for entry in registry.menu
        if (signed_in or not entry.signed_in) and (entry.permission is None or may(user, entry.permission))
    ]
    return {"main_menu": menu, "my_assignments": assignments_of(user) if user is not None else []}
