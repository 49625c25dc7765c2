"""Who may do what, where: the role × scope engine behind every page, export and API call.

Three questions, three public functions:
    Model.objects.for_user(user, action)         the rows of Model the user may view/add/change/delete
    Model.objects.for_permission(user, perm)      the rows of Model within the user's scope for another
                                                  model's permission ("the areas whose targets I may change")
    may(user, permission, obj=None)               whether the user may, at all or on this object

Each app's rules.py grants permissions to roles (`grant("areas.change_area", Role.AREA_SECRETARY)`); the role
that holds everything and the public role are named by accounts when it starts (`configure`). A grant is
effective on the rows that the model's `scope` (a `Scope`) reaches from the user's assignment of that role:
- by scope kind: an assignment at a province reaches the rows whose province path equals that province;
- by role, for assigned work: a factory operator reaches the factories whose `operators` path is the user;
- minus exclusions by role: never an assessment of an area where the auditor sits on its committee.
Only scope roots declare paths; a child names its parent and inherits them. Core knows no domain app: kinds
and roles are plain strings here.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db.models import Exists, OuterRef, Q

from ecotown.core import kept

NATIONAL = "national"


@dataclass(frozen=True)
class Scope:
    """How a model's rows sit on the scope path.

    `paths` maps a scope kind ("province", "area") to ORM paths from this model to that kind's object;
    `assigned` maps a role to paths from this model to the users the role reaches it through;
    `exclude` maps a role to paths to users for whom the role's grant never reaches the row (conflicts of
    interest). A child sets `parent` (a foreign key's name) and inherits all three from it. `national_only`
    models (the criteria catalogue, the programme) are not placed on the path: whoever holds a role granted
    the permission reaches every row.
    `generic_parent` names a GenericForeignKey whose target decides (evidence belongs to any record).
    """

    paths: dict = field(default_factory=dict)
    assigned: dict = field(default_factory=dict)
    exclude: dict = field(default_factory=dict)
    parent: str | None = None
    national_only: bool = False
    generic_parent: str | None = None

    @classmethod
    def root(cls, *, assigned=None, exclude=None, **paths):
        return cls(paths=_listed(paths), assigned=_listed(assigned or {}), exclude=_listed(exclude or {}))

    @classmethod
    def child_of(cls, parent: str):
        return cls(parent=parent)

    @classmethod
    def national(cls):
        return cls(national_only=True)

    @classmethod
    def through_generic(cls, name: str):
        return cls(generic_parent=name)


def _listed(mapping) -> dict:
    return {str(key): [value] if isinstance(value, str) else list(value) for key, value in mapping.items()}


@dataclass(frozen=True)
class Resolved:
    """A model's scope with every parent folded in: paths from this model itself."""

    paths: dict
    assigned: dict
    exclude: dict
    national_only: bool
    generic_parent: str | None


def resolve(model) -> Resolved:
    cached = model.__dict__.get("_resolved_scope")
    if cached is not None:
        return cached
    scope = getattr(model, "scope", None) or Scope()
    if scope.parent:
        parent = resolve(model._meta.get_field(scope.parent).related_model)
        resolved = Resolved(
            paths=_prefixed(scope.parent, parent.paths),
            assigned=_prefixed(scope.parent, parent.assigned),
            exclude=_prefixed(scope.parent, parent.exclude),
            national_only=parent.national_only,
            generic_parent=None,
        )
    else:
        resolved = Resolved(scope.paths, scope.assigned, scope.exclude, scope.national_only, scope.generic_parent)
    model._resolved_scope = resolved
    return resolved


def _prefixed(prefix: str, mapping: dict) -> dict:
    return {key: [prefix if path == "pk" else f"{prefix}__{path}" for path in paths] for key, paths in mapping.items()}


# -- roles and grants -------------------------------------------------------------------------------------------


@dataclass
class RoleBook:
    """What accounts tells the engine about roles (set once at start-up by `configure`)."""

    scope_kinds: dict = field(default_factory=dict)  # role -> "national", "province", "area", "assigned", "none"
    all_powerful: str = ""
    public: str = ""
    staff: frozenset = frozenset()  # roles of the programme's own people (see is_programme_staff)
    load_assignments: object = None  # callable(user, day) -> list of objects with .role and .scope_id


_book = RoleBook()
_roles_by_permission: dict[str, set[str]] = defaultdict(set)


def configure(*, scope_kinds: dict, all_powerful: str, public: str, staff, load_assignments) -> None:
    _book.scope_kinds = {str(role): str(kind) for role, kind in scope_kinds.items()}
    _book.all_powerful, _book.public, _book.load_assignments = str(all_powerful), str(public), load_assignments
    _book.staff = frozenset(str(role) for role in staff)


def is_programme_staff(user) -> bool:
    """Whether the user works in the programme (any role but the public's): they may read who changed what
    and people's contact details, which are personal data under Thailand's PDPA."""
    if getattr(user, "is_superuser", False):
        return True
    return any(str(assignment.role) in _book.staff for assignment in assignments_of(user))


def grant(permission: str, *roles) -> None:
    """Let `roles` do `permission` (`app_label.action_model`) within their scope; with no roles, only the
    all-powerful role may (registering the permission is enough)."""
    _roles_by_permission[permission].update(str(role) for role in roles)


def roles_granted(permission: str) -> set[str]:
    return {_book.all_powerful, *_roles_by_permission.get(permission, ())}


def granted_permissions() -> dict[str, set[str]]:
    """The whole permission × role table, for docs, checks and the permission-matrix tests."""
    return {permission: roles_granted(permission) for permission in sorted(_roles_by_permission)}


def assignments_of(user) -> list:
    """The user's assignments in force today, read once per user object (one request)."""
    if not getattr(user, "is_authenticated", False) or _book.load_assignments is None:
        return []
    cached = user.__dict__.get("_ecotown_assignments")
    if cached is None:
        # Read once per state of the database while a kept list page is served (core.kept).
        day = kept.today()
        cached = kept.remembered(("assignments", user.pk, day), lambda: _book.load_assignments(user, day))
        user.__dict__["_ecotown_assignments"] = cached
    return cached


def forget(user) -> None:
    """Drop what was read about `user` (after their assignments change within one request or test)."""
    if user is not None:
        user.__dict__.pop("_ecotown_assignments", None)
        user.__dict__.pop("_ecotown_answers", None)


# -- the condition --------------------------------------------------------------------------------------------

NOWHERE = Q(pk__in=[])


def condition(model, user, permission: str) -> Q | None:
    """A filter for the rows of `model` the user may `permission`; None means every row."""
    if getattr(user, "is_superuser", False):
        return None
    allowed = roles_granted(permission)
    scope = resolve(model)
    if scope.generic_parent:
        return _generic_condition(model, user, permission, scope.generic_parent)
    clauses = []
    if _book.public in allowed:
        clauses.append(model.public_filter())
    for assignment in assignments_of(user):
        role = str(assignment.role)
        if role not in allowed:
            continue
        kind = _book.scope_kinds.get(role)
        if kind == NATIONAL:
            return None
        clause = _clause(scope, kind, role, assignment, user)
        if clause is not None:
            clauses.append(_without_exclusions(model, scope, role, user, clause))
    if any(not clause for clause in clauses):
        # An empty Q is every row. Q() | Q(area=1) would be Q(area=1) in Django: fewer rows than one clause gives.
        return None
    return reduce(or_, clauses) if clauses else NOWHERE


def _clause(scope: Resolved, kind: str, role: str, assignment, user) -> Q | None:
    if scope.national_only:
        return Q()  # national data is not placed on the path: every holder of a granted role reaches it
    if role in scope.assigned:
        return reduce(or_, (Q(**{path: user.pk}) for path in scope.assigned[role]))
    if kind in scope.paths and assignment.scope_id is not None:
        return reduce(or_, (Q(**{path: assignment.scope_id}) for path in scope.paths[kind]))
    return None


def _without_exclusions(model, scope: Resolved, role: str, user, clause: Q) -> Q:
    paths = scope.exclude.get(role)
    if not paths:
        return clause
    excluded = model._default_manager.filter(reduce(or_, (Q(**{path: user.pk}) for path in paths)))
    return clause & ~Q(pk__in=excluded.values("pk"))


def _generic_condition(model, user, permission: str, name: str) -> Q:
    """Rows whose generic parent the user may view (for `view`) or change (for any write)."""
    from django.contrib.contenttypes.models import ContentType

    generic = next(f for f in model._meta.private_fields if f.name == name)
    action = permission.split(".", 1)[1].split("_", 1)[0]
    clauses = []
    for parent_model in model.generic_parent_models():
        parent_permission = parent_model.permission_name("view" if action == "view" else "change")
        if not may(user, parent_permission):
            continue
        reachable = parent_model.objects.for_permission(user, parent_permission).values("pk")
        content_type = ContentType.objects.get_for_model(parent_model)
        clauses.append(Q(**{generic.ct_field: content_type, f"{generic.fk_field}__in": reachable}))
    return reduce(or_, clauses) if clauses else NOWHERE


def crosses_many(model) -> bool:
    """Whether a scope path goes through a to-many relation (and so could repeat rows)."""
    scope = resolve(model)
    every = [path for group in (scope.paths, scope.assigned) for paths in group.values() for path in paths]
    return any(_path_crosses_many(model, path) for path in every)


def _path_crosses_many(model, path: str) -> bool:
    current = model
    for name in path.split("__"):
        if name == "pk":
            return False
        model_field = current._meta.get_field(name)
        if model_field.many_to_many or model_field.one_to_many:
            return True
        if not model_field.is_relation:
            return False
        current = model_field.related_model
    return False


def restrict(queryset, user, permission: str):
    """Rows of `queryset` within the user's scope for `permission` (which may be another model's)."""
    model = queryset.model
    where = condition(model, user, permission)
    if where is None:
        return queryset
    if where == NOWHERE:
        return queryset.none()
    if crosses_many(model):
        # A subquery, not DISTINCT: ordering, aggregation and pagination stay as the caller built them.
        return queryset.filter(pk__in=model._default_manager.filter(where).values("pk"))
    return queryset.filter(where)


def may(user, permission: str, obj=None) -> bool:
    """Whether `user` may `permission` at all (obj None: holds a role granted it somewhere) or on `obj`.

    For an object the database is asked once per user object for each (model, object id, condition): a
    detail page asks change, delete and its panels' permissions, which often come down to one condition.
    Tests pin each part of the key."""
    if getattr(user, "is_superuser", False):
        return True
    allowed = roles_granted(permission)
    if obj is None:
        return _book.public in allowed or any(str(a.role) in allowed for a in assignments_of(user))
    where = condition(type(obj), user, permission)
    if where is None:
        return True
    if where == NOWHERE or obj.pk is None:
        return False
    answers = user.__dict__.setdefault("_ecotown_answers", {}) if user is not None else {}
    key = (obj._meta.label, obj.pk, where)
    try:
        known = answers.get(key)
    except TypeError:  # a condition holding something unhashable: ask every time
        key, known = None, None
    if known is None:
        known = type(obj)._default_manager.filter(where, pk=obj.pk).exists()
        if key is not None:
            answers[key] = known
    return known


# -- answers loaded with the object -----------------------------------------------------------------------------


def _asked(model, user, permissions) -> list[tuple[str, Q]]:
    """(annotation name, condition) for each distinct condition of `permissions` that needs the database."""
    named: dict = {}
    for permission in permissions:
        where = condition(model, user, permission)
        if where is None or where == NOWHERE:
            continue  # may() answers these without the database
        try:
            named.setdefault(where, f"ecotown_may_{len(named)}")
        except TypeError:  # a condition holding something unhashable: may() asks it every time anyway
            continue
    return [(name, where) for where, name in named.items()]


def with_answers(queryset, user, permissions):
    """`queryset` whose rows also say, in the same query, whether `user` may each of `permissions` on them (an
    EXISTS per distinct condition). A detail page asks change, delete and its actions' permissions of the object
    it loads: `remember_answers` files what the row says, so those `may()` calls cost no query (issue 14: the
    plan page's budget of 12 queries holds for every role)."""
    model = queryset.model
    asked = _asked(model, user, permissions)
    return queryset.annotate(**{
        name: Exists(model._default_manager.filter(where, pk=OuterRef("pk"))) for name, where in asked
    })  # fmt: skip


def remember_answers(user, obj, permissions) -> None:
    """File the answers an object loaded through `with_answers(…, permissions)` carries, for `may()`."""
    answers = user.__dict__.setdefault("_ecotown_answers", {})
    for name, where in _asked(type(obj), user, permissions):
        answers[(obj._meta.label, obj.pk, where)] = bool(getattr(obj, name))
