"""The matching engine (docs/symbiosis.md): plain functions over plain records, no database.

    result = match(table, sites, lines)   # table: the matching table's content (a dict)
    result.candidates                      # ranked: most tonnes diverted first, then the shortest road
    result.excluded                        # {reason: pairs}; result.examples: some of each, with their reason

Each factory's reconciled outputs are grouped by the table's categories (a waste by its DIW code, a by-product or
wastewater by its flow category and words, surplus heat by its carrier) and so are the other factories' inputs;
every supplier × receiver of a category is a pair. A pair is left out, with its reason, when a factory has no
coordinates, when the road is longer than the category's kind allows, or when the material is hazardous and the
receiver is not a licensed waste processor. Of the pairs left, each supplier's output goes to at most
`receivers_per_output` receivers: those able to take the most, the nearest first.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

import numpy as np

EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG)
CHUNK = 256  # supplier rows per block of the distance matrix: 256 × 2,000 receivers stays a few MB
MAX_EXAMPLES = 50  # pairs listed per reason; every pair is counted
MJ_PER = {"MJ": 1.0, "kWh": 3.6}
# How the supplier handled the residue before, from the mass balance's waste route (factories.choices.WasteRoute);
# wastewater is discharged; anything else (a by-product sold, waste already reused) is "other".
REPLACED_OF_ROUTE = {"landfill": "landfill", "treatment": "incineration", "energy_recovery": "energy_recovery"}
# The order in which a moved quantity is taken from the old routes: what harms most goes first.
DIVERSION_ORDER = ("landfill", "incineration", "energy_recovery", "discharge", "other")

NO_COORDINATES = "no_coordinates"
TOO_FAR = "too_far"
NOT_LICENSED = "not_licensed"
BELOW_LIMIT = "below_limit"  # ranked below the area's `candidates_per_area`
REASONS = (NO_COORDINATES, TOO_FAR, NOT_LICENSED, BELOW_LIMIT)


@dataclass(frozen=True)
class Site:
    """A factory as the matching sees it."""

    factory_id: int
    latitude: float | None
    longitude: float | None
    licensed_for_hazardous: bool = False


@dataclass(frozen=True)
class Line:
    """One reconciled flow of a factory's balance: `tonnes` for mass (None for energy), `quantity` and `unit` as
    entered."""

    factory_id: int
    direction: str
    category: str
    name: str
    quantity: float
    unit: str
    tonnes: float | None = None
    waste_code: str = ""
    hazardous: bool = False
    route: str = ""
    carrier: str = ""


@dataclass(frozen=True)
class Candidate:
    supplier_id: int
    receiver_id: int
    category: str
    kind: str
    quantity: float
    unit: str
    distance_km: float
    replaces: str
    diverted_t: float
    landfill_avoided_t: float
    ghg_avoided_t: float
    hazardous: bool
    waste_codes: tuple = ()


@dataclass(frozen=True)
class Exclusion:
    supplier_id: int
    receiver_id: int
    category: str
    reason: str
    distance_km: float | None


@dataclass
class Result:
    candidates: list = field(default_factory=list)
    excluded: Counter = field(default_factory=Counter)
    examples: list = field(default_factory=list)


@dataclass
class Supply:
    factory_id: int
    quantity: float = 0.0
    by_route: dict = field(default_factory=lambda: defaultdict(float))
    hazardous: bool = False
    waste_codes: set = field(default_factory=set)


# -- recognising outputs and inputs ---------------------------------------------------------------------------


def _words_match(side: dict, line: Line) -> bool:
    """A side with codes, words or carriers takes a line that matches one of them; a side with none of them
    takes every line of its flow categories (treated wastewater)."""
    codes, words, carriers = side.get("waste_codes", []), side.get("words", []), side.get("carriers", [])
    if not (codes or words or carriers):
        return True
    name = line.name.casefold()
    return (
        (bool(line.waste_code) and any(line.waste_code.startswith(prefix) for prefix in codes))
        or any(word.casefold() in name for word in words)
        or (bool(line.carrier) and line.carrier in carriers)
    )  # fmt: skip


def category_of(table: dict, line: Line) -> dict | None:
    """The first category of the table that takes this line: as a supply when it goes out, a use when in."""
    side = "supply" if line.direction == "out" else "use"
    for category in table["categories"]:
        rules = category[side]
        if line.category in rules["flow_categories"] and _words_match(rules, line):
            return category
    return None


def amount(line: Line, kind: str) -> float | None:
    """The line in the kind's unit: tonnes of material, m³ of water (1 t = 1 m³), MJ of heat."""
    if kind == "heat":
        return line.quantity * MJ_PER[line.unit] if line.unit in MJ_PER else None
    return line.tonnes


