"""Test helpers for factories, and the permission matrix's sample records."""

import datetime
from itertools import count

from ecotown.factories import choices
from ecotown.factories.models import Certification, ComplianceCheck, Factory, Flow, Inspection, MassBalance, Permit

_numbers = count(1)


def registration_number(province_code: str = "13", number: int | None = None) -> str:
    """A made-up 14-digit number of the right shape: DIW (1), outside an estate (0), the province's code."""
    number = next(_numbers) if number is None else number
    return f"10{province_code}{number:010d}"


def make_factory(province, *, areas=(), operators=(), **fields) -> Factory:
    fields.setdefault("registration_number", registration_number(province.code))
    fields.setdefault("name", f"บริษัท ทดสอบ {fields['registration_number'][-4:]} จำกัด")
    factory = Factory.objects.create(province=province, **fields)
    if areas:
        factory.areas.add(*areas)
    if operators:
        factory.operators.add(*operators)
    return factory


def add_records(factory, *, day=datetime.date(2026, 3, 1)) -> dict:
    """A permit, a compliance check, an inspection and a certification of `factory`."""
    return {
        "permit": Permit.objects.create(
            factory=factory,
            kind=choices.PermitKind.FACTORY_LICENCE,
            number="ร.ง.4 1/2560",
            issued_on=datetime.date(2017, 1, 5),
        ),
        "check": ComplianceCheck.objects.create(
            factory=factory,
            topic=choices.ComplianceTopic.WASTEWATER,
            result=choices.ComplianceResult.COMPLIANT,
            checked_on=day,
        ),
        "inspection": Inspection.objects.create(
            factory=factory, kind=choices.InspectionKind.COMPLAINT, occurred_on=day, subject="กลิ่นเหม็นจากบ่อบำบัด"
        ),
        "certification": Certification.objects.create(
            factory=factory,
            scheme=choices.Scheme.ISO_14001,
            valid_from=datetime.date(2025, 1, 1),
            valid_until=datetime.date(2028, 1, 1),
        ),
    }


def add_samples(world) -> None:
    """Factory A1 (area A1, run by the `operator` persona) with one record of each kind; a second factory in A1
    with nothing on it (deletable); a factory in province B with its records."""
    operator = world.users.get("operator")
    world.factory_a1 = make_factory(world.province_a, areas=[world.area_a1], operators=[operator] if operator else [],
                                    name="บริษัท บางกะดีอาหาร จำกัด", old_registration_number="3-9(1)-12/45ปท")  # fmt: skip
    world.factory_a1_other = make_factory(world.province_a, areas=[world.area_a1], name="บริษัท ปทุมโลหะ จำกัด")
    world.factory_b1 = make_factory(world.province_b, areas=[world.area_b1], name="บริษัท ระยองเคมี จำกัด")
    for suffix, factory in (("a1", world.factory_a1), ("b1", world.factory_b1)):
        for kind, record in add_records(factory).items():
            setattr(world, f"{kind}_{suffix}", record)
        setattr(world, f"balance_{suffix}", make_mass_balance(factory))
    world.submitted_a1 = make_mass_balance(world.factory_a1, 2567, status="submitted")


def make_mass_balance(factory, year=2568, *, flows=None, status=None) -> MassBalance:
    """A balance with a plain set of flows (in 1,000 t = out 990 t, 10 t of waste landfilled) unless given."""
    balance = MassBalance.objects.create(factory=factory, year=year)
    flows = flows if flows is not None else [
        ("in", "raw_material", "แป้งมันสำปะหลัง", 800, "t", {}),
        ("in", "water", "น้ำประปา", 200, "m3", {}),
        ("in", "energy", "ไฟฟ้า", 500_000, "kWh", {"carrier": "electricity"}),
        ("out", "product", "ผลิตภัณฑ์", 780, "t", {}),
        ("out", "wastewater", "น้ำทิ้ง", 200, "m3", {}),
        ("out", "waste", "กากตะกอน", 10, "t", {"waste_code": "020305", "route": "landfill"}),
    ]  # fmt: skip
    for direction, category, name, quantity, unit, extra in flows:
        Flow.objects.create(mass_balance=balance, direction=direction, category=category, name=name,
                            quantity=quantity, unit=unit, **extra)  # fmt: skip
    if status:
        MassBalance.objects.filter(pk=balance.pk).update(status=status)
        balance.refresh_from_db()
    return balance
