"""One helper for the list / add / detail / edit / delete / history routes every model has."""

from django.urls import path

ROUTES = (
    ("list", "", "ListView"),
    ("add", "add/", "EditView"),
    ("detail", "<int:pk>/", "DetailView"),
    ("edit", "<int:pk>/edit/", "EditView"),
    ("delete", "<int:pk>/delete/", "DeleteView"),
    ("history", "<int:pk>/history/", "HistoryView"),
)


def object_routes(model, views, prefix: str = "", *, add_path: str | None = None, only=None) -> list:
    """Routes named `<model>_<action>` to the views named `<Model><Kind>View` that `views` defines.

    `add_path` replaces `add/` for objects created under a parent (`"committees/<int:parent_pk>/meetings/add/"`,
    with `ObjectEditView.parent_field`); `only` limits the actions (("list", "detail") for read-only data).
    """
    name, cls = model._meta.model_name, model.__name__
    routes = []
    for action, suffix, kind in ROUTES:
        view = getattr(views, f"{cls}{kind}", None)
        if view is None or (only is not None and action not in only):
            continue
        route = add_path if action == "add" and add_path is not None else prefix + suffix
        routes.append(path(route, view.as_view(), name=f"{name}_{action}"))
    return routes
