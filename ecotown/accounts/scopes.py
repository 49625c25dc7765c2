"""Who may do what, where: the role × scope rules behind `for_user()`, `user.has_perm()` and the API.

Each app's rules.py grants permissions to roles (`grant("areas.change_area", Role.AREA_SECRETARY, ...)`). A
grant is effective on the objects that lie within the scope of the user's assignment of that role, as the
model's `scope_lookups` describe. The DIW administrator holds every permission nationally; a permission granted
to Role.PUBLIC is open to everyone, signed in or not, on the rows the model's `public_filter()` lets through.

The same function, `restrict()`, answers for lists (a filtered queryset) and for single objects (the object is
in the filtered queryset), so pages, exports and the API can never disagree.
"""

from collections import defaultdict
from functools import reduce
from operator import or_

import rules
from django.db.models import Q

from ecotown.accounts.choices import Role, ScopeKind

_roles_by_permission: dict[str, set[Role]] = defaultdict(set)


def grant(permission: str, *roles: Role) -> None:
    """Let `roles` do `permission` (`app_label.action_model`) within their scope."""
    _roles_by_permission[permission].update(roles)
    if not rules.perm_exists(permission):
        rules.add_perm(permission, _scoped_predicate(permission))


def roles_granted(permission: str) -> set[Role]:
    return {Role.DIW_ADMIN, *_roles_by_permission.get(permission, ())}


def granted_permissions() -> dict[str, set[Role]]:
    """The whole role × permission table, for docs and the permission-matrix tests."""
    return {perm: roles_granted(perm) for perm in sorted(_roles_by_permission)}


def assignments_of(user) -> list:
    """The user's role assignments, read once per request and kept on the user object."""
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_ecotown_assignments", None)
    if cached is None:
        cached = list(user.role_assignments.select_related("province", "area"))
        user._ecotown_assignments = cached
    return cached


def scope_q(model, user, permission: str) -> Q | None:
    """A filter for the rows `user` may `permission`; None means every row."""
    if getattr(user, "is_superuser", False):
        return None
    allowed = roles_granted(permission)
    clauses = []
    if Role.PUBLIC in allowed:
        clauses.append(model.public_filter())
    for assignment in assignments_of(user):
        if assignment.role not in allowed:
            continue
        kind = assignment.scope_kind
        if kind == ScopeKind.NATIONAL:
            return None
        target = user.pk if kind == ScopeKind.ASSIGNED else assignment.scope_id
        if target is None:
            continue
        clauses.extend(Q(**{path: target}) for path in model.scope_lookups.get(kind, ()))
    if not clauses:
        return _NOWHERE
    return reduce(or_, clauses)


def restrict(queryset, user, action: str = "view"):
    return restrict_by_permission(queryset, user, queryset.model.permission_name(action))


def restrict_by_permission(queryset, user, permission: str):
    """Rows of `queryset` within the user's scope for `permission`, which may belong to another model:
    `restrict_by_permission(Area.objects.all(), user, "targets.change_target")` is the areas whose targets
    the user may change."""
    model = queryset.model
    condition = scope_q(model, user, permission)
    if condition is None:
        return queryset
    queryset = queryset.filter(condition)
    return queryset.distinct() if _crosses_many(model) else queryset


def _crosses_many(model) -> bool:
    """Whether a scope path goes through a to-many relation (and so could repeat rows)."""
    for paths in model.scope_lookups.values():
        for path in paths:
            current = model
            for name in path.split("__"):
                if name == "pk":
                    break
                field = current._meta.get_field(name)
                if field.many_to_many or field.one_to_many:
                    return True
                if not field.is_relation:
                    break
                current = field.related_model
    return False


def may(user, permission: str, obj=None) -> bool:
    """Whether `user` may `permission` at all (obj None) or on this object."""
    if getattr(user, "is_superuser", False):
        return True
    allowed = roles_granted(permission)
    if obj is None:
        return Role.PUBLIC in allowed or any(a.role in allowed for a in assignments_of(user))
    return object_in_scope(user, obj, scope_q(type(obj), user, permission))


_NOWHERE = Q(pk__in=[])


def object_in_scope(user, obj, condition: Q | None) -> bool:
    """Whether `obj` meets the scope condition, asking the database at most once per request for each
    distinct condition (a detail page asks for change, delete and linked records, often with one answer)."""
    if condition is None:
        return True
    if condition == _NOWHERE:
        return False
    answers = user.__dict__.setdefault("_ecotown_scope_answers", {})
    key = (type(obj), obj.pk, condition)
    if key not in answers:
        answers[key] = type(obj)._default_manager.filter(condition, pk=obj.pk).exists()
    return answers[key]


def _scoped_predicate(permission: str):
    @rules.predicate(name=permission)
    def predicate(user, obj=None):
        return may(user, permission, obj)

    return predicate
