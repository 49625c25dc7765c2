"""The area's network page, its Excel export, the exchange page's steps, the API, and their query budgets."""

import datetime
import io
import json

import pytest
from openpyxl import load_workbook

from ecotown.symbiosis import services
from ecotown.symbiosis.choices import ExchangeStatus
from ecotown.symbiosis.models import Exchange
from ecotown.symbiosis.table import load_table
from ecotown.symbiosis.testing import make_pair

MAX_QUERIES = 12

pytestmark = pytest.mark.django_db


def add_pairs(world, count, start=0):
    for n in range(start, start + count):
        make_pair(world.province_a, world.area_a1, supplier_at=(14.0 + n * 0.001, 100.5),
                  receiver_at=(14.01 + n * 0.001, 100.52), supplier=f"บริษัท แป้ง {n} จำกัด",
                  receiver=f"บริษัท ปุ๋ย {n} จำกัด")  # fmt: skip
    return services.run_matching(world.area_a1, acting_user=world.diw_admin)


@pytest.fixture
def realised(world):
    load_table()
    add_pairs(world, 1)
    exchange = Exchange.objects.get()
    services.contact(exchange, acting_user=world.officer_a)
    services.realise(exchange, acting_user=world.officer_a, start_date=datetime.date(2025, 10, 1))
    return exchange


def network_url(area, suffix=""):
    return f"/symbiosis/areas/{area.code}/{suffix}"


def test_the_area_page_draws_the_network_and_the_totals(world, client_for, realised):
    response = client_for(world.secretary_a1).get(network_url(world.area_a1))
    assert response.status_code == 200
    page = response.content.decode()
    start = page.index('id="symbiosis-network-data"')
    data = json.loads(page[page.index(">", start) + 1 : page.index("</script>", start)])
    assert [link["realised"] for link in data["links"]] == [True]
    assert {node["name"] for node in data["nodes"]} == {realised.supplier.name, realised.receiver.name}
    assert "symbiosis/network.js" in page
    totals = response.context["totals"]
    # Realised from 1 Oct 2568 at 200 t a year: the whole of fiscal year 2569 is 200 t.
    fy_2569 = next(row for row in totals if row["year"] == 2569)
    assert fy_2569["tonnes"] == pytest.approx(200)
    assert fy_2569["links"] == 1


def test_the_export_reads_back(world, client_for, realised):
    response = client_for(world.officer_a).get(network_url(world.area_a1, "exchanges.xlsx"))
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    rows = list(workbook["การแลกเปลี่ยน"].iter_rows(values_only=True))
    assert rows[1][5:9] == (realised.supplier.name, realised.receiver.name, 200, "t")
    assert rows[1][1] == "ดำเนินการจริงแล้ว"
    totals = {row[0]: row for row in list(workbook["ผลรวมรายปี"].iter_rows(values_only=True))[1:]}
    assert totals[2569][2] == pytest.approx(200)


def test_a_step_from_the_page_realises_the_exchange_with_its_start(world, client_for):
    load_table()
    add_pairs(world, 1)
    exchange = Exchange.objects.get()
    client = client_for(world.secretary_a1)
    client.post(f"/symbiosis/exchanges/{exchange.pk}/step/", {"step": "contact"})
    client.post(f"/symbiosis/exchanges/{exchange.pk}/step/", {"step": "realise", "start_date": "01/01/2569",
                                                              "quantity": "120"})  # fmt: skip
    exchange.refresh_from_db()
    assert (exchange.status, exchange.start_date, exchange.quantity) == (
        ExchangeStatus.REALISED, datetime.date(2026, 1, 1), 120)  # fmt: skip
    assert exchange.flows.count() >= 2


def test_realising_without_a_start_date_is_refused(world, client_for):
    load_table()
    add_pairs(world, 1)
    exchange = Exchange.objects.get()
    client = client_for(world.secretary_a1)
    client.post(f"/symbiosis/exchanges/{exchange.pk}/step/", {"step": "contact"})
    response = client.post(f"/symbiosis/exchanges/{exchange.pk}/step/", {"step": "realise"}, follow=True)
    exchange.refresh_from_db()
    assert exchange.status == ExchangeStatus.CONTACTED
    assert "Give the date the exchange started." in response.content.decode()


def test_the_api_realises_through_the_step_action(world, api_client_for):
    load_table()
    add_pairs(world, 1)
    exchange = Exchange.objects.get()
    client = api_client_for(world.officer_a)
    url = f"/api/exchanges/{exchange.pk}/step/"
    assert client.post(url, {"step": "contact"}, format="json").status_code == 200
    response = client.post(url, {"step": "realise", "start_date": "2026-01-01"}, format="json")
    assert response.status_code == 200
    assert response.json()["status"] == "realised"
    assert {flow["side"] for flow in response.json()["flows"]} == {"supplier", "receiver"}


@pytest.mark.parametrize("url", ["/symbiosis/exchanges/", "/api/exchanges/", "network"])
def test_pages_stay_flat_when_data_grows_tenfold(world, client_for, django_assert_max_num_queries, url):
    load_table()
    client = client_for(world.officer_a)
    url = network_url(world.area_a1) if url == "network" else url
    add_pairs(world, 2)
    with django_assert_max_num_queries(MAX_QUERIES):
        assert client.get(url).status_code == 200
    add_pairs(world, 18, start=2)
    assert Exchange.objects.count() >= 20
    with django_assert_max_num_queries(MAX_QUERIES):
        assert client.get(url).status_code == 200
