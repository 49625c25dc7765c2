"""What the matching reads from the database, as the engine's plain records (matching.Site, matching.Line):
the area's factories and those of other areas within reach, each one's latest accepted yearly mass balance with
its flows reconciled, and which factories are licensed waste processors."""

import math
import re
from types import SimpleNamespace

import numpy as np
from django.db.models import Q
from django.utils import timezone

from ecotown.factories.choices import MassBalanceStatus, OperatingStatus, PermitKind
from ecotown.factories.models import Factory, Flow, MassBalance, Permit
from ecotown.factories.models.mass_balance import DEFAULT_SIGMA_PERCENT
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
    """Flow.tonnes on the row's values, without building a model instance for each of 40,000 rows."""
    return Flow.tonnes.fget(SimpleNamespace(quantity=row[6], unit=row[7], category=row[4]))


def _reconciled(rows, tonnes) -> dict:
    """Each balance reconciled on its own: every mass flow measured with its uncertainty, one balance
    Σ in − Σ out = 0. This is factories.reconcile's weighted least squares for a one-node network in closed form,
    x̂ = x − σ² a r / Σσ² with a = ±1 and the residual r = Σ a x, worked out for all balances at once (numpy)
    because the general solver's per-component set-up took over a second for 2,000 balances
    (test_sources.py checks both give the same figures). A balance with nothing on one side keeps its figures."""
    mass = [row for row in rows if tonnes[row[0]] is not None]
    if not mass:
        return {}
    balance = np.array([row[1] for row in mass])
    sign = np.array([1.0 if row[3] == "in" else -1.0 for row in mass])
    value = np.array([tonnes[row[0]] for row in mass])
    percent = np.array([float(row[12]) if row[12] is not None else DEFAULT_SIGMA_PERCENT[row[4]] for row in mass])
    variance = np.maximum(value * percent / 100, 1e-6) ** 2
    _ids, node = np.unique(balance, return_inverse=True)
    residual = np.bincount(node, weights=sign * value)
    spread = np.bincount(node, weights=variance)
    has_in = np.bincount(node, weights=sign > 0) > 0
    has_out = np.bincount(node, weights=sign < 0) > 0
    closes = (has_in & has_out)[node]
    adjusted = np.where(closes, value - variance * sign * residual[node] / spread[node], value)
    return {row[0]: float(x) for row, x in zip(mass, adjusted, strict=True)}
