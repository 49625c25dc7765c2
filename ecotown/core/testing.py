"""The test world: provinces, areas, personas and whatever later apps hang on them, built from the steps each
app registers (core.registry `add_world_step`). Core knows none of the apps that fill it."""

from dataclasses import dataclass, field

from ecotown.core.registry import registry


@dataclass
class World:
    """Named objects of a test: `world.area_a1`, `world.users["officer_a"]` or `world.officer_a`."""

    users: dict = field(default_factory=dict)

    def __getattr__(self, name):
        users = self.__dict__.get("users", {})
        if name in users:
            return users[name]
        raise AttributeError(name)


def build_world(*, full: bool = False) -> World:
    """The provinces, areas and personas; with `full`, also every app's sample records (a catalogue, targets,
    contacts...) that the permission matrix requests."""
    world = World()
    steps = registry.world_steps + (registry.world_extra_steps if full else [])
    for step in sorted(steps, key=lambda step: step.order):
        before = dict(world.__dict__)
        step.run(world)
        _refuse_renamed(step, before, world.__dict__)
    return world


def _refuse_renamed(step, before: dict, after: dict) -> None:
    """Each app names its own samples: a step that gives another object a name an earlier step used would send
    that app's matrix rows to the wrong record (they passed on SQLite when the ids happened to match)."""
    for name, old in before.items():
        new = after.get(name)
        if new is old or name == "users":
            continue
        if type(new) is not type(old) or getattr(new, "pk", None) != getattr(old, "pk", None):
            raise ValueError(f"world step {step.name!r} gives world.{name} to another object: name it for its app")


# -- the permission matrix ---------------------------------------------------------------------------------------
#
# Each app lists its rows in <app>/tests/permission_rows.py (ROWS); tests/test_permission_matrix.py runs them all
# against one world built once, and fails when a route or one of its methods has no row.

WRITE_METHODS = ("POST", "PUT", "PATCH", "DELETE")
# The time a hostile input may take to be refused, in tests: far below what the unbounded versions took (56 s for
# an alias bomb, 31 s for a number), with room for a loaded two-core CI machine. benchmarks/ record the real time.
HOSTILE_SECONDS = 5
REFUSED = (401, 403, 404, 405)


@dataclass(frozen=True)
class Row:
    """(persona, method, route) → expected status, with the data sent and the effect checked afterwards.

    `target` is a world attribute whose pk fills the route's `pk` (or a callable(world) giving the URL kwargs);
    `data` a dict or callable(world); `check` a callable(world) → bool run after the request: the change a
    successful write makes, or the absence of one after a refused write (escalation, out of scope).
    """

    persona: str
    method: str
    route: str
    expected: int
    target: object = None
    data: object = None
    check: object = None
    query: str = ""

    def __str__(self):
        return f"{self.persona} {self.method} {self.route}"

    def kwargs(self, world) -> dict:
        if self.target is None:
            return {}
        if callable(self.target):
            return self.target(world)
        return {"pk": getattr(world, self.target).pk}

    def payload(self, world):
        return self.data(world) if callable(self.data) else (self.data or {})


def rows(method: str, route: str, expected: dict, **options) -> list[Row]:
    """One row per persona of `expected` ({persona: status})."""
    return [Row(persona, method, route, status, **options) for persona, status in expected.items()]


def all_routes() -> dict[str, set[str]]:
    """Every named route of the site (`namespace:name`) with the methods it answers (GET and the writes)."""
    from django.urls import URLPattern, URLResolver, get_resolver

    found: dict[str, set[str]] = {}

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                walk(pattern.url_patterns, inner)
            elif isinstance(pattern, URLPattern) and pattern.name:
                found.setdefault(namespace + pattern.name, set()).update(_methods(pattern.callback))

    walk(get_resolver().url_patterns, "")
    return found


def _methods(callback) -> set[str]:
    actions = getattr(callback, "actions", None)
    if actions:  # a DRF viewset route
        return {method.upper() for method in actions} & {"GET", *WRITE_METHODS}
    view_class = getattr(callback, "view_class", None)
    if view_class is None:  # a function view: GET unless the test says otherwise
        return {"GET"}
    # Pages are read with GET and written with POST (a class-based view's put/delete are not used by forms).
    allowed = set(view_class.http_method_names)
    return {method.upper() for method in ("get", "post") if method in allowed and hasattr(view_class, method)}
