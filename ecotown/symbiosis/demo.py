"""Demo data for symbiosis (`make run`): in the Bang Kadi area, seven made-up factories with coordinates and
accepted balances whose residues and inputs match — a cassava-starch factory's sludge taken by a fertiliser
maker (a realised exchange since 1 January 2568), and five more candidates (ash to a block maker, plastic and
metal scrap, wood waste to a biomass boiler, treated wastewater as cooling water). Every factory is marked
demo; names, figures and places are invented. Idempotent."""

import datetime

from ecotown.accounts.models import User
from ecotown.areas.models import Area
from ecotown.factories.models import Factory, Flow, MassBalance
from ecotown.geo.models import Province
from ecotown.symbiosis import services
from ecotown.symbiosis.choices import ExchangeStatus
from ecotown.symbiosis.models import Exchange
from ecotown.symbiosis.table import load_table

AREA = "pte-bang-kadi"
DEMO = "ข้อมูลสาธิต (demo data)"
YEAR = 2567
STARTED = datetime.date(2025, 1, 1)  # 1 ม.ค. 2568
# number, name, (latitude, longitude), flows (direction, category, name, tonnes, extra)
FACTORIES = [
    (1, "บริษัท แป้งมันบางกะดี จำกัด (สาธิต)", (14.0355, 100.5290), [
        ("in", "raw_material", "หัวมันสำปะหลังสด", 4000, {}),
        ("out", "product", "แป้งมันสำปะหลัง", 3200, {}),
        ("out", "waste", "กากตะกอนจากระบบบำบัดน้ำเสีย", 800, {"waste_code": "020305", "route": "landfill"}),
    ]),
    (2, "บริษัท ปุ๋ยอินทรีย์ปทุม จำกัด (สาธิต)", (14.0610, 100.5520), [
        ("in", "raw_material", "วัตถุดิบปุ๋ยหมัก (มูลสัตว์)", 900, {}),
        ("out", "product", "ปุ๋ยอินทรีย์อัดเม็ด", 900, {}),
    ]),
    (3, "บริษัท พลังไอน้ำบางกะดี จำกัด (สาธิต)", (14.0420, 100.5410), [
        ("in", "raw_material", "ถ่านหิน", 1000, {}),
        ("out", "emission", "ไอเสียจากหม้อไอน้ำ", 1180, {}),
        ("out", "waste", "เถ้าลอย", 120, {"waste_code": "100102", "route": "landfill"}),
    ]),
    (4, "บริษัท คอนกรีตบล็อกปทุม จำกัด (สาธิต)", (14.0505, 100.5150), [
        ("in", "raw_material", "ปูนซีเมนต์", 600, {}),
        ("in", "raw_material", "ทราย", 1400, {}),
        ("out", "product", "คอนกรีตบล็อก", 2000, {}),
    ]),
    (5, "บริษัท บรรจุภัณฑ์บางกะดี จำกัด (สาธิต)", (14.0290, 100.5480), [
        ("in", "raw_material", "เม็ดพลาสติก PE", 500, {}),
        ("in", "raw_material", "เหล็กแผ่น", 300, {}),
        ("in", "water", "น้ำประปา", 300, {"unit": "m3"}),
        ("out", "product", "บรรจุภัณฑ์", 700, {}),
        ("out", "waste", "เศษพลาสติกจากการขึ้นรูป", 60, {"waste_code": "120105", "route": "landfill"}),
        ("out", "waste", "เศษเหล็กจากการตัด", 40, {"waste_code": "120101", "route": "treatment"}),
        ("out", "wastewater", "น้ำทิ้งที่บำบัดแล้ว", 300, {"unit": "m3"}),
    ]),
    (6, "บริษัท รีไซเคิลพลาสติกและโลหะปทุม จำกัด (สาธิต)", (14.0700, 100.5000), [
        ("in", "raw_material", "เศษเหล็ก", 250, {}),
        ("in", "raw_material", "พลาสติกรีไซเคิล (เศษบด)", 150, {}),
        ("out", "product", "เม็ดพลาสติกรีไซเคิลและเหล็กแท่ง", 400, {}),
    ]),
    (7, "บริษัท เฟอร์นิเจอร์ไม้บางกะดี จำกัด (สาธิต)", (14.0380, 100.5350), [
        ("in", "raw_material", "ไม้ยางพารา", 500, {}),
        ("in", "water", "น้ำหล่อเย็น", 200, {"unit": "m3"}),
        ("out", "product", "เฟอร์นิเจอร์", 380, {}),
        ("out", "waste", "ขี้เลื่อยและเศษไม้", 120, {"waste_code": "030105", "route": "landfill"}),
        ("out", "wastewater", "น้ำทิ้ง", 200, {"unit": "m3"}),
    ]),
]  # fmt: skip
# The wood factory's sawdust goes to the steam plant's boiler, which burns biomass beside its coal.
BIOMASS_INPUT = ("in", "raw_material", "เชื้อเพลิงชีวมวล (ไม้สับ)", 300, {})


def seed_demo(**context) -> str:
    area = Area.objects.filter(code=AREA).first()
    if area is None:
        return "skipped: no Bang Kadi area"
    table = load_table()
    admin = User.objects.filter(is_superuser=True).order_by("pk").first()
    province = Province.objects.get(code="13")
    factories = {number: _factory(number, name, place, flows, province, area)
                 for number, name, place, flows in FACTORIES}  # fmt: skip
    run = services.run_matching(area, acting_user=admin, table=table)
    realised = Exchange.objects.filter(supplier=factories[1], receiver=factories[2], category="food-sludge").first()
    if realised is not None and realised.status == ExchangeStatus.PROPOSED:
        services.contact(realised, acting_user=admin)
        services.start_trial(realised, acting_user=admin)
        services.realise(realised, acting_user=admin, start_date=STARTED, quantity=600)
    return f"{run.candidates} symbiosis candidates in {AREA}"


def _factory(number, name, place, flows, province, area):
    factory, created = Factory.objects.get_or_create(
        registration_number=f"1013{950000 + number:010d}",
        defaults={"name": name, "province": province, "latitude": place[0], "longitude": place[1],
                  "factory_class": "3", "is_demo": True, "notes": DEMO},
    )  # fmt: skip
    factory.areas.add(area)
    if created:
        balance = MassBalance.objects.create(factory=factory, year=YEAR, notes=DEMO)
        rows = flows + ([BIOMASS_INPUT] if number == 3 else [])
        for direction, category, flow_name, quantity, extra in rows:
            Flow.objects.create(mass_balance=balance, direction=direction, category=category, name=flow_name,
                                quantity=quantity, unit=extra.pop("unit", "t"), **extra)  # fmt: skip
        MassBalance.objects.filter(pk=balance.pk).update(status="accepted")
    return factory
