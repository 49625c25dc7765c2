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

import math
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
    listed: Counter = field(default_factory=Counter)  # examples kept so far, per reason


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
    supplies, demands, known = {}, defaultdict(float), {}
    for line in lines:
        # Balances repeat the same names and codes: recognise each kind of line once.
        kind = (line.direction, line.category, line.name, line.waste_code, line.carrier)
        if kind not in known:
            known[kind] = category_of(table, line)
        category = known[kind]
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
    return _haversine(lat1, lon1, np.cos(lat1), lat2, lon2, np.cos(lat2))


def _haversine(lat1, lon1, cos1, lat2, lon2, cos2):
    """The same from radians and their cosines, worked out once per category rather than once per block."""
    a = np.sin((lat2 - lat1) / 2) ** 2 + cos1 * cos2 * np.sin((lon2 - lon1) / 2) ** 2
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
    result, found = Result(), []
    for category in table["categories"]:
        code = category["code"]
        given = [supply for (c, factory), supply in supplies.items() if c == code and factory in supplying]
        wanted = [(factory, quantity) for (c, factory), quantity in demands.items() if c == code and factory in sites]
        if given and wanted:
            found += _match_category(table, category, sites, given, wanted, result)
    # Rank (most tonnes diverted, then the shortest road) before building the candidates the area keeps.
    found.sort(key=lambda pair: (-pair[0], pair[1], pair[2].factory_id, pair[3]))
    limit = table["candidates_per_area"]
    if len(found) > limit:
        result.excluded[BELOW_LIMIT] += len(found) - limit
    result.candidates = [_candidate(table, category, supply, receiver, quantity, distance)
                         for _d, distance, supply, receiver, quantity, category in found[:limit]]  # fmt: skip
    return result


def _radians(sites, ids):
    lat = np.radians([np.nan if sites[i].latitude is None else float(sites[i].latitude) for i in ids])
    lon = np.radians([np.nan if sites[i].longitude is None else float(sites[i].longitude) for i in ids])
    return lat, lon, np.cos(lat)


def _match_category(table, category, sites, suppliers, receivers, result) -> list[tuple]:
    """(tonnes diverted, distance, supply, receiver id, quantity, category) of each supply's best receivers.

    Receivers and suppliers are sorted by latitude, so each block of suppliers measures only the receivers whose
    latitude is within reach (a straight line is never shorter than R·|Δφ|); the others are counted as too far
    without being measured. Water (5 km) and heat (2 km) thus measure a few pairs, not 2,000 × 2,000."""
    by_latitude = sorted(receivers, key=lambda pair: _latitude(sites[pair[0]]))
    receiver_ids = np.array([factory for factory, _q in by_latitude])
    demand = np.array([quantity for _f, quantity in by_latitude])
    licensed = np.array([sites[factory].licensed_for_hazardous for factory in receiver_ids])
    r_lat, r_lon, r_cos = _radians(sites, receiver_ids)
    located = int(np.count_nonzero(~np.isnan(r_lat)))  # NaN (no coordinates) sorts last
    suppliers = sorted(suppliers, key=lambda supply: _latitude(sites[supply.factory_id]))
    s_lat, s_lon, s_cos = _radians(sites, [supply.factory_id for supply in suppliers])
    limit = table["max_distance_km"][category["kind"]]
    reach = limit / table["road_factor"] / EARTH_RADIUS_KM  # radians of latitude
    material = category["kind"] == "material"
    found = []
    for start in range(0, len(suppliers), CHUNK):
        rows = slice(start, start + CHUNK)
        block = suppliers[rows]
        if np.isnan(s_lat[rows]).any():
            low, high = 0, located
        else:
            low = int(np.searchsorted(r_lat[:located], s_lat[rows].min() - reach, side="left"))
            high = int(np.searchsorted(r_lat[:located], s_lat[rows].max() + reach, side="right"))
        unmeasured = len(block) * (located - (high - low))
        if unmeasured:
            result.excluded[TOO_FAR] += unmeasured
        columns = np.r_[low:high, located : len(receiver_ids)]
        if columns.size:
            found += _measure(table, category, material, limit, block, s_lat[rows], s_lon[rows], s_cos[rows],
                              receiver_ids[columns], demand[columns], licensed[columns], r_lat[columns],
                              r_lon[columns], r_cos[columns], result)  # fmt: skip
    return found


def _latitude(site) -> float:
    return math.inf if site.latitude is None else float(site.latitude)


def _measure(table, category, material, limit, block, s_lat, s_lon, s_cos, receiver_ids, demand, licensed, r_lat,
             r_lon, r_cos, result) -> list[tuple]:  # fmt: skip
    ids = np.array([supply.factory_id for supply in block])
    distance = _haversine(s_lat[:, None], s_lon[:, None], s_cos[:, None], r_lat, r_lon, r_cos) * table["road_factor"]
    hazardous = np.array([supply.hazardous for supply in block])
    pair = ids[:, None] != receiver_ids[None, :]
    reasons = {NO_COORDINATES: pair & np.isnan(distance)}
    reasons[TOO_FAR] = pair & ~reasons[NO_COORDINATES] & (distance > limit)
    reasons[NOT_LICENSED] = pair & ~reasons[NO_COORDINATES] & ~reasons[TOO_FAR] & hazardous[:, None] & ~licensed
    eligible = pair & ~reasons[NO_COORDINATES] & ~reasons[TOO_FAR] & ~reasons[NOT_LICENSED]
    _record_exclusions(category["code"], ids, receiver_ids, distance, reasons, result)
    movable = np.minimum(np.array([supply.quantity for supply in block])[:, None], demand[None, :])
    # One key per pair: the most that can move first, then the shortest road (roads are under 10,000 km).
    key = np.where(eligible, -movable * 1e4 + np.nan_to_num(distance), np.inf)
    keep = min(table["receivers_per_output"], key.shape[1])
    best = np.argpartition(key, keep - 1, axis=1)[:, :keep] if keep < key.shape[1] else np.argsort(key, axis=1)
    chosen = np.take_along_axis(eligible, best, axis=1)
    found = []
    for row, position in zip(*np.nonzero(chosen), strict=True):
        column = best[row, position]
        quantity, road = float(movable[row, column]), float(distance[row, column])
        found.append((quantity if material else 0.0, road, block[row], int(receiver_ids[column]), quantity,
                      category))  # fmt: skip
    return found


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
        listed = result.listed[reason]
        result.excluded[reason] += count
        if listed >= MAX_EXAMPLES:
            continue
        for row, column in np.argwhere(mask)[: MAX_EXAMPLES - listed]:
            value = distance[row, column]
            result.examples.append(Exclusion(int(ids[row]), int(receiver_ids[column]), code, reason,
                                             None if np.isnan(value) else float(value)))  # fmt: skip
            result.listed[reason] += 1
