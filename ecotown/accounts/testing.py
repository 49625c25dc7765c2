"""Test helpers for people: `make_user`, `assign`, and the personas every permission test uses.

Each persona holds one role (the world's provinces and areas come from areas.testing):
    diw_admin            DIW administrator, national
    officer_a, officer_b provincial industry officers of province A and of province B
    secretary_a1         area secretariat of area A1
    auditor_a1           internal auditor of area A1
    external_auditor     central auditor (reaches the assessments of their audit teams)
    operator             factory operator (reaches the factories they operate)
    consultant           consultant (reaches the factories of their engagements)
    public               a signed-in member of the public
    anonymous            nobody signed in
"""

from itertools import count

from ecotown.accounts.choices import Role
from ecotown.accounts.models import SCOPE_FIELDS, RoleAssignment, User
from ecotown.core.scopes import forget

PASSWORD = "correct-horse-battery-staple"
_numbers = count(1)

# persona: (role, the world attribute holding its scope object, or None)
PERSONA_ROLES = {
    "diw_admin": (Role.DIW_ADMIN, None),
    "officer_a": (Role.PROVINCIAL_OFFICER, "province_a"),
    "officer_b": (Role.PROVINCIAL_OFFICER, "province_b"),
    "secretary_a1": (Role.AREA_SECRETARY, "area_a1"),
    "auditor_a1": (Role.INTERNAL_AUDITOR, "area_a1"),
    "external_auditor": (Role.EXTERNAL_AUDITOR, None),
    "operator": (Role.FACTORY_OPERATOR, None),
    "consultant": (Role.CONSULTANT, None),
    "public": (Role.PUBLIC, None),
}
PERSONAS = (*PERSONA_ROLES, "anonymous")


def make_user(username: str | None = None, **fields) -> User:
    username = username or f"user{next(_numbers)}"
    user = User(username=username, email=fields.pop("email", f"{username}@example.go.th"), **fields)
    user.set_password(PASSWORD)
    user.save()
    return user


def assign(user: User, role: Role, scope_object=None, **fields) -> RoleAssignment:
    """Give `user` the role at `scope_object` (a province or an area, as the role needs)."""
    name = SCOPE_FIELDS.get(Role(role).scope_kind)
    if name:
        fields[name] = scope_object
    assignment = RoleAssignment.objects.create(user=user, role=role, **fields)
    forget(user)
    return assignment


def add_personas(world) -> None:
    for name, (role, place) in PERSONA_ROLES.items():
        user = make_user(name)
        assign(user, role, getattr(world, place) if place else None)
        world.users[name] = user
    world.users["anonymous"] = None
