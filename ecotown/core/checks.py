"""System checks (`ecotown check`, run in CI): the permission and scope tables must describe real things.

A typo in a grant or a scope path would otherwise fail open or closed silently, on one page, at run time.
"""

from django.apps import apps
from django.core import checks
from django.core.exceptions import FieldDoesNotExist

from ecotown.core import scopes


@checks.register()
def check_grants(app_configs=None, **kwargs):
    errors = []
    for permission in scopes.granted_permissions():
        if not _permission_exists(permission):
            errors.append(
                checks.Error(
                    f"Permission {permission!r} is granted but no model has it.",
                    hint="Grant app_label.<view|add|change|delete or a Meta.permissions codename>_<model_name>.",
                    id="ecotown.E001",
                )
            )
    return errors


def _permission_exists(permission: str) -> bool:
    app_label, _dot, codename = permission.partition(".")
    for model in _app_models(app_label):
        name = model._meta.model_name
        actions = {f"{action}_{name}" for action in model._meta.default_permissions}
        if codename in actions or codename in {code for code, _label in model._meta.permissions}:
            return True
    return False


def _app_models(app_label: str):
    try:
        return apps.get_app_config(app_label).get_models()
    except LookupError:
        return []


@checks.register()
def check_scopes(app_configs=None, **kwargs):
    from ecotown.core.models import ScopedModel

    errors = []
    for model in apps.get_models():
        if not issubclass(model, ScopedModel):
            continue
        scope = getattr(model, "scope", None)
        if scope is None:
            errors.append(
                checks.Error(
                    f"{model._meta.label} is scoped but declares no scope.",
                    hint="Set scope = Scope.root(...), Scope.child_of(<foreign key>) or Scope.national().",
                    obj=model,
                    id="ecotown.E002",
                )
            )
            continue
        errors.extend(_check_paths(model))
    return errors


def _check_paths(model) -> list:
    scope = model.scope
    if scope.parent:
        try:
            model._meta.get_field(scope.parent)
        except FieldDoesNotExist:
            return [_bad_path(model, scope.parent)]
    if scope.generic_parent and not any(f.name == scope.generic_parent for f in model._meta.private_fields):
        return [_bad_path(model, scope.generic_parent)]
    resolved = scopes.resolve(model)
    paths = [
        path for group in (resolved.paths, resolved.assigned, resolved.exclude) for p in group.values() for path in p
    ]
    return [_bad_path(model, path) for path in paths if not _resolves(model, path)]


def _resolves(model, path: str) -> bool:
    current = model
    for name in path.split("__"):
        if name == "pk":
            return True
        try:
            field = current._meta.get_field(name)
        except FieldDoesNotExist:
            return False
        if not field.is_relation:
            return False
        current = field.related_model
    return True


def _bad_path(model, path: str):
    return checks.Error(
        f"{model._meta.label}: scope path {path!r} does not resolve to a related object.",
        obj=model,
        id="ecotown.E003",
    )
