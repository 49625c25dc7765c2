"""What the matching reads from the database, as the engine's plain records (matching.Site, matching.Line):
the area's factories and those of other areas within reach, each one's latest accepted yearly mass balance with
its flows reconciled (factories.reconcile: one network, each balance a node), and which factories are licensed
waste processors."""

import math
import re

from django.db.models import Q
from django.utils import timezone

from ecotown.factories.choices import MassBalanceStatus, OperatingStatus, PermitKind
from ecotown.factories.models import Factory, Flow, MassBalance, Permit
from ecotown.factories.models.mass_balance import DEFAULT_SIGMA_PERCENT
from ecotown.factories.reconcile import Network, reconcile
from ecotown.symbiosis.matching import EARTH_RADIUS_KM, Line, Site

WORKING = (OperatingStatus.OPERATING, OperatingStatus.LICENSED)
FLOW_FIELDS = ("pk", "mass_balance_id", "mass_balance__factory_id", "direction", "category", "name", "quantity",
               "unit", "waste_code", "hazardous", "route", "carrier", "sigma_percent")  # fmt: skip


def type_number(code: str) -> int | None:
    """The factory type (ลำดับประเภท) of a type code: `10100` (five digits, 2020 list) → 101, `64(6)` → 64."""
    digits = re.match(r"\s*(\d+)", code or "")
    if digits is None:
        return None
    text = digits.group(1)
    return int(text[:3]) if len(text) == 5 else int(text)


def factories_in_reach(area, max_km: float):
    """The area's working factories, and those of other areas within `max_km` of the area's factories (a box
    around them: the engine measures each pair)."""
    own = Factory.objects.filter(areas=area, operating_status__in=WORKING)
    box = own.exclude(latitude=None).values_list("latitude", "longitude")
    points = [(float(lat), float(lon)) for lat, lon in box]
    if not points:
        return own
    lat_margin = math.degrees(max_km / EARTH_RADIUS_KM)
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    lon_margin = lat_margin / max(math.cos(math.radians(max(abs(min(lats)), abs(max(lats))))), 0.1)
    near = Factory.objects.filter(
        areas__isnull=False, operating_status__in=WORKING,
        latitude__range=(min(lats) - lat_margin, max(lats) + lat_margin),
        longitude__range=(min(lons) - lon_margin, max(lons) + lon_margin),
    )  # fmt: skip
    return Factory.objects.filter(Q(pk__in=own.values("pk")) | Q(pk__in=near.values("pk")))


def sites(factories, hazardous_types, day=None) -> list[Site]:
    """Each factory with its coordinates and whether it may take hazardous waste: a processor type (the table's
    list, research: 101, 105, 106) with a factory licence in force on `day`."""
    day = day or timezone.localdate()
    rows = list(factories.values_list("pk", "latitude", "longitude", "main_type_code", "secondary_type_codes"))
    wanted = {int(code) for code in hazardous_types}
    processors = {pk for pk, _lat, _lon, main, secondary in rows
                  if {type_number(code) for code in [main, *secondary.split(",")]} & wanted}  # fmt: skip
    licensed = set(
        Permit.objects.filter(factory__in=processors, kind=PermitKind.FACTORY_LICENCE)
        .filter(Q(issued_on__isnull=True) | Q(issued_on__lte=day))
        .filter(Q(expires_on__isnull=True) | Q(expires_on__gte=day))
        .values_list("factory_id", flat=True)
    )
    return [Site(pk, lat, lon, pk in licensed) for pk, lat, lon, _main, _secondary in rows]


def latest_balances(factories):
    """The ids of each factory's latest accepted yearly balance."""
    accepted = MassBalance.objects.filter(
        factory__in=factories.values("pk"), status=MassBalanceStatus.ACCEPTED, month__isnull=True
    )
    rows = accepted.order_by("factory_id", "-year").values_list("pk", "factory_id")
    newest = {}
    for pk, factory_id in rows:
        newest.setdefault(factory_id, pk)
    return list(newest.values())


def lines(balance_ids) -> list[Line]:
    """The balances' flows, mass flows reconciled so that each balance closes (docs/mass-balance.md)."""
    rows = list(Flow.objects.filter(mass_balance_id__in=balance_ids).order_by().values_list(*FLOW_FIELDS))
    tonnes = {row[0]: _tonnes(row) for row in rows}
    adjusted = _reconciled(rows, tonnes)
    found = []
    for pk, _balance, factory, direction, category, name, quantity, unit, code, hazardous, route, carrier, _s in rows:
        found.append(Line(factory, direction, category, name, float(quantity), unit, adjusted.get(pk, tonnes[pk]),
                          code, hazardous, route, carrier))  # fmt: skip
    return found


def _tonnes(row) -> float | None:
    flow = Flow(quantity=row[6], unit=row[7], category=row[4])
    return flow.tonnes


def _reconciled(rows, tonnes) -> dict:
    """One network, each balance a node, every mass flow measured with its uncertainty; a balance with nothing
    on one side has nothing to reconcile and keeps its figures."""
    sides = {}
    for row in rows:
        if tonnes[row[0]] is not None:
            sides.setdefault(row[1], {"in": [], "out": []})[row[3]].append(row)
    streams, nodes, measured, sigma = [], {}, {}, {}
    for balance, ends in sides.items():
        if not ends["in"] or not ends["out"]:
            continue
        nodes[f"b{balance}"] = {side: [f"f{row[0]}" for row in ends[side]] for side in ("in", "out")}
        for row in ends["in"] + ends["out"]:
            name, value = f"f{row[0]}", tonnes[row[0]]
            percent = row[12] if row[12] is not None else DEFAULT_SIGMA_PERCENT[row[4]]
            streams.append(name)
            measured[name] = value
            sigma[name] = max(value * float(percent) / 100, 1e-6)
    if not nodes:
        return {}
    result = reconcile(Network.from_dict({"streams": streams, "nodes": nodes, "measured": measured, "sigma": sigma}))
    return {int(name[1:]): value for name, value in result.reconciled.items() if value is not None}
