"""The matching engine on worked examples: each expected figure is computed here from the table's numbers."""

import math

import pytest
import yaml

from ecotown.symbiosis.matching import (
    BELOW_LIMIT,
    NO_COORDINATES,
    NOT_LICENSED,
    TOO_FAR,
    Line,
    Site,
    category_of,
    haversine_km,
    match,
)
from ecotown.symbiosis.table import TABLE


@pytest.fixture(scope="module")
def table():
    return yaml.safe_load(TABLE.read_text(encoding="utf-8"))


def sludge(factory, tonnes, route="landfill", code="020305", hazardous=False):
    return Line(factory, "out", "waste", "กากตะกอน", tonnes, "t", tonnes, code, hazardous, route)


def needs(factory, tonnes, name="วัตถุดิบปุ๋ยหมัก"):
    return Line(factory, "in", "raw_material", name, tonnes, "t", tonnes)


def straight_km(a, b):
    """Haversine written out, for the test: 2R·asin√(sin²(Δφ/2) + cosφ₁cosφ₂sin²(Δλ/2))."""
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    dp, dl = p2 - p1, math.radians(b[1] - a[1])
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def test_haversine_matches_a_known_distance():
    # One degree of latitude is πR/180 km.
    assert haversine_km(14, 100, 15, 100) == pytest.approx(math.pi * 6371.0088 / 180)


def test_a_sludge_goes_to_the_fertiliser_maker_with_its_figures(table):
    a, b = (14.00, 100.50), (14.05, 100.55)
    sites = [Site(1, *a), Site(2, *b)]
    result = match(table, sites, [sludge(1, 300), needs(2, 200)])
    [candidate] = result.candidates
    road = straight_km(a, b) * table["road_factor"]
    moved = min(300, 200)  # the receiver takes 200 of the 300 t
    category = next(c for c in table["categories"] if c["code"] == "food-sludge")
    ghg = (moved * table["avoided_route_t_co2e_per_t"]["landfill"] + moved * category["virgin_t_co2e_per_unit"]
           - moved * road * table["transport_kg_co2e_per_tkm"] / 1000)  # fmt: skip
    assert (candidate.supplier_id, candidate.receiver_id, candidate.category) == (1, 2, "food-sludge")
    assert candidate.quantity == pytest.approx(moved)
    assert candidate.distance_km == pytest.approx(road)
    assert candidate.replaces == "landfill"
    assert candidate.landfill_avoided_t == pytest.approx(moved)
    assert candidate.ghg_avoided_t == pytest.approx(ghg)


def test_landfilled_waste_is_diverted_first(table):
    # 100 t landfilled and 150 t incinerated; the receiver takes 180 t: 100 from landfill, 80 from incineration.
    lines = [sludge(1, 100), sludge(1, 150, route="treatment"), needs(2, 180)]
    [candidate] = match(table, [Site(1, 14, 100.5), Site(2, 14.01, 100.5)], lines).candidates
    factors = table["avoided_route_t_co2e_per_t"]
    category = next(c for c in table["categories"] if c["code"] == "food-sludge")
    road = straight_km((14, 100.5), (14.01, 100.5)) * table["road_factor"]
    expected = (100 * factors["landfill"] + 80 * factors["incineration"] + 180 * category["virgin_t_co2e_per_unit"]
                - 180 * road * table["transport_kg_co2e_per_tkm"] / 1000)  # fmt: skip
    assert candidate.landfill_avoided_t == pytest.approx(100)
    assert candidate.ghg_avoided_t == pytest.approx(expected)


def test_candidates_rank_by_tonnes_then_distance(table):
    sites = [Site(1, 14.0, 100.5), Site(2, 14.1, 100.5), Site(3, 14.02, 100.5), Site(4, 14.3, 100.5)]
    lines = [sludge(1, 500), needs(2, 300), needs(3, 300), needs(4, 400)]
    ranked = [(c.receiver_id, c.quantity) for c in match(table, sites, lines).candidates]
    # 4 takes the most (400 t); 2 and 3 take 300 t each, and 3 is nearer.
    assert ranked == [(4, 400), (3, 300), (2, 300)]


