"""What a mass balance says: totals in and out, the closure gap, the reconciled flows with the suspect one, waste
by route and greenhouse gases from energy (docs/mass-balance.md). Plain functions over the balance's flows."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ecotown.core.dates import to_ce
from ecotown.factories.choices import FlowCategory, FlowDirection
from ecotown.factories.models import EmissionFactor
from ecotown.factories.reconcile import Network, balance_check, reconcile

FACTORS = Path(__file__).parent / "data" / "emission_factors.yaml"


@dataclass
class Summary:
    check: object
    reconciliation: object = None
    suspect: object = None  # the Flow the reconciliation points at, if any
    waste_by_route: dict = field(default_factory=dict)
    water_m3: float = 0.0
    energy: dict = field(default_factory=dict)  # carrier → (quantity, unit)
    scope1_t: float = 0.0
    scope2_t: float = 0.0
    missing_factors: list = field(default_factory=list)


def summarise(balance, flows=None, factors=None, *, reconciled: bool = True) -> Summary:
    """`reconciled=False` leaves out the reconciliation (the slow part), for totals that do not use it."""
    flows = list(balance.flows.all()) if flows is None else flows
    masses = [(flow, flow.tonnes) for flow in flows if flow.tonnes is not None]
    ins = [t for f, t in masses if f.direction == FlowDirection.IN]
    outs = [t for f, t in masses if f.direction == FlowDirection.OUT]
    summary = Summary(check=balance_check(ins, outs))
    if reconciled and ins and outs:
        summary.reconciliation, summary.suspect = _reconcile(masses)
    for flow, tonnes in masses:
        if flow.category == FlowCategory.WASTE:
            summary.waste_by_route[flow.route] = summary.waste_by_route.get(flow.route, 0.0) + tonnes
        if flow.category == FlowCategory.WATER and flow.direction == FlowDirection.IN:
            summary.water_m3 += tonnes
    _greenhouse_gases(summary, flows, balance.year, factors)
    return summary


def _reconcile(masses):
    """The balance as one node: every mass flow measured, σ from its uncertainty."""
    names = [f"f{flow.pk or index}" for index, (flow, _t) in enumerate(masses)]
    network = Network.from_dict({
        "streams": names,
        "nodes": {"factory": {"in": [n for n, (f, _t) in zip(names, masses, strict=True) if f.direction == "in"],
                              "out": [n for n, (f, _t) in zip(names, masses, strict=True) if f.direction == "out"]}},
        "measured": {n: t for n, (_f, t) in zip(names, masses, strict=True)},
        "sigma": {n: max(t * f.sigma, 1e-6) for n, (f, t) in zip(names, masses, strict=True)},
    })  # fmt: skip
    result = reconcile(network)
    by_name = dict(zip(names, (flow for flow, _t in masses), strict=True))
    return result, by_name.get(result.suspect) if result.suspect else None


def _greenhouse_gases(summary, flows, year_be, factors):
    day = datetime.date(to_ce(year_be), 7, 1)
    factors = list(EmissionFactor.objects.all()) if factors is None else factors
    for flow in flows:
        if flow.category != FlowCategory.ENERGY:
            continue
        quantity, unit = summary.energy.get(flow.carrier, (0.0, flow.unit))
        summary.energy[flow.carrier] = (quantity + float(flow.quantity), unit)
        factor = factor_for(factors, flow.carrier, flow.unit, day)
        if factor is None:
            summary.missing_factors.append(flow.carrier)
            continue
        tonnes = float(flow.quantity) * float(factor.kg_co2e) / 1000
        if factor.scope_number == 1:
            summary.scope1_t += tonnes
        else:
            summary.scope2_t += tonnes


def factor_for(factors, carrier: str, unit: str, day: datetime.date):
    """The factor for `carrier` in `unit` valid on `day` (validity dates as data: the grid changed 1 Jan 2026)."""
    for factor in factors:
        starts = factor.valid_from is None or factor.valid_from <= day
        ends = factor.valid_until is None or day <= factor.valid_until
        if factor.carrier == carrier and factor.unit == unit and starts and ends:
            return factor
    return None


def area_totals(balances) -> dict:
    """Totals of an area's accepted balances per year: waste by route, water, GHG."""
    totals = defaultdict(lambda: {"waste": defaultdict(float), "water_m3": 0.0, "ghg_t": 0.0, "factories": 0})
    factors = list(EmissionFactor.objects.all())
    for balance in balances:
        summary = summarise(balance, list(balance.flows.all()), factors)
        year = totals[balance.year]
        year["factories"] += 1
        year["water_m3"] += summary.water_m3
        year["ghg_t"] += summary.scope1_t + summary.scope2_t
        for route, tonnes in summary.waste_by_route.items():
            year["waste"][route] += tonnes
    return {year: {**values, "waste": dict(values["waste"])} for year, values in sorted(totals.items())}


def load_emission_factors(path: Path = FACTORS) -> str:
    """Reference data, idempotent: a factor is matched on carrier, unit and start of validity."""
    created = 0
    for row in yaml.safe_load(path.read_text(encoding="utf-8")):
        key = {"carrier": row.pop("carrier"), "unit": row.pop("unit"), "valid_from": row.pop("valid_from", None)}
        _factor, made = EmissionFactor.objects.update_or_create(**key, defaults=row)
        created += made
    return f"{created} created"


def sankey(balance, flows) -> dict:
    """Nodes and links for a Sankey diagram of the mass flows (tonnes): each input → the factory → each output.
    Names are made unique per side so that water in and water out stay two nodes."""
    centre = str(balance.factory)
    nodes, links = [{"name": centre}], []
    for flow in flows:
        tonnes = flow.tonnes
        if tonnes is None or tonnes <= 0:
            continue
        arrow = "→ " if flow.direction == FlowDirection.IN else "← "
        label = f"{arrow}{flow.name}"
        nodes.append({"name": label})
        source, target = (label, centre) if flow.direction == FlowDirection.IN else (centre, label)
        links.append({"source": source, "target": target, "value": round(tonnes, 3)})
    unique = list({node["name"]: node for node in nodes}.values())
    return {"nodes": unique, "links": links}
