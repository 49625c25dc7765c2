"""Test helpers: plain `make_*` functions and the named personas every permission test uses.

Province A is Pathum Thani (13) with two areas; province B is Rayong (21) with one. Each persona holds one role:
    diw_admin            DIW administrator, national
    officer_a, officer_b provincial industry officers of A and of B
    secretary_a1         area secretariat of area A1
    auditor_a1           internal auditor of area A1
    external_auditor     external auditor (no assessment assigned yet)
    operator             factory operator (no factory linked yet)
    consultant           consultant (no engagement yet)
    public               a signed-in member of the public
    anonymous            nobody signed in
"""

from dataclasses import dataclass, field
from itertools import count

from ecotown.accounts.choices import Role
from ecotown.accounts.models import RoleAssignment, User
from ecotown.areas.choices import AreaKind
from ecotown.areas.models import Area
from ecotown.geo.models import Province

PASSWORD = "correct-horse-battery-staple"
PROVINCE_A, PROVINCE_B = "13", "21"
_numbers = count(1)


def make_user(username: str | None = None, **fields) -> User:
    username = username or f"user{next(_numbers)}"
    user = User(username=username, email=fields.pop("email", f"{username}@example.go.th"), **fields)
    user.set_password(PASSWORD)
    user.save()
    return user


def assign(user: User, role: Role, *, province=None, area=None) -> RoleAssignment:
    assignment = RoleAssignment.objects.create(user=user, role=role, province=province, area=area)
    user.__dict__.pop("_ecotown_assignments", None)
    return assignment


def make_area(province: Province | str, code: str | None = None, **fields) -> Area:
    if isinstance(province, str):
        province = Province.objects.get(code=province)
    code = code or f"area-{next(_numbers)}"
    fields.setdefault("name_th", f"พื้นที่ {code}")
    fields.setdefault("name_en", f"Area {code}")
    fields.setdefault("kind", AreaKind.DISTRICT)
    return Area.objects.create(province=province, code=code, **fields)


@dataclass
class World:
    """The provinces, areas and personas of a permission test."""

    province_a: Province
    province_b: Province
    area_a1: Area
    area_a2: Area
    area_b1: Area
    users: dict[str, User | None] = field(default_factory=dict)

    def __getattr__(self, name):
        users = self.__dict__.get("users", {})
        if name in users:
            return users[name]
        raise AttributeError(name)


PERSONAS = (
    "diw_admin", "officer_a", "officer_b", "secretary_a1", "auditor_a1",
    "external_auditor", "operator", "consultant", "public", "anonymous",
)  # fmt: skip


def build_world() -> World:
    province_a = Province.objects.get(code=PROVINCE_A)
    province_b = Province.objects.get(code=PROVINCE_B)
    world = World(
        province_a=province_a,
        province_b=province_b,
        area_a1=make_area(province_a, "pte-a1", name_th="ตำบลบางกะดี", name_en="Bang Kadi"),
        area_a2=make_area(province_a, "pte-a2", name_th="อำเภอลาดหลุมแก้ว", name_en="Lat Lum Kaeo"),
        area_b1=make_area(province_b, "ryg-b1", name_th="เขตควบคุมมลพิษระยอง", name_en="Rayong PCZ"),
    )
    grants = {
        "diw_admin": (Role.DIW_ADMIN, {}),
        "officer_a": (Role.PROVINCIAL_OFFICER, {"province": province_a}),
        "officer_b": (Role.PROVINCIAL_OFFICER, {"province": province_b}),
        "secretary_a1": (Role.AREA_SECRETARY, {"area": world.area_a1}),
        "auditor_a1": (Role.INTERNAL_AUDITOR, {"area": world.area_a1}),
        "external_auditor": (Role.EXTERNAL_AUDITOR, {}),
        "operator": (Role.FACTORY_OPERATOR, {}),
        "consultant": (Role.CONSULTANT, {}),
        "public": (Role.PUBLIC, {}),
    }
    for name, (role, scope) in grants.items():
        user = make_user(name)
        assign(user, role, **scope)
        world.users[name] = user
    world.users["anonymous"] = None
    return world