def test_each_output_keeps_only_the_best_receivers(table):
    keep = table["receivers_per_output"]
    sites = [Site(1, 14.0, 100.5)] + [Site(10 + n, 14.0 + 0.01 * n, 100.5) for n in range(keep + 3)]
    lines = [sludge(1, 50)] + [needs(10 + n, 100) for n in range(keep + 3)]
    chosen = [c.receiver_id for c in match(table, sites, lines).candidates]
    assert chosen == [10 + n for n in range(keep)]  # equal quantities: the nearest


def test_hazardous_waste_goes_only_to_a_licensed_processor(table):
    solvent = Line(1, "out", "waste", "ตัวทำละลายใช้แล้ว", 40, "t", 40, "140603", True, "treatment")
    wants = [Line(n, "in", "raw_material", "ตัวทำละลายใช้แล้ว", 50, "t", 50) for n in (2, 3)]
    sites = [Site(1, 14, 100.5), Site(2, 14.01, 100.5, licensed_for_hazardous=True), Site(3, 14.02, 100.5)]
    result = match(table, sites, [solvent, *wants])
    assert [c.receiver_id for c in result.candidates] == [2]
    assert result.excluded == {NOT_LICENSED: 1}
    assert [(e.receiver_id, e.reason) for e in result.examples] == [(3, NOT_LICENSED)]


def test_far_pairs_and_factories_without_coordinates_are_left_out_with_the_reason(table):
    far = table["max_distance_km"]["material"] / table["road_factor"] / (math.pi * 6371.0088 / 180) + 0.01
    sites = [Site(1, 14.0, 100.5), Site(2, 14.0 + far, 100.5), Site(3, None, None)]
    result = match(table, sites, [sludge(1, 10), needs(2, 10), needs(3, 10)])
    assert result.candidates == []
    assert result.excluded == {TOO_FAR: 1, NO_COORDINATES: 1}


def test_a_factory_is_never_its_own_receiver(table):
    result = match(table, [Site(1, 14, 100.5)], [sludge(1, 10), needs(1, 10)])
    assert result.candidates == []
    assert not result.excluded


def test_water_and_heat_are_matched_by_their_own_distances(table):
    water_out = Line(1, "out", "wastewater", "น้ำทิ้งที่บำบัดแล้ว", 300, "m3", 300)
    cooling = Line(2, "in", "water", "น้ำหล่อเย็น", 200, "m3", 200)
    steam_out = Line(1, "out", "energy", "ไอน้ำส่วนเกิน", 1000, "kWh", None, carrier="steam")
    steam_in = Line(2, "in", "energy", "ไอน้ำ", 5000, "MJ", None, carrier="steam")
    sites = [Site(1, 14.0, 100.5), Site(2, 14.005, 100.5)]
    found = {c.category: c for c in match(table, sites, [water_out, cooling, steam_out, steam_in]).candidates}
    assert found["treated-water"].quantity == 200
    assert found["treated-water"].unit == "m3"
    assert found["surplus-heat"].quantity == pytest.approx(3600)  # 1,000 kWh × 3.6 MJ/kWh
    assert found["treated-water"].diverted_t == 0  # not waste: ranks after the materials


def test_inputs_are_recognised_by_words_and_outputs_by_code(table):
    assert category_of(table, needs(2, 1, name="ปุ๋ยหมักชีวภาพ"))["code"] == "food-sludge"
    assert category_of(table, needs(2, 1, name="แป้งมัน")) is None
    assert category_of(table, sludge(1, 1, code="100102"))["code"] == "ash"


def test_an_area_keeps_its_best_candidates_and_counts_the_rest(table):
    limited = {**table, "candidates_per_area": 2}
    sites = [Site(n, 14.0 + 0.001 * n, 100.5) for n in range(1, 5)]
    lines = [sludge(1, 100), sludge(2, 50), sludge(3, 10), needs(4, 1000)]
    result = match(limited, sites, lines)
    assert [c.supplier_id for c in result.candidates] == [1, 2]
    assert result.excluded == {BELOW_LIMIT: 1}


def test_only_the_given_suppliers_supply(table):
    sites = [Site(1, 14.0, 100.5), Site(2, 14.01, 100.5)]
    lines = [sludge(1, 10), needs(1, 10), sludge(2, 10), needs(2, 10)]
    assert [(c.supplier_id, c.receiver_id) for c in match(table, sites, lines, suppliers={2}).candidates] == [(2, 1)]
