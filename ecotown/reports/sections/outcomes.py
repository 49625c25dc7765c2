"""Outcomes (factories): waste by management route, hazardous waste, water use and reuse, energy, greenhouse
gases (scope 1 and 2) and complaints, per fiscal year, with the change in percent — the seed asks to measure
outcomes, not only ticks (seed 000).

Read from the factories' accepted yearly mass balances (a submitted or returned one is not yet a figure: it is
listed as missing), summed in the database by year, category, route and unit. A balance of year N (B.E.) is
counted in fiscal year N. Water reused is wastewater or water sent out on the reuse or recycle route. Greenhouse
gases are energy × the emission factor valid in the middle of the year (factories.balances.factor_for), as the
mass-balance page computes them. Complaints are the factories' inspections of the kind complaint, by date.
"""

import datetime
import itertools
from collections import defaultdict

from django.db.models import Count, Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ecotown.core.dates import to_ce
from ecotown.factories.balances import factor_for
from ecotown.factories.choices import (
    TO_TONNES,
    FlowCategory,
    FlowDirection,
    InspectionKind,
    MassBalanceStatus,
    Unit,
    WasteRoute,
)
from ecotown.factories.models import EmissionFactor, Factory, Flow, Inspection, MassBalance
from ecotown.reports.charts import Chart
from ecotown.reports.sections import Table, change_percent

REUSED = (WasteRoute.REUSE, WasteRoute.RECYCLE)
TO_M3 = {Unit.CUBIC_METRE: 1.0, Unit.LITRE: 0.001, Unit.TONNE: 1.0, Unit.KILOGRAM: 0.001}  # water: 1 t = 1 m³


def yearly_figures(inp) -> dict:
    """{year: {"waste": {route: t}, "hazardous_t", "water_m3", "reused_m3", "energy": {(carrier, unit): qty},
    "scope1_t", "scope2_t", "complaints", "balances", "missing_factors"}} from the records."""
    factories = Factory.objects.filter(areas=inp.area).values("pk")
    accepted = MassBalance.objects.filter(factory__in=factories, status=MassBalanceStatus.ACCEPTED,
                                          month__isnull=True, year__in=inp.years)  # fmt: skip
    figures = {year: _empty() for year in inp.years}
    for year, number in accepted.values("year").order_by().annotate(n=Count("pk")).values_list("year", "n"):
        figures[year]["balances"] = number
    sums = (Flow.objects.filter(mass_balance__in=accepted.values("pk"))
            .values("mass_balance__year", "category", "direction", "route", "hazardous", "unit", "carrier")
            .order_by().annotate(total=Sum("quantity")))  # fmt: skip
    factors = list(EmissionFactor.objects.all())
    for row in sums:
        _add(figures[row["mass_balance__year"]], row, float(row["total"]), factors)
    complaints = Inspection.objects.filter(factory__in=factories, kind=InspectionKind.COMPLAINT)
    for year in inp.years:
        first, last = inp.year_bounds(year)
        figures[year]["complaints"] = complaints.filter(occurred_on__gte=first, occurred_on__lte=last).count()
    return figures


def _empty() -> dict:
    return {"waste": defaultdict(float), "hazardous_t": 0.0, "water_m3": 0.0, "reused_m3": 0.0,
            "energy": defaultdict(float), "scope1_t": 0.0, "scope2_t": 0.0, "complaints": 0, "balances": 0,
            "missing_factors": set()}  # fmt: skip


def _add(year: dict, row: dict, quantity: float, factors) -> None:
    category, unit = row["category"], row["unit"]
    if category == FlowCategory.WASTE and unit in TO_TONNES:
        tonnes = quantity * TO_TONNES[unit]
        year["waste"][row["route"] or ""] += tonnes
        if row["hazardous"]:
            year["hazardous_t"] += tonnes
    elif category == FlowCategory.WATER and row["direction"] == FlowDirection.IN and unit in TO_M3:
        year["water_m3"] += quantity * TO_M3[unit]
    if (category in (FlowCategory.WATER, FlowCategory.WASTEWATER) and row["direction"] == FlowDirection.OUT
            and row["route"] in REUSED and unit in TO_M3):  # fmt: skip
        year["reused_m3"] += quantity * TO_M3[unit]
    if category == FlowCategory.ENERGY:
        year["energy"][(row["carrier"], unit)] += quantity
        _greenhouse_gases(year, row, quantity, factors)


def _greenhouse_gases(year: dict, row: dict, quantity: float, factors) -> None:
    balance_year = row["mass_balance__year"]
    factor = factor_for(factors, row["carrier"], row["unit"], datetime.date(to_ce(balance_year), 7, 1))
    if factor is None:
        year["missing_factors"].add(f"{row['carrier']} ({row['unit']})")
        return
    tonnes = quantity * float(factor.kg_co2e) / 1000
    year["scope1_t" if factor.scope_number == 1 else "scope2_t"] += tonnes


CARRIERS = {
    "electricity": gettext_lazy("electricity"),
    "diesel": gettext_lazy("diesel"),
    "lpg": gettext_lazy("LPG"),
    "natural_gas": gettext_lazy("natural gas"),
    "fuel_oil_c": gettext_lazy("fuel oil C"),
    "gasoline": gettext_lazy("gasoline"),
    "lignite": gettext_lazy("lignite"),
}  # the carriers of factories/data/emission_factors.yaml; another is shown by its code


