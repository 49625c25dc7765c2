import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F

from ecotown.accounts.choices import Role
from ecotown.accounts.testing import assign, make_user
from ecotown.factories import balances, services
from ecotown.factories.models import EmissionFactor, Flow
from ecotown.factories.testing import make_factory, make_mass_balance

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(world):
    balances.load_emission_factors()
    operator = make_user()
    assign(operator, Role.FACTORY_OPERATOR)
    factory = make_factory(world.province_a, areas=[world.area_a1], operators=[operator])
    return world, operator, factory


def test_the_operator_submits_and_the_officer_returns_then_accepts(setup):
    world, operator, factory = setup
    balance = make_mass_balance(factory, 2569)
    with pytest.raises(ValidationError):
        services.accept_mass_balance(balance, acting_user=world.users["officer_a"])  # not submitted yet
    services.submit_mass_balance(balance, acting_user=operator)
    with pytest.raises(PermissionDenied):
        services.accept_mass_balance(balance, acting_user=operator)  # an operator cannot review
    with pytest.raises(ValidationError, match="reason"):
        services.return_mass_balance(balance, acting_user=world.users["officer_a"], reason=" ")
    with pytest.raises(PermissionDenied):
        services.accept_mass_balance(balance, acting_user=world.users["officer_b"])  # another province
    services.return_mass_balance(balance, acting_user=world.users["officer_a"], reason="น้ำเข้าไม่เท่าน้ำออก")
    assert balance.status == "returned"
    assert balance.is_open
    services.submit_mass_balance(balance, acting_user=operator)
    services.accept_mass_balance(balance, acting_user=world.users["officer_a"])
    assert balance.status == "accepted"
    assert balance.history.latest().history_user == world.users["officer_a"]
    assert [record.status for record in balance.history.order_by("history_date")][-4:] == [
        "submitted", "returned", "submitted", "accepted"
    ]  # fmt: skip


def test_an_empty_balance_cannot_be_submitted(setup):
    _world, operator, factory = setup
    balance = make_mass_balance(factory, 2569, flows=[])
    with pytest.raises(ValidationError, match="flows"):
        services.submit_mass_balance(balance, acting_user=operator)


def test_the_summary_checks_closure_and_computes_ghg_with_the_factor_in_force(setup):
    _world, _operator, factory = setup
    summary = balances.summarise(make_mass_balance(factory, 2569))  # 2026: the grid factor of 1 Jan 2026
    assert summary.check.total_in == pytest.approx(1000)
    assert summary.check.total_out == pytest.approx(990)
    assert summary.check.gap_percent == pytest.approx(1.0)
    assert summary.scope2_t == pytest.approx(500_000 * 0.4750 / 1000)
    assert summary.waste_by_route == {"landfill": pytest.approx(10)}
    earlier = balances.summarise(make_mass_balance(factory, 2568))  # 2025: the earlier factor
    assert earlier.scope2_t == pytest.approx(500_000 * 0.4999 / 1000)


def test_a_gross_error_in_a_balance_is_pointed_at(setup):
    _world, _operator, factory = setup
    flows = [("in", "raw_material", "วัตถุดิบ", 1000, "t", {}), ("in", "water", "น้ำ", 500, "m3", {}),
             ("out", "product", "สินค้า", 990, "t", {}), ("out", "wastewater", "น้ำทิ้ง", 100, "m3", {}),
             ("out", "waste", "เศษ", 10, "t", {"waste_code": "020305", "route": "recycle"})]  # fmt: skip
    summary = balances.summarise(make_mass_balance(factory, 2569, flows=flows))
    assert summary.check.warning  # 400 t of water unaccounted for
    assert summary.reconciliation.global_test.rejected
    # One balance cannot say which of its flows is wrong: every measurement test is the same (docs/mass-balance.md).
    tests = {round(z, 6) for z in summary.reconciliation.measurement_tests.values()}
    assert len(tests) == 1
    assert summary.suspect is not None