def group(table: dict, lines) -> tuple[dict, dict]:
    """Supplies and demands per (category code, factory)."""
    supplies, demands = {}, defaultdict(float)
    for line in lines:
        category = category_of(table, line)
        if category is None:
            continue
        quantity = amount(line, category["kind"])
        if not quantity or quantity <= 0:
            continue
        key = (category["code"], line.factory_id)
        if line.direction == "in":
            demands[key] += quantity
            continue
        supply = supplies.setdefault(key, Supply(line.factory_id))
        supply.quantity += quantity
        route = "discharge" if line.category == "wastewater" else REPLACED_OF_ROUTE.get(line.route, "other")
        supply.by_route[route] += quantity
        supply.hazardous |= line.hazardous or category.get("hazardous", False)
        if line.waste_code:
            supply.waste_codes.add(line.waste_code)
    return supplies, dict(demands)


# -- distances and figures ------------------------------------------------------------------------------------


def haversine_km(lat1, lon1, lat2, lon2):
    """Great-circle distance in km (numpy arrays broadcast)."""
    lat1, lon1, lat2, lon2 = (np.radians(np.asarray(value, dtype=float)) for value in (lat1, lon1, lat2, lon2))
    a = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0, 1)))


def figures(table: dict, category: dict, supply: Supply, quantity: float, distance_km: float) -> dict:
    """What moving `quantity` spares: the old routes it is taken from (landfill first), tonnes diverted, landfill
    and GHG avoided (the old route's factor and the virgin material's, less the trucking)."""
    left, taken = quantity, {}
    for route in DIVERSION_ORDER:
        portion = min(left, supply.by_route.get(route, 0.0))
        if portion > 0:
            taken[route] = portion
            left -= portion
    material = category["kind"] == "material"
    route_factors = table["avoided_route_t_co2e_per_t"]
    ghg = quantity * category["virgin_t_co2e_per_unit"]
    if material:
        ghg += sum(portion * route_factors[route] for route, portion in taken.items())
        ghg -= quantity * distance_km * table["transport_kg_co2e_per_tkm"] / 1000
    return {
        "replaces": max(taken, key=taken.get) if taken else "other",
        "diverted_t": quantity if material else 0.0,
        "landfill_avoided_t": taken.get("landfill", 0.0) if material else 0.0,
        "ghg_avoided_t": ghg,
    }


# -- matching -------------------------------------------------------------------------------------------------


def match(table: dict, sites, lines, suppliers=None) -> Result:
    """Candidate exchanges between the sites from their lines, ranked, with the pairs left out and why.
    `suppliers` (factory ids) limits who supplies, to the area's own factories; every site may receive."""
    sites = {site.factory_id: site for site in sites}
    supplying = set(sites) if suppliers is None else set(suppliers) & set(sites)
    supplies, demands = group(table, lines)
    result = Result()
    for category in table["categories"]:
        code = category["code"]
        given = [supply for (c, factory), supply in supplies.items() if c == code and factory in supplying]
        wanted = [(factory, quantity) for (c, factory), quantity in demands.items() if c == code and factory in sites]
        if given and wanted:
            _match_category(table, category, sites, given, wanted, result)
    result.candidates.sort(key=lambda c: (-c.diverted_t, c.distance_km, c.supplier_id, c.receiver_id))
    limit = table["candidates_per_area"]
    if len(result.candidates) > limit:
        result.excluded[BELOW_LIMIT] += len(result.candidates) - limit
        del result.candidates[limit:]
    return result