def carrier_label(carrier: str) -> str:
    return str(CARRIERS.get(carrier, carrier))


def indicator_rows(inp, figures) -> list[tuple[str, str, list]]:
    """(indicator, unit, value per year) in the order the report prints them."""
    years = inp.years
    routes = dict(WasteRoute.choices)
    rows = [(_("Waste: {route}").format(route=routes[route]), _("tonnes"),
             [figures[y]["waste"].get(route, 0.0) for y in years]) for route in WasteRoute.values]  # fmt: skip
    rows += [
        (_("Waste in total"), _("tonnes"), [sum(figures[y]["waste"].values()) for y in years]),
        (_("Hazardous waste"), _("tonnes"), [figures[y]["hazardous_t"] for y in years]),
        (_("Water used"), _("m³"), [figures[y]["water_m3"] for y in years]),
        (_("Water reused or recycled"), _("m³"), [figures[y]["reused_m3"] for y in years]),
    ]
    carriers = sorted({key for y in years for key in figures[y]["energy"]})
    units = dict(Unit.choices)
    rows += [
        (
            _("Energy: {carrier}").format(carrier=carrier_label(carrier)),
            str(units.get(unit, unit)),
            [figures[y]["energy"].get((carrier, unit), 0.0) for y in years],
        )
        for carrier, unit in carriers
    ]
    rows += [
        (_("Greenhouse gases, scope 1"), _("t CO2e"), [figures[y]["scope1_t"] for y in years]),
        (_("Greenhouse gases, scope 2"), _("t CO2e"), [figures[y]["scope2_t"] for y in years]),
        (_("Greenhouse gases, scope 1 + 2"), _("t CO2e"), [figures[y]["scope1_t"] + figures[y]["scope2_t"]
                                                          for y in years]),
        (_("Complaints"), _("complaints"), [figures[y]["complaints"] for y in years]),
        (_("Factories with an accepted balance"), _("factories"), [figures[y]["balances"] for y in years]),
    ]  # fmt: skip
    return rows


def build(inp, result) -> None:
    figures = yearly_figures(inp)
    indicators = indicator_rows(inp, figures)
    years = inp.years
    rows, changes = [], []
    for label, unit, values in indicators:
        change = change_percent(values[0], values[-1])
        rows.append([label, unit, *[round(v, 2) for v in values], round(change, 1) if change is not None else None])
        steps = [change_percent(a, b) for a, b in itertools.pairwise(values)]
        changes.append([label, *[round(s, 1) if s is not None else None for s in steps]])
    result.tables.append(
        Table(
            "outcomes",
            _("Outcomes by fiscal year"),
            [
                _("Indicator"),
                _("Unit"),
                *[str(y) for y in years],
                _("Change {baseline}→{current} (%)").format(baseline=inp.baseline, current=inp.current),
            ],
            rows,
        )
    )
    result.tables.append(Table("outcome_changes", _("Change from the year before (%)"), [
        _("Indicator"), *[f"{a}→{b}" for a, b in itertools.pairwise(years)]], changes))  # fmt: skip
    _missing(inp, figures, result)
    _charts(inp, figures, result)


def _missing(inp, figures, result) -> None:
    factories = Factory.objects.filter(areas=inp.area).values("pk")
    total = Factory.objects.filter(areas=inp.area).count()
    waiting = dict(MassBalance.objects.filter(factory__in=factories, month__isnull=True, year__in=inp.years)
                   .exclude(status=MassBalanceStatus.ACCEPTED).values("year").order_by().annotate(n=Count("pk"))
                   .values_list("year", "n"))  # fmt: skip
    for year in inp.years:
        lacking = total - figures[year]["balances"]
        if lacking > 0:
            result.missing.append(_("Outcomes: {n} of {total} factories have no accepted mass balance for {year} "
                                    "({waiting} submitted or in draft).").format(
                                        n=lacking, total=total, year=year, waiting=waiting.get(year, 0)))  # fmt: skip
        for carrier in sorted(figures[year]["missing_factors"]):
            result.missing.append(_("Outcomes: no emission factor for {carrier} in {year}; its greenhouse gases are "
                                    "not counted.").format(carrier=carrier, year=year))  # fmt: skip


def _charts(inp, figures, result) -> None:
    years = [str(y) for y in inp.years]
    series = lambda key: [figures[y][key] for y in inp.years]  # noqa: E731
    routes = dict(WasteRoute.choices)
    result.charts += [
        Chart(_("Waste by management route"), _("tonnes"), years,
              [(str(routes[r]), [figures[y]["waste"].get(r, 0.0) for y in inp.years]) for r in WasteRoute.values],
              stacked=True),
        Chart(_("Hazardous waste"), _("tonnes"), years, [(_("Hazardous waste"), series("hazardous_t"))]),
        Chart(_("Water used and reused"), _("m³"), years,
              [(_("used"), series("water_m3")), (_("reused or recycled"), series("reused_m3"))]),
        Chart(_("Electricity used"), _("MWh"), years,
              [(_("electricity"), [figures[y]["energy"].get(("electricity", Unit.KWH), 0.0) / 1000
                                   for y in inp.years])]),
        Chart(_("Greenhouse gases, scope 1 + 2"), _("t CO2e"), years,
              [(_("scope 1"), series("scope1_t")), (_("scope 2"), series("scope2_t"))], stacked=True),
        Chart(_("Complaints"), _("complaints"), years, [(_("Complaints"), series("complaints"))]),
    ]  # fmt: skip