def test_emission_factors_load_idempotently():
    balances.load_emission_factors()
    balances.load_emission_factors()
    grid = EmissionFactor.objects.filter(carrier="electricity").order_by(F("valid_from").asc(nulls_first=True))
    assert [str(f.kg_co2e) for f in grid] == ["0.4999", "0.4750"]
    assert balances.factor_for(list(grid), "electricity", "kWh", datetime.date(2025, 12, 31)).kg_co2e == Decimal(
        "0.4999"
    )


def test_a_waste_flow_needs_its_code_and_route(setup):
    _world, _operator, factory = setup
    flow = Flow(mass_balance=make_mass_balance(factory, 2569, flows=[]), direction="out", category="waste",
                name="กาก", quantity=1, unit="t")  # fmt: skip
    with pytest.raises(ValidationError) as error:
        flow.full_clean()
    assert {"waste_code", "route"} <= set(error.value.message_dict)


def test_the_operator_enters_a_year_through_the_page_and_submits(setup, client_for):
    world, operator, factory = setup
    client = client_for(operator)
    data = {"year": "2569", "flows-TOTAL_FORMS": "2", "flows-INITIAL_FORMS": "0",
            "flows-0-direction": "in", "flows-0-category": "raw_material", "flows-0-name": "ข้าวโพด",
            "flows-0-quantity": "100", "flows-0-unit": "t",
            "flows-1-direction": "out", "flows-1-category": "product", "flows-1-name": "แป้ง",
            "flows-1-quantity": "98", "flows-1-unit": "t"}  # fmt: skip
    response = client.post(f"/factories/{factory.pk}/mass-balances/add/", data)
    assert response.status_code == 302, response.content[:500]
    balance = factory.mass_balances.get()
    assert balance.flows.count() == 2
    client.post(f"/factories/mass-balances/{balance.pk}/step/", {"step": "submit"})
    balance.refresh_from_db()
    assert balance.status == "submitted"
    # Frozen: the operator's edit is refused with the reason.
    edit = client.post(f"/factories/mass-balances/{balance.pk}/edit/", {**data, "revision": balance.revision,
                                                                        "flows-TOTAL_FORMS": "0"})  # fmt: skip
    assert edit.status_code == 200
    assert "no longer be changed" in edit.content.decode()
    other = make_factory(world.province_a)
    assert client.get(f"/factories/{other.pk}/mass-balances/add/").status_code == 404


def test_the_demo_fills_an_area_with_30_factories_and_one_flagged_balance(db):
    from ecotown.accounts.demo import seed_accounts
    from ecotown.accounts.models import User
    from ecotown.areas.loaders import load_first_wave
    from ecotown.factories import demo
    from ecotown.factories.models import Factory, MassBalance

    load_first_wave()
    seed_accounts()
    assert demo.seed_demo().startswith("32")
    assert demo.seed_demo().startswith("0")  # idempotent
    factories = Factory.objects.filter(areas__code=demo.AREA)
    assert factories.count() >= 30
    assert not factories.filter(is_demo=False).exists()
    assert factories.filter(operators__username="operator.factory").count() == 1
    flagged = [b for b in MassBalance.objects.filter(factory__in=factories)
               if (s := balances.summarise(b)).reconciliation and s.reconciliation.global_test.rejected]  # fmt: skip
    assert [(b.factory.registration_number, b.year) for b in flagged] == [("10130000900004", 2568)]
    from django.test import Client

    client = Client()
    client.force_login(User.objects.get(username="officer.pathumthani"))
    page = client.get(f"/factories/areas/{demo.AREA}/guideline/").content.decode()
    assert "10130000900004" not in page  # names, not numbers, are shown
    assert Factory.objects.get(registration_number="10130000900004").name in page.split("guideline-suspects")[1]


def test_the_sankey_links_inputs_to_the_factory_and_the_factory_to_outputs(setup):
    _world, _operator, factory = setup
    balance = make_mass_balance(factory, 2569)
    diagram = balances.sankey(balance, list(balance.flows.all()))
    assert {"source": "→ แป้งมันสำปะหลัง", "target": str(factory), "value": 800.0} in diagram["links"]
    assert {"source": str(factory), "target": "← กากตะกอน", "value": 10.0} in diagram["links"]
    assert all(link["source"] != "→ ไฟฟ้า" for link in diagram["links"])  # energy is not mass