def _coordinates(sites, ids):
    lat = np.array([np.nan if sites[i].latitude is None else float(sites[i].latitude) for i in ids])
    lon = np.array([np.nan if sites[i].longitude is None else float(sites[i].longitude) for i in ids])
    return lat, lon


def _match_category(table, category, sites, suppliers, receivers, result):
    receiver_ids = np.array([factory for factory, _q in receivers])
    demand = np.array([quantity for _f, quantity in receivers])
    licensed = np.array([sites[factory].licensed_for_hazardous for factory in receiver_ids])
    r_lat, r_lon = _coordinates(sites, receiver_ids)
    s_lat, s_lon = _coordinates(sites, [supply.factory_id for supply in suppliers])
    limit = table["max_distance_km"][category["kind"]]
    keep = table["receivers_per_output"]
    for start in range(0, len(suppliers), CHUNK):
        block = suppliers[start : start + CHUNK]
        ids = np.array([supply.factory_id for supply in block])
        distance = haversine_km(s_lat[start : start + CHUNK, None], s_lon[start : start + CHUNK, None],
                                r_lat[None, :], r_lon[None, :]) * table["road_factor"]  # fmt: skip
        hazardous = np.array([supply.hazardous for supply in block])
        pair = ids[:, None] != receiver_ids[None, :]
        reasons = {NO_COORDINATES: pair & np.isnan(distance)}
        reasons[TOO_FAR] = pair & ~reasons[NO_COORDINATES] & (distance > limit)
        reasons[NOT_LICENSED] = pair & ~reasons[NO_COORDINATES] & ~reasons[TOO_FAR] & hazardous[:, None] & ~licensed
        eligible = pair & ~reasons[NO_COORDINATES] & ~reasons[TOO_FAR] & ~reasons[NOT_LICENSED]
        _record_exclusions(category["code"], ids, receiver_ids, distance, reasons, result)
        supply_q = np.array([supply.quantity for supply in block])
        movable = np.where(eligible, np.minimum(supply_q[:, None], demand[None, :]), -np.inf)
        order = np.lexsort((np.where(eligible, distance, np.inf), -movable), axis=-1)[:, :keep]
        for row, columns in enumerate(order):
            for column in columns:
                if eligible[row, column]:
                    result.candidates.append(
                        _candidate(table, category, block[row], int(receiver_ids[column]), float(movable[row, column]),
                                   float(distance[row, column]))
                    )  # fmt: skip


def _candidate(table, category, supply, receiver_id, quantity, distance_km) -> Candidate:
    return Candidate(
        supplier_id=supply.factory_id, receiver_id=receiver_id, category=category["code"], kind=category["kind"],
        quantity=quantity, unit={"material": "t", "water": "m3", "heat": "MJ"}[category["kind"]],
        distance_km=distance_km, hazardous=supply.hazardous, waste_codes=tuple(sorted(supply.waste_codes)),
        **figures(table, category, supply, quantity, distance_km),
    )  # fmt: skip


def _record_exclusions(code, ids, receiver_ids, distance, reasons, result):
    for reason, mask in reasons.items():
        count = int(mask.sum())
        if not count:
            continue
        listed = sum(1 for example in result.examples if example.reason == reason)
        result.excluded[reason] += count
        for row, column in np.argwhere(mask)[: max(0, MAX_EXAMPLES - listed)]:
            value = distance[row, column]
            result.examples.append(Exclusion(int(ids[row]), int(receiver_ids[column]), code, reason,
                                             None if np.isnan(value) else float(value)))  # fmt: skip
