"""Test and benchmark helpers: national-scale data for the dashboards (areas certified at every level in every
province, factories with accepted balances), written in bulk so that tenfold data costs seconds, not minutes."""

import datetime
from itertools import count

from ecotown.areas.choices import AreaKind, AreaStatus
from ecotown.areas.models import Area
from ecotown.factories.choices import FlowCategory, FlowDirection, MassBalanceStatus, Unit, WasteRoute
from ecotown.factories.models import Factory, Flow, MassBalance
from ecotown.factories.testing import registration_number
from ecotown.geo.models import Province

_batches = count(1)
# One accepted balance's flows: (direction, category, quantity, unit, extra fields).
FLOWS = [
    (FlowDirection.IN, FlowCategory.RAW_MATERIAL, 800, Unit.TONNE, {}),
    (FlowDirection.IN, FlowCategory.WATER, 200, Unit.CUBIC_METRE, {}),
    (FlowDirection.IN, FlowCategory.ENERGY, 500_000, Unit.KWH, {"carrier": "electricity"}),
    (FlowDirection.OUT, FlowCategory.PRODUCT, 780, Unit.TONNE, {}),
    (FlowDirection.OUT, FlowCategory.WASTE, 10, Unit.TONNE, {"waste_code": "020305", "route": WasteRoute.LANDFILL}),
    (FlowDirection.OUT, FlowCategory.WASTE, 2, Unit.TONNE, {"waste_code": "130205", "route": WasteRoute.RECYCLE,
                                                             "hazardous": True}),
]  # fmt: skip


def certify(area, level: int) -> Area:
    """The area as the audits app leaves it once a certificate is in force (audits.services.sync_area)."""
    Area.objects.filter(pk=area.pk).update(status=AreaStatus.CERTIFIED, certified_level=level,
                                           certified_until=datetime.date(2027, 9, 30))  # fmt: skip
    area.refresh_from_db()
    return area


def grow_national(areas_per_province: int = 1, factories_per_area: int = 1, years=(2567, 2568)) -> None:
    """Areas in every province, certified at levels 1–5 in turn, each with factories reporting accepted
    balances for `years`. Bulk writes: no history records, which the dashboards do not read."""
    batch = next(_batches)
    areas = [
        Area(code=f"grow-{batch}-{province.code}-{number}", name_th=f"พื้นที่ {province.code}-{number}",
             province=province, kind=AreaKind.DISTRICT, status=AreaStatus.CERTIFIED,
             certified_level=1 + (index + number) % 5, certified_until=datetime.date(2027, 9, 30))
        for index, province in enumerate(Province.objects.order_by("code"))
        for number in range(areas_per_province)
    ]  # fmt: skip
    areas = Area.objects.bulk_create(areas)
    factories = Factory.objects.bulk_create([
        Factory(registration_number=registration_number(area.province.code), name=f"โรงงาน {area.code}-{number}",
                province=area.province)
        for area in areas for number in range(factories_per_area)
    ])  # fmt: skip
    Factory.areas.through.objects.bulk_create([
        Factory.areas.through(factory=factory, area=areas[index // factories_per_area])
        for index, factory in enumerate(factories)
    ])  # fmt: skip
    balances = MassBalance.objects.bulk_create([
        MassBalance(factory=factory, year=year, status=MassBalanceStatus.ACCEPTED)
        for factory in factories for year in years
    ])  # fmt: skip
    Flow.objects.bulk_create([
        Flow(mass_balance=balance, direction=direction, category=category, name=str(category), quantity=quantity,
             unit=unit, **extra)
        for balance in balances for direction, category, quantity, unit, extra in FLOWS
    ])  # fmt: skip
