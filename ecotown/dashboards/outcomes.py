"""Outcome totals of factories' accepted yearly mass balances, summed by the database: waste by management
route, hazardous waste, water drawn, energy by carrier and greenhouse gases (scopes 1 and 2).

The same figures as `factories.balances.area_totals` (which reads every flow of every balance, fine for one
area): here the database groups the flows by year, category, unit, route and carrier, and only those few groups
are converted to tonnes and CO2e with the factories app's own units and emission factors
(tests/test_outcomes.py holds the two together).

Totals are published statistics: a year in which fewer than MIN_FACTORIES factories reported is shown without
figures, so that no single factory's balance can be read off a province's dashboard.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Sum

from ecotown.core.dates import to_ce
from ecotown.factories.balances import factor_for
from ecotown.factories.choices import (
    TO_TONNES,
    WATER_TONNES_PER_M3,
    FlowCategory,
    FlowDirection,
    MassBalanceStatus,
    Unit,
)
from ecotown.factories.models import EmissionFactor, Flow, MassBalance

MIN_FACTORIES = 3


@dataclass
class YearOutcome:
    year: int
    factories: int = 0
    waste: dict = field(default_factory=lambda: defaultdict(float))  # route → tonnes
    hazardous_t: float = 0.0
    water_m3: float = 0.0
    energy: dict = field(default_factory=lambda: defaultdict(float))  # (carrier, unit) → quantity
    ghg_t: float = 0.0
    missing_factors: set = field(default_factory=set)

    @property
    def disclosed(self) -> bool:
        return self.factories >= MIN_FACTORIES

    @property
    def waste_t(self) -> float:
        return sum(self.waste.values())


def accepted_balances(factories=None):
    """Accepted yearly balances (a monthly one would count twice beside its year), of `factories` if given."""
    balances = MassBalance.objects.filter(status=MassBalanceStatus.ACCEPTED, month__isnull=True)
    return balances if factories is None else balances.filter(factory__in=factories)


def outcome_totals(balances) -> dict[int, YearOutcome]:
    """Per year (B.E.): the totals of `balances` in three queries whatever their number."""
    years: dict[int, YearOutcome] = {}
    for row in balances.order_by().values("year").annotate(factories=Count("factory", distinct=True)):
        years[row["year"]] = YearOutcome(row["year"], row["factories"])
    groups = (
        Flow.objects.filter(mass_balance__in=balances.values("pk"),
                            category__in=(FlowCategory.WASTE, FlowCategory.WATER, FlowCategory.ENERGY))
        .order_by()
        .values("mass_balance__year", "category", "direction", "unit", "route", "carrier", "hazardous")
        .annotate(total=Sum("quantity"))
    )  # fmt: skip
    factors = list(EmissionFactor.objects.all())
    for group in groups:
        _add(years[group["mass_balance__year"]], group, float(group["total"]), factors)
    return dict(sorted(years.items()))


def _add(year: YearOutcome, group: dict, quantity: float, factors) -> None:
    category, unit = group["category"], group["unit"]
    if category == FlowCategory.ENERGY:
        year.energy[(group["carrier"], unit)] += quantity
        day = datetime.date(to_ce(year.year), 7, 1)  # the factor valid mid-year, as balances.summarise takes it
        factor = factor_for(factors, group["carrier"], unit, day)
        if factor is None:
            year.missing_factors.add(group["carrier"])
        else:
            year.ghg_t += quantity * float(factor.kg_co2e) / 1000
        return
    tonnes = _tonnes(category, unit, quantity)
    if tonnes is None:
        return
    if category == FlowCategory.WASTE:
        year.waste[group["route"]] += tonnes
        if group["hazardous"]:
            year.hazardous_t += tonnes
    elif category == FlowCategory.WATER and group["direction"] == FlowDirection.IN:
        year.water_m3 += tonnes / WATER_TONNES_PER_M3


def _tonnes(category: str, unit: str, quantity: float) -> float | None:
    """Flow.tonnes for a sum of flows of one unit: masses by TO_TONNES, water by volume at 1 t/m³."""
    if unit in TO_TONNES:
        return quantity * TO_TONNES[unit]
    if unit == Unit.CUBIC_METRE and category in (FlowCategory.WATER, FlowCategory.WASTEWATER):
        return quantity * WATER_TONNES_PER_M3
    return None
