from rest_framework import permissions

from ecotown.core.scopes import may

ACTION_BY_METHOD = {
    "GET": "view",
    "HEAD": "view",
    "OPTIONS": "view",
    "POST": "add",
    "PUT": "change",
    "PATCH": "change",
    "DELETE": "delete",
}


class ScopedObjectPermission(permissions.BasePermission):
    """The API's gate: the same role × scope rules as the pages.

    Reading is limited by the viewset's scoped queryset (objects outside scope are 404). Writing needs the
    model's add/change/delete permission; an object is checked against the user's scope for that action.
    """

    def has_permission(self, request, view):
        model = getattr(view, "model", None) or view.get_queryset().model
        action = ACTION_BY_METHOD.get(request.method, "view")
        if action != "view" and not request.user.is_authenticated:
            return False
        return may(request.user, model.permission_name(action))

    def has_object_permission(self, request, view, obj):
        action = ACTION_BY_METHOD.get(request.method, "view")
        return action == "view" or may(request.user, type(obj).permission_name(action), obj)
