"""Where apps plug themselves in, so that core imports none of them.

Each app's `AppConfig.ready()` registers what it brings: its menu entries, its panels on shared pages (cards on
the home page, the target summary on an area's page), its reference-data loader, its demo data step and its
part of the test world. URLs need no registration: an app whose config sets `url_prefix` has its `urls` (and
`api.urls`, when present) included by ecotown/urls.py.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class MenuEntry:
    label: str
    url_name: str
    icon: str
    order: int = 50
    permission: str | None = None  # shown only to users who may; None: to everyone
    signed_in: bool = False  # shown only to signed-in users


@dataclass(frozen=True)
class Panel:
    """A panel on a shared page ("home", "area", "province"): `template` is included with `panel` set to what
    `context(request, obj)` returns; None hides it (nothing to show, or not for this user)."""

    template: str
    context: Callable
    order: int = 50
    # A lazy panel is fetched by the page after it loads (HTMX, core:panel), so each app's panel costs the page
    # nothing and its queries are its own; the page's model must be registered with `add_page`.
    lazy: bool = False


@dataclass(frozen=True)
class Step:
    """A demo-data or test-world step: `run(...)` after every step with a lower `order`."""

    name: str
    run: Callable
    order: int = 50


class Registry:
    def __init__(self):
        self.menu: list[MenuEntry] = []
        self.panels: dict[str, list[Panel]] = {}
        self.pages: dict[str, type] = {}
        self.reference_steps: list[Step] = []
        self.demo_steps: list[Step] = []
        self.world_steps: list[Step] = []
        self.world_extra_steps: list[Step] = []

    def add_menu(self, *entries: MenuEntry) -> None:
        self._add(self.menu, entries, key=lambda entry: entry.url_name)

    def add_panel(self, page: str, panel: Panel) -> None:
        self._add(self.panels.setdefault(page, []), [panel], key=lambda item: item.template)

    def add_page(self, page: str, model) -> None:
        """The model whose objects a shared page shows (for lazy panels): `add_page("area", Area)`."""
        self.pages[page] = model

    def panels_for(self, page: str, request, obj=None) -> list[tuple[str, object]]:
        """(template, data) for each panel of `page` that has something to show; a lazy panel is a placeholder
        (`core/partials/lazy_panel.html`) that fetches it."""
        shown = []
        for index, panel in enumerate(self.panels.get(page, [])):
            if panel.lazy and obj is not None:
                shown.append(("core/partials/lazy_panel.html", {"page": page, "pk": obj.pk, "index": index}))
            else:
                shown.append((panel.template, panel.context(request, obj)))
        return [(template, data) for template, data in shown if data is not None]

    def add_reference_step(self, step: Step) -> None:
        """An idempotent loader of reference data (`ecotown bootstrap` runs them all, in order)."""
        self._add(self.reference_steps, [step], key=lambda item: item.name)

    def add_demo_step(self, step: Step) -> None:
        self._add(self.demo_steps, [step], key=lambda item: item.name)

    def add_world_step(self, step: Step, *, extra: bool = False) -> None:
        """A step of the test world; `extra` steps (sample records for the permission matrix) run only in the
        full world, so other tests start from provinces, areas and personas alone."""
        self._add(self.world_extra_steps if extra else self.world_steps, [step], key=lambda item: item.name)

    @staticmethod
    def _add(items: list, new, key) -> None:
        # ready() may run twice (tests, autoreload): registering the same thing again replaces it.
        for entry in new:
            items[:] = [item for item in items if key(item) != key(entry)]
            items.append(entry)
        items.sort(key=lambda item: item.order)


registry = Registry()
