from django.urls import get_script_prefix, get_urlconf
from django.utils.functional import SimpleLazyObject
from django.utils.html import format_html_join
from django.utils.translation import get_language

from ecotown.core.models import route_url
from ecotown.core.registry import registry
from ecotown.core.scopes import assignments_of, may

MENU_ITEM = '<li class="nav-item"><a class="nav-link" href="{}"><i class="bi bi-{}"></i> {}</a></li>'
_menus: dict = {}


def navigation(request):
    """The menu entries this user may follow, written as the menu's HTML, and their role assignments; worked out
    only when a page shows them (an HTMX fragment does not)."""
    user = getattr(request, "user", None)

    def entries():
        signed_in = bool(user and user.is_authenticated)
        return [
            entry
            for entry in registry.menu
            if (signed_in or not entry.signed_in) and (entry.permission is None or may(user, entry.permission))
        ]

    return {
        "main_menu": SimpleLazyObject(entries),
        "main_menu_html": SimpleLazyObject(lambda: menu_html(entries())),
        "my_assignments": SimpleLazyObject(lambda: assignments_of(user) if user is not None else []),
    }


def menu_html(entries) -> str:
    """The menu's `<li>`s, written once per language and set of entries: every page shows one of a few menus."""
    key = (get_language(), get_script_prefix(), get_urlconf(), tuple((entry.url_name, entry.icon) for entry in entries))
    html = _menus.get(key)
    if html is None:
        if len(_menus) > 200:
            _menus.clear()
        html = _menus[key] = format_html_join(
            "\n", MENU_ITEM, ((route_url(entry.url_name), entry.icon, entry.label) for entry in entries)
        )
    return html
