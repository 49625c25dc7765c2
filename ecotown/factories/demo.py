"""Demo data for factories (`make run`): 32 made-up factories in the Bang Kadi area with permits, compliance
checks, certifications and two years of mass balances — one with a deliberate gross error that the
reconciliation flags — and the demo operator account linked to the first factory. Every factory is marked
demo; names and numbers are invented. Idempotent."""

import datetime
import random

from ecotown.accounts.models import User
from ecotown.areas.models import Area
from ecotown.factories import balances, choices
from ecotown.factories.models import Certification, ComplianceCheck, Factory, Flow, MassBalance, Permit
from ecotown.geo.models import District, Province

AREA = "pte-bang-kadi"
COUNT = 32
DEMO = "ข้อมูลสาธิต (demo data)"
PRODUCTS = ("อาหารแปรรูป", "ชิ้นส่วนอิเล็กทรอนิกส์", "บรรจุภัณฑ์พลาสติก", "ชิ้นส่วนยานยนต์", "เครื่องดื่ม", "สิ่งทอ",
            "ผลิตภัณฑ์โลหะ", "เคมีภัณฑ์")  # fmt: skip


def seed_demo(**context) -> str:
    area = Area.objects.filter(code=AREA).first()
    if area is None:
        return "skipped: no Bang Kadi area"
    balances.load_emission_factors()
    province = Province.objects.get(code="13")
    district = District.objects.filter(province=province, name_th__contains="เมืองปทุมธานี").first()
    rng = random.Random(15)
    made = 0
    for index in range(COUNT):
        factory, created = Factory.objects.get_or_create(
            registration_number=f"1013{900001 + index:010d}",
            defaults={"name": f"บริษัท บางกะดี{PRODUCTS[index % len(PRODUCTS)]} {index + 1} จำกัด (สาธิต)",
                      "operator_name": f"บริษัท บางกะดี{PRODUCTS[index % len(PRODUCTS)]} {index + 1} จำกัด",
                      "old_registration_number": f"3-{50 + index % 40}-{index + 1}/60ปท", "factory_class": "3",
                      "activity": PRODUCTS[index % len(PRODUCTS)], "province": province, "district": district,
                      "workers": rng.randint(40, 900), "horsepower": rng.randint(80, 5000),
                      "in_industrial_estate": index % 3 == 0,
                      "industrial_estate": "นิคมอุตสาหกรรมบางกะดี" if index % 3 == 0 else "",
                      "is_demo": True, "notes": DEMO},
        )  # fmt: skip
        factory.areas.add(area)
        if created:
            made += 1
            _records(factory, index)
            _balances(factory, index, rng)
    operator = User.objects.filter(username="operator.factory").first()
    first = Factory.objects.filter(registration_number="10130000900001").first()
    if operator is not None and first is not None:
        first.operators.add(operator)
    return f"{made} demo factories in {AREA}"


def _records(factory, index):
    Permit.objects.create(factory=factory, kind=choices.PermitKind.FACTORY_LICENCE, number=f"ร.ง.4 {index + 1}/2560",
                          issued_on=datetime.date(2017, 3, 1), notes=DEMO)  # fmt: skip
    Permit.objects.create(factory=factory, kind=choices.PermitKind.WASTE_REMOVAL, number=f"สก.2 {index + 1}/2568",
                          issued_on=datetime.date(2025, 1, 15), expires_on=datetime.date(2026, 1, 14 + index % 14),
                          notes=DEMO)  # fmt: skip
    for topic in choices.ComplianceTopic.values:
        result = choices.ComplianceResult.NOT_COMPLIANT if (index + len(topic)) % 7 == 0 else (
            choices.ComplianceResult.COMPLIANT)  # fmt: skip
        ComplianceCheck.objects.create(factory=factory, topic=topic, result=result, notes=DEMO,
                                       checked_on=datetime.date(2025, 11, 20))  # fmt: skip
    # About a third hold ISO 14001, a quarter ISO 45001, some CSR-DIW and Green Industry: the seed's list is long.
    if index % 3 == 0:
        _certify(factory, choices.Scheme.ISO_14001, until=datetime.date(2026, 2, 1) if index % 6 == 0 else None)
    if index % 4 == 0:
        _certify(factory, choices.Scheme.ISO_45001)
    if index % 5 == 0:
        _certify(factory, choices.Scheme.CSR_DIW)
    if index % 2 == 0:
        _certify(factory, choices.Scheme.GREEN_INDUSTRY, level=1 + index % 5)


def _certify(factory, scheme, *, level=None, until=None):
    Certification.objects.create(factory=factory, scheme=scheme, level=level, valid_from=datetime.date(2024, 1, 1),
                                 valid_until=until or datetime.date(2027, 1, 1), notes=DEMO)  # fmt: skip


def _balances(factory, index, rng):
    for year, status in ((2567, choices.MassBalanceStatus.ACCEPTED), (2568, choices.MassBalanceStatus.SUBMITTED)):
        balance = MassBalance.objects.create(factory=factory, year=year, status=status, notes=DEMO)
        raw = rng.randint(500, 5000)
        water = rng.randint(1000, 20000)
        waste = round(raw * rng.uniform(0.02, 0.08), 1)
        product = raw - waste
        wastewater = water * 0.8
        route = choices.WasteRoute.LANDFILL if index % 2 else choices.WasteRoute.RECYCLE
        reported_wastewater = wastewater
        if index == 3 and year == 2568:
            reported_wastewater = wastewater * 0.5  # the deliberate gross error: half a year's meter readings lost
        rows = [
            ("in", "raw_material", "วัตถุดิบหลัก", raw, "t", {}),
            ("in", "water", "น้ำประปา", water, "m3", {}),
            ("in", "energy", "ไฟฟ้า", rng.randint(200_000, 5_000_000), "kWh", {"carrier": "electricity"}),
            ("in", "energy", "น้ำมันดีเซล", rng.randint(1_000, 50_000), "L", {"carrier": "diesel"}),
            ("out", "product", "ผลิตภัณฑ์", round(product, 1), "t", {}),
            ("out", "wastewater", "น้ำทิ้งหลังบำบัด", reported_wastewater, "m3", {}),
            ("out", "emission", "ไอน้ำและการระเหย", water - wastewater, "t", {}),
            ("out", "waste", "กากตะกอนจากระบบบำบัด", waste, "t", {"waste_code": "020305", "route": route}),
        ]  # fmt: skip
        for direction, category, name, quantity, unit, extra in rows:
            Flow.objects.create(mass_balance=balance, direction=direction, category=category, name=name,
                                quantity=quantity, unit=unit, **extra)  # fmt: skip
