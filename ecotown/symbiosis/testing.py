"""Test helpers for symbiosis, and the permission matrix's sample records."""

import datetime

from ecotown.factories.choices import PermitKind
from ecotown.factories.models import Permit
from ecotown.factories.testing import make_factory, make_mass_balance
from ecotown.symbiosis import services
from ecotown.symbiosis.table import load_table

# A food factory's sludge (DIW code 020305) and a fertiliser maker's input, 7 km apart as the crow flies.
SLUDGE = [
    ("in", "raw_material", "มันสำปะหลังสด", 1000, "t", {}),
    ("out", "product", "แป้งมันสำปะหลัง", 700, "t", {}),
    ("out", "waste", "กากตะกอนบำบัดน้ำเสีย", 300, "t", {"waste_code": "020305", "route": "landfill"}),
]  # fmt: skip
FERTILISER = [
    ("in", "raw_material", "วัตถุดิบปุ๋ยหมัก", 200, "t", {}),
    ("out", "product", "ปุ๋ยอินทรีย์", 200, "t", {}),
]  # fmt: skip


def make_pair(province, area, *, year=2568, supplier_at=(14.00, 100.50), receiver_at=(14.05, 100.55), **names):
    """A supplier and a receiver in `area`, each with an accepted balance of `year`."""
    supplier = make_factory(province, areas=[area], name=names.get("supplier", "บริษัท แป้งทดสอบ จำกัด"),
                            latitude=supplier_at[0], longitude=supplier_at[1])  # fmt: skip
    receiver = make_factory(province, areas=[area], name=names.get("receiver", "บริษัท ปุ๋ยทดสอบ จำกัด"),
                            latitude=receiver_at[0], longitude=receiver_at[1])  # fmt: skip
    make_mass_balance(supplier, year, flows=SLUDGE, status="accepted")
    make_mass_balance(receiver, year, flows=FERTILISER, status="accepted")
    return supplier, receiver


def make_processor(province, area, *, at, type_code="10600", licensed=True, day=datetime.date(2020, 1, 1)):
    factory = make_factory(province, areas=[area], main_type_code=type_code, latitude=at[0], longitude=at[1])
    if licensed:
        Permit.objects.create(factory=factory, kind=PermitKind.FACTORY_LICENCE, number="ร.ง.4 9/2563", issued_on=day)
    return factory


def add_samples(world) -> None:
    """In area A1: a supplier and a receiver with a proposed candidate between them (`exchange_a1`); in area
    B1 the same (`exchange_b1`)."""
    load_table()
    admin = world.users.get("diw_admin")
    places = (("a1", world.province_a, world.area_a1, (14.00, 100.50)),
              ("b1", world.province_b, world.area_b1, (12.70, 101.20)))  # fmt: skip
    for suffix, province, area, (lat, lon) in places:
        make_pair(province, area, supplier_at=(lat, lon), receiver_at=(lat + 0.05, lon + 0.05),
                  supplier=f"บริษัท แป้งตัวอย่าง {suffix} จำกัด", receiver=f"บริษัท ปุ๋ยตัวอย่าง {suffix} จำกัด")  # fmt: skip
        run = services.run_matching(area, acting_user=admin)
        setattr(world, f"exchange_{suffix}", run.exchanges.get())
