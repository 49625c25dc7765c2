"""In a real browser: the national dashboard draws Thailand's 77 provinces (ECharts says how many regions its map
series holds), coloured by level, and a click on a province opens that province's dashboard."""

import pytest

from tests.test_browser import page  # noqa: F401 (the page fixture)

pytestmark = pytest.mark.browser
MAP = "[data-chart=map]"
CHART = f"echarts.getInstanceByDom(document.querySelector('{MAP}'))"
NAKHON_RATCHASIMA = (102.1, 14.97)  # a point well inside the province (code 30)
HIGHLIGHT = "rgb(255,193,7)"  # charts.js: emphasis.itemStyle.areaColor #ffc107, as the SVG renderer writes it


@pytest.mark.django_db(transaction=True)
def test_the_map_draws_77_provinces_and_a_click_opens_one(live_server, page):  # noqa: F811
    from ecotown.areas.testing import make_area
    from ecotown.core.testing import build_world
    from ecotown.dashboards import province_map
    from ecotown.dashboards.testing import certify
    from ecotown.geo.geography import load_geography

    load_geography(with_subdistricts=False)  # transactional tests start from an empty database
    build_world()
    certify(make_area("30", name_th="เมืองอุตสาหกรรมนครราชสีมา", name_en="Korat eco-town"), 3)
    province_map.ensure_built()

    page.goto(f"{live_server.url}/dashboards/")
    page.wait_for_selector(f"{MAP}[data-drawn=true]")
    series = f"{CHART}.getModel().getSeriesByIndex(0)"
    assert page.evaluate(f"() => {series}.getData().count()") == 77
    assert page.evaluate(f"() => {series}.getData().getRawDataItem({series}.getData().indexOfName('30')).value") == 3
    assert page.locator(f"{MAP} svg path").count() >= 77

    x, y = page.evaluate(f"() => {CHART}.convertToPixel({{seriesIndex: 0}}, {list(NAKHON_RATCHASIMA)})")
    box = page.locator(MAP).bounding_box()
    # As a hand does: the pointer rests on the province until it is highlighted, then clicks. A click that arrives
    # while the highlight is being drawn (a busy machine) lands on an SVG path the redraw replaced, and Chromium
    # sends no click for it.
    page.mouse.move(box["x"] + x, box["y"] + y)
    page.wait_for_selector(f'{MAP} svg path[fill="{HIGHLIGHT}"]')
    page.mouse.down()
    page.mouse.up()
    page.wait_for_url("**/dashboards/provinces/30/")
    assert "Nakhon Ratchasima" in page.locator("h1").inner_text()  # the tests run in English (conftest)
    assert "Korat eco-town" in page.locator(".dashboard-areas").inner_text()
