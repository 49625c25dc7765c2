"""Outcome totals summed by the database are the factories app's own area totals, and few reporters hide them."""

import pytest

from ecotown.dashboards.outcomes import MIN_FACTORIES, accepted_balances, outcome_totals
from ecotown.factories import balances
from ecotown.factories.choices import MassBalanceStatus
from ecotown.factories.testing import make_factory, make_mass_balance

ACCEPTED = MassBalanceStatus.ACCEPTED
MIXED = [
    ("in", "water", "น้ำบาดาล", 1500, "m3", {}),
    ("in", "water", "น้ำประปา", 2000, "kg", {}),
    ("in", "energy", "ไฟฟ้า", 120_000, "kWh", {"carrier": "electricity"}),
    ("in", "energy", "ดีเซล", 3000, "L", {"carrier": "diesel"}),
    ("out", "waste", "เศษโลหะ", 40, "t", {"waste_code": "120101", "route": "recycle"}),
    ("out", "waste", "น้ำมันใช้แล้ว", 800, "kg", {"waste_code": "130205", "route": "energy_recovery",
                                                   "hazardous": True}),
    ("out", "waste", "กากตะกอน", 12.5, "t", {"waste_code": "020305", "route": "landfill"}),
]  # fmt: skip


@pytest.fixture
def reporting(world):
    from ecotown.factories.balances import load_emission_factors

    load_emission_factors()
    factories = [make_factory(world.province_a, areas=[world.area_a1]) for _ in range(MIN_FACTORIES)]
    for year in (2567, 2568):
        for index, factory in enumerate(factories):
            make_mass_balance(factory, year, flows=MIXED if index else None, status=ACCEPTED)
    make_mass_balance(factories[0], 2566, status=MassBalanceStatus.SUBMITTED)  # not accepted: not counted
    return factories


def test_the_sums_are_the_area_totals_of_the_factories_app(reporting):
    accepted = accepted_balances()
    summed = outcome_totals(accepted)
    looped = balances.area_totals(accepted.prefetch_related("flows"))
    assert list(summed) == list(looped) == [2567, 2568]
    for year, totals in looped.items():
        outcome = summed[year]
        assert outcome.factories == totals["factories"] == MIN_FACTORIES
        assert outcome.water_m3 == pytest.approx(totals["water_m3"])
        assert outcome.ghg_t == pytest.approx(totals["ghg_t"])
        assert dict(outcome.waste) == pytest.approx(totals["waste"])
        assert outcome.hazardous_t == pytest.approx(2 * 0.8)
        assert outcome.energy[("electricity", "kWh")] == 500_000 + 2 * 120_000
        assert outcome.disclosed
        assert not outcome.missing_factors


def test_a_year_with_too_few_factories_is_not_disclosed(reporting, world):
    outcome = outcome_totals(accepted_balances(reporting[:1]))[2568]
    assert outcome.factories == 1
    assert not outcome.disclosed
