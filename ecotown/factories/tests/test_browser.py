"""In a real browser: an officer imports the Ministry's file through the preview; an operator submits a year's
mass balance, the officer returns it with a reason, the operator resubmits, the officer accepts, and the area's
totals change."""

import io

import pytest

from tests import test_browser as browser
from tests.test_browser import sign_in

page = browser.page  # the browser fixture, shared with the project's browser tests

pytestmark = pytest.mark.browser


def _world():
    from ecotown.core.testing import build_world
    from ecotown.geo.geography import load_geography

    load_geography(with_subdistricts=False)  # transactional tests start from an empty database
    return build_world()


def _sign_out(tab, base):
    tab.context.clear_cookies()


@pytest.mark.django_db(transaction=True)
def test_an_officer_imports_the_ministry_file_after_a_preview(live_server, page, tmp_path):
    from ecotown.factories.models import Factory
    from ecotown.factories.samples import write_sample

    _world()
    text = io.StringIO()
    write_sample(text, 12, provinces=["13", "21"], seed=8)
    path = tmp_path / "Factory_Data.csv"
    path.write_text(text.getvalue(), encoding="utf-8-sig")
    sign_in(page, live_server.url, "officer_a")
    page.goto(f"{live_server.url}/factories/import/")
    page.locator("input[name=file]").set_input_files(str(path))
    page.locator("form [type=submit]").first.click()
    page.locator(".import-summary").wait_for()
    assert not Factory.objects.exists()  # the preview writes nothing
    to_add = int(page.locator(".import-created").inner_text().replace(",", ""))
    assert to_add > 0
    page.locator("form[action*=confirm] [type=submit]").click()
    page.locator(".import-summary").wait_for()
    page.wait_for_load_state("networkidle")
    assert Factory.objects.count() == to_add
    assert set(Factory.objects.values_list("province__code", flat=True)) == {"13"}


def _enter_year(tab, base, factory):
    tab.goto(f"{base}/factories/{factory.pk}/mass-balances/add/")
    tab.locator("input[name=year]").fill("2568")
    rows = [("in", "raw_material", "มันสำปะหลัง", "1000", "t"), ("out", "product", "แป้งมัน", "900", "t"),
            ("out", "waste", "กากมัน", "100", "t")]  # fmt: skip
    for index, (direction, category, name, quantity, unit) in enumerate(rows):
        tab.locator(f"select[name=flows-{index}-direction]").select_option(direction)
        tab.locator(f"select[name=flows-{index}-category]").select_option(category)
        tab.locator(f"input[name=flows-{index}-name]").fill(name)
        tab.locator(f"input[name=flows-{index}-quantity]").fill(quantity)
        tab.locator(f"select[name=flows-{index}-unit]").select_option(unit)
    tab.locator("input[name=flows-2-waste_code]").fill("020399")
    tab.locator("select[name=flows-2-route]").select_option("landfill")
    tab.locator("form [type=submit]").first.click()
    tab.wait_for_load_state("networkidle")


def _step(tab, step, reason=""):
    form = tab.locator(f"form:has(input[name=step][value={step}])")
    if reason:
        form.locator("textarea[name=reason]").fill(reason)
    form.locator("[type=submit]").click()
    tab.wait_for_load_state("networkidle")


@pytest.mark.django_db(transaction=True)
def test_an_operator_submits_a_mass_balance_the_officer_returns_then_accepts(live_server, page):
    from ecotown.factories.balances import load_emission_factors
    from ecotown.factories.models import MassBalance
    from ecotown.factories.testing import make_factory

    world = _world()
    load_emission_factors()
    factory = make_factory(world.province_a, areas=[world.area_a1], operators=[world.users["operator"]])
    base = live_server.url

    sign_in(page, base, "operator")
    _enter_year(page, base, factory)
    balance = MassBalance.objects.get(factory=factory)
    assert balance.flows.count() == 3
    _step(page, "submit")
    assert MassBalance.objects.get(pk=balance.pk).status == "submitted"

    _sign_out(page, base)
    sign_in(page, base, "officer_a")
    page.goto(f"{base}{balance.get_absolute_url()}")
    _step(page, "return", reason="ขาดข้อมูลน้ำใช้")
    assert MassBalance.objects.get(pk=balance.pk).status == "returned"

    _sign_out(page, base)
    sign_in(page, base, "operator")
    page.goto(f"{base}{balance.get_absolute_url()}")
    assert "ขาดข้อมูลน้ำใช้" in page.locator(".return-reason").inner_text()
    _step(page, "submit")
    assert MassBalance.objects.get(pk=balance.pk).status == "submitted"

    _sign_out(page, base)
    sign_in(page, base, "officer_a")
    # The area page loads its factory panel lazily, beside the other apps' panels; read that panel itself so the
    # check does not race the page's parallel HTMX loads.
    panel_url = f"{base}{_factory_panel_path(world.area_a1)}"
    page.goto(panel_url)
    assert page.locator(".area-totals").count() == 0  # nothing accepted yet
    page.goto(f"{base}{balance.get_absolute_url()}")
    _step(page, "accept")
    assert MassBalance.objects.get(pk=balance.pk).status == "accepted"
    page.goto(panel_url)
    page.locator(".area-totals").wait_for()
    assert "2568" in page.locator(".area-totals").inner_text()


def _factory_panel_path(area):
    from django.urls import reverse

    from ecotown.core.registry import registry

    index = next(n for n, panel in enumerate(registry.panels["area"]) if panel.template == "factories/area_panel.html")
    return reverse("core:panel", kwargs={"page": "area", "pk": area.pk, "index": index})
