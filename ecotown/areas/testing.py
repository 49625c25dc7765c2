"""Test helpers for areas, and the provinces and areas of the test world.

Province A is Pathum Thani (13) with areas A1 and A2; province B is Rayong (21) with area B1.
"""

from itertools import count

from ecotown.areas.choices import AreaKind
from ecotown.areas.models import Area
from ecotown.geo.models import Province

PROVINCE_A, PROVINCE_B = "13", "21"
_numbers = count(1)


def make_area(province: Province | str, code: str | None = None, **fields) -> Area:
    if isinstance(province, str):
        province = Province.objects.get(code=province)
    code = code or f"area-{next(_numbers)}"
    fields.setdefault("name_th", f"พื้นที่ {code}")
    fields.setdefault("name_en", f"Area {code}")
    fields.setdefault("kind", AreaKind.DISTRICT)
    return Area.objects.create(province=province, code=code, **fields)


def add_areas(world) -> None:
    world.province_a = Province.objects.get(code=PROVINCE_A)
    world.province_b = Province.objects.get(code=PROVINCE_B)
    world.area_a1 = make_area(world.province_a, "pte-a1", name_th="ตำบลบางกะดี", name_en="Bang Kadi")
    world.area_a2 = make_area(world.province_a, "pte-a2", name_th="อำเภอลาดหลุมแก้ว", name_en="Lat Lum Kaeo")
    world.area_b1 = make_area(world.province_b, "ryg-b1", name_th="เขตควบคุมมลพิษระยอง", name_en="Rayong PCZ")


def add_samples(world) -> None:
    """The permission matrix's sample records: a contact in A1 and one in B1."""
    from ecotown.areas.models import AreaContact

    world.contact_a1 = AreaContact.objects.create(area=world.area_a1, name="วิไลวรรณ มั่นคง", phone="02-000-0000")
    world.contact_b1 = AreaContact.objects.create(area=world.area_b1, name="ประเสริฐ ทองดี", phone="038-000-000")
