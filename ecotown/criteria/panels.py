"""What the criteria app shows on shared pages (core.registry panels)."""


def home_card(request, obj=None):
    return {}


def area_panel(request, area):
    """The link to the area's specific requirements: everyone may read them; some may choose them."""
    from ecotown.core.scopes import may

    return {"area": area, "can_choose": may(request.user, "criteria.change_arearequirementselection", area)}
