"""Matching from the database, following a candidate up, and a realised exchange in both balances."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ecotown.factories.models import Flow, MassBalance
from ecotown.factories.testing import make_mass_balance
from ecotown.symbiosis import outcomes, services
from ecotown.symbiosis.choices import ExchangeStatus
from ecotown.symbiosis.matching import NOT_LICENSED
from ecotown.symbiosis.models import Exchange, ExchangeFlow
from ecotown.symbiosis.table import load_table
from ecotown.symbiosis.testing import make_pair, make_processor

pytestmark = pytest.mark.django_db


@pytest.fixture
def table(db):
    return load_table()


@pytest.fixture
def pair(world, table):
    return make_pair(world.province_a, world.area_a1)


def test_matching_proposes_the_pair_from_the_accepted_balances(world, pair, table):
    supplier, receiver = pair
    run = services.run_matching(world.area_a1, acting_user=world.diw_admin)
    exchange = Exchange.objects.get()
    assert (exchange.supplier, exchange.receiver, exchange.category) == (supplier, receiver, "food-sludge")
    assert exchange.quantity == Decimal("200.000")  # the fertiliser maker takes 200 of the 300 t
    assert exchange.landfill_avoided_t == Decimal("200.000")
    assert exchange.status == ExchangeStatus.PROPOSED
    assert (run.balances, run.candidates, exchange.run) == (2, 1, run)
    assert exchange.history.first().history_user == world.diw_admin


def test_matching_again_refreshes_proposed_candidates_and_leaves_followed_ones(world, pair, table):
    services.run_matching(world.area_a1, acting_user=world.diw_admin)
    exchange = Exchange.objects.get()
    services.contact(exchange, acting_user=world.officer_a)
    Flow.objects.filter(name="วัตถุดิบปุ๋ยหมัก").update(quantity=100)
    services.run_matching(world.area_a1, acting_user=world.diw_admin)
    exchange.refresh_from_db()
    assert exchange.quantity == Decimal("200.000")  # contacted: the figure stays as it was


def test_a_draft_balance_is_not_matched(world, table):
    supplier, _receiver = make_pair(world.province_a, world.area_a1)
    MassBalance.objects.filter(factory=supplier).update(status="draft")
    assert services.run_matching(world.area_a1, acting_user=world.diw_admin).candidates == 0


def test_hazardous_waste_is_refused_to_an_unlicensed_receiver_and_the_reason_kept(world, table):
    solvent = [("in", "raw_material", "สีและตัวทำละลาย", 100, "t", {}), ("out", "product", "งานพ่นสี", 60, "t", {}),
               ("out", "waste", "ตัวทำละลายใช้แล้ว", 40, "t", {"waste_code": "140603", "hazardous": True,
                                                         "route": "treatment"})]  # fmt: skip
    wants = [("in", "raw_material", "ตัวทำละลายใช้แล้ว", 50, "t", {}), ("out", "product", "ตัวทำละลายกลั่น", 50, "t", {})]
    supplier = make_processor(world.province_a, world.area_a1, at=(14.0, 100.5), type_code="", licensed=False)
    licensed = make_processor(world.province_a, world.area_a1, at=(14.01, 100.5), type_code="10600")
    lapsed = make_processor(world.province_a, world.area_a1, at=(14.02, 100.5), type_code="10500", licensed=False)
    make_mass_balance(supplier, 2568, flows=solvent, status="accepted")
    for factory in (licensed, lapsed):
        make_mass_balance(factory, 2568, flows=wants, status="accepted")
    run = services.run_matching(world.area_a1, acting_user=world.diw_admin)
    assert list(Exchange.objects.values_list("receiver", flat=True)) == [licensed.pk]
    assert run.excluded == {NOT_LICENSED: 1}
    assert run.examples[0]["receiver"] == lapsed.pk


def test_steps_follow_the_workflow_and_need_the_permission(world, pair, table):
    services.run_matching(world.area_a1, acting_user=world.diw_admin)
    exchange = Exchange.objects.get()
    with pytest.raises(ValidationError):
        services.start_trial(exchange, acting_user=world.officer_a)  # not contacted yet
    with pytest.raises(PermissionDenied):
        services.contact(exchange, acting_user=world.officer_b)
    with pytest.raises(PermissionDenied):
        services.contact(exchange, acting_user=world.auditor_a1)  # reads, does not follow up
    services.contact(exchange, acting_user=world.secretary_a1)
    with pytest.raises(ValidationError):
        services.drop(exchange, acting_user=world.secretary_a1, reason="  ")
    services.drop(exchange, acting_user=world.secretary_a1, reason="ผู้รับไม่ต้องการ")
    assert (exchange.status, exchange.status_reason) == (ExchangeStatus.DROPPED, "ผู้รับไม่ต้องการ")
    assert exchange.history.first().history_change_reason == "ผู้รับไม่ต้องการ"


def test_a_realised_exchange_becomes_a_flow_in_both_balances_from_its_start(world, pair, table):
    services.run_matching(world.area_a1, acting_user=world.diw_admin)
    exchange = Exchange.objects.get()
    services.contact(exchange, acting_user=world.officer_a)
    services.realise(exchange, acting_user=world.officer_a, start_date=datetime.date(2025, 7, 1), quantity=150,
                     today=datetime.date(2026, 3, 1))  # fmt: skip
    links = {(link.side, link.year): link.flow for link in ExchangeFlow.objects.select_related("flow__mass_balance")}
    # 2568 (2025): both balances are accepted and frozen, so nothing is added there; 2569 has no balance yet:
    # drafts are made and take the year's quantity.
    assert set(links) == {("supplier", 2569), ("receiver", 2569)}
    supplied, received = links[("supplier", 2569)], links[("receiver", 2569)]
    assert (supplied.direction, supplied.category, supplied.waste_code, supplied.route) == ("out", "waste", "020305",
                                                                                            "reuse")  # fmt: skip
    assert (received.direction, received.category) == ("in", "raw_material")
    assert supplied.quantity == received.quantity == Decimal("150.000")
    assert supplied.mass_balance.status == "draft"
    # Once the office reopens 2568, the flow goes in for the share of the year it ran: 1 Jul – 31 Dec 2025.
    MassBalance.objects.filter(year=2568).update(status="returned")
    report = services.post_flows(exchange, acting_user=world.officer_a, today=datetime.date(2026, 3, 1))
    assert set(report["posted"]) == {("supplier", 2568), ("receiver", 2568)}
    share = services.share_of_year(datetime.date(2025, 7, 1), None, datetime.date(2025, 1, 1),
                                   datetime.date(2025, 12, 31))  # fmt: skip
    assert share == pytest.approx(184 / 365)
    posted = ExchangeFlow.objects.get(side="supplier", year=2568).flow.quantity
    assert posted == (Decimal(150) * Decimal(str(share))).quantize(Decimal("0.001"))


def test_realising_takes_the_quantity_off_the_landfill_so_the_balance_closes(world, table):
    supplier, receiver = make_pair(world.province_a, world.area_a1, year=2569)
    services.run_matching(world.area_a1, acting_user=world.diw_admin)
    MassBalance.objects.update(status="draft")  # open again, as if returned for the exchange
    exchange = Exchange.objects.get()
    services.contact(exchange, acting_user=world.officer_a)
    services.realise(exchange, acting_user=world.officer_a, start_date=datetime.date(2026, 1, 1), quantity=120,
                     today=datetime.date(2026, 12, 31))  # fmt: skip
    flows = {flow.name: flow.quantity for flow in Flow.objects.filter(mass_balance__factory=supplier)}
    assert flows["กากตะกอนบำบัดน้ำเสีย"] == Decimal("180.000")  # 300 landfilled − 120 now reused
    assert sum(q for name, q in flows.items() if name != "มันสำปะหลังสด") == Decimal("1000.000")
    received = {flow.name: flow.quantity for flow in Flow.objects.filter(mass_balance__factory=receiver)}
    assert received["วัตถุดิบปุ๋ยหมัก"] == Decimal("80.000")  # 200 − 120 replaced by the sludge
    again = services.post_flows(exchange, acting_user=world.officer_a, today=datetime.date(2026, 12, 31))
    assert again == {"posted": [], "waiting": []}


def test_totals_and_links_per_fiscal_year(world, pair, table):
    services.run_matching(world.area_a1, acting_user=world.diw_admin)
    exchange = Exchange.objects.get()
    Exchange.objects.filter(pk=exchange.pk).update(status=ExchangeStatus.REALISED,
                                                   start_date=datetime.date(2025, 4, 1))  # fmt: skip
    exchange.refresh_from_db()
    [row] = outcomes.totals_by_year([exchange], [2568])
    # FY 2568 = 1 Oct 2024 – 30 Sep 2025 (365 days); the exchange ran 1 Apr – 30 Sep: 183 days.
    share = 183 / 365
    assert row["tonnes"] == pytest.approx(200 * share)
    assert row["landfill_avoided_t"] == pytest.approx(200 * share)
    assert (row["exchanges"], row["links"]) == (1, 1)


def test_links_count_groups_of_factories():
    chain = [Exchange(supplier_id=1, receiver_id=2), Exchange(supplier_id=2, receiver_id=3),
             Exchange(supplier_id=7, receiver_id=8)]  # fmt: skip
    assert outcomes.links(chain) == 2
