from ecotown.accounts.scopes import assignments_of


def navigation(request):
    """The signed-in user's roles, for the menu and the home page (read once per request)."""
    user = getattr(request, "user", None)
    return {"my_assignments": assignments_of(user) if user is not None else []}
