"""A person in a real browser: Debian's chromium driven by playwright (no browser download)."""

import pytest

from ecotown.accounts.testing import PASSWORD

CHROMIUM = "/usr/bin/chromium"
# Not skipped when chromium is missing: `make setup` installs it, and CI must run these.
pytestmark = pytest.mark.browser
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run"]  # fmt: skip


@pytest.fixture
def page(monkeypatch):
    from playwright.sync_api import sync_playwright

    # playwright's sync API runs an event loop; Django must allow ORM calls from the test thread meanwhile.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        page = browser.new_page(locale="th-TH")
        yield page
        browser.close()


@pytest.mark.django_db(transaction=True)
def test_an_officer_signs_in_and_sees_their_province_in_thai(live_server, page):
    from ecotown.core.testing import build_world
    from ecotown.geo.geography import load_geography

    load_geography(with_subdistricts=False)  # transactional tests start from an empty database
    build_world()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("ชื่อผู้ใช้หรืออีเมล").fill("officer_a@example.go.th")
    page.get_by_label("รหัสผ่าน").fill(PASSWORD)
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    page.get_by_role("link", name="ปทุมธานี", exact=True).click()
    assert "ปทุมธานี" in page.locator("h1").inner_text()
    assert page.get_by_text("ตำบลบางกะดี").is_visible()
    page.get_by_role("button", name="English").click()
    assert "Province" in page.locator("h1").inner_text()


def sign_in(page, base, username):
    page.goto(f"{base}/accounts/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form:has(input[type=password]) [type=submit]").click()
    page.wait_for_load_state("networkidle")


def _world_with_targets():
    from ecotown.core.testing import build_world
    from ecotown.criteria.testing import make_catalogue, make_requirement
    from ecotown.geo.geography import load_geography
    from ecotown.targets.testing import make_target

    load_geography(with_subdistricts=False)  # transactional tests start from an empty database
    world = build_world()
    catalogue = make_catalogue(code="eit", version="2022.1")
    g1 = make_requirement(catalogue, "G1-01", title_th="ร้อยละของโรงงานที่ผ่านเกณฑ์")
    make_requirement(catalogue, "G1-02", title_th="จำนวนกิจกรรมร่วมกับชุมชน")
    from ecotown.core.dates import current_fiscal_year

    year = current_fiscal_year()
    world.target = make_target(world.area_a1, g1, year, 80, actual=86)
    world.year = year
    return world


NEW_VERSION = """\
code: eit
version: "2022.2"
title: {th: เกณฑ์เมืองอุตสาหกรรมเชิงนิเวศ ฉบับทดสอบ}
effective_date: 2022-10-01
levels: [{number: 1, name: {th: ระดับหนึ่ง}}]
dimensions: [{code: society, name: {th: สังคม}}]
requirements:
  - {code: G1-01, kind: general, level: 1, dimensions: [society], wording: provisional,
     title: {th: ร้อยละของโรงงานที่ผ่านเกณฑ์ (ถ้อยคำปรับปรุง)}, target: {required: true, kind: percentage, unit: "%"}}
  - {code: G1-02, kind: general, level: 1, dimensions: [society], wording: provisional,
     title: {th: จำนวนกิจกรรมร่วมกับชุมชน}, target: {required: true, kind: count, unit: ครั้ง}}
  - {code: G1-03, kind: general, level: 1, dimensions: [society], wording: provisional,
     title: {th: ข้อกำหนดใหม่}, target: {required: true, kind: count, unit: แห่ง}}
"""


@pytest.mark.django_db(transaction=True)
def test_a_new_catalogue_version_carries_an_areas_targets_and_results_over(live_server, page, tmp_path):
    world = _world_with_targets()
    sign_in(page, live_server.url, "diw_admin")
    page.goto(f"{live_server.url}/criteria/catalogues/upload/")
    file = tmp_path / "eit-2022.2.yaml"
    file.write_text(NEW_VERSION, encoding="utf-8")
    page.locator("input[type=file]").set_input_files(str(file))
    page.locator("form [type=submit]").click()
    page.locator("button[name=confirm]").click()
    page.wait_for_load_state("networkidle")
    page.locator("a[href$='/put-in-force/']").first.click()
    page.locator("#first_fiscal_year").fill(str(world.year))
    page.locator("form[method=get] [type=submit]").click()
    assert "1" in page.locator(".card").first.inner_text()
    page.locator("form[method=post] [type=submit]").click()
    page.wait_for_load_state("networkidle")
    page.context.clear_cookies()
    sign_in(page, live_server.url, "secretary_a1")
    page.goto(f"{live_server.url}/targets/areas/{world.area_a1.code}/")
    assert "2022.2" in page.locator("#target-catalogue").inner_text()
    assert "ถ้อยคำปรับปรุง" in page.locator(".target-table").inner_text()
    assert "86%" in page.locator(".target-table").inner_text()
    assert "80%" in page.locator(".target-table").inner_text()


@pytest.mark.django_db(transaction=True)
def test_an_auditor_downloads_evidence_and_another_province_gets_not_found(live_server, page, tmp_path, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from ecotown.core.evidence import attach_file

    settings.EVIDENCE_ROOT = tmp_path
    world = _world_with_targets()
    evidence = attach_file(world.target, SimpleUploadedFile("หลักฐานการประชุม.pdf", b"%PDF-1.4 demo"), acting_user=None)
    sign_in(page, live_server.url, "auditor_a1")
    page.goto(f"{live_server.url}/targets/{world.target.pk}/")
    with page.expect_download() as download:
        page.get_by_role("link", name="หลักฐานการประชุม.pdf").click()
    assert download.value.suggested_filename == "หลักฐานการประชุม.pdf"
    assert download.value.path().read_bytes() == b"%PDF-1.4 demo"
    page.context.clear_cookies()
    sign_in(page, live_server.url, "officer_b")
    response = page.goto(f"{live_server.url}{evidence.get_absolute_url()}")
    assert response.status == 404


@pytest.mark.django_db(transaction=True)
def test_the_catalogue_picker_switches_version_under_the_strict_csp(live_server, page):
    """The picker used onchange="this.form.submit()", which the CSP blocks: choosing a version did nothing."""
    from ecotown.criteria.choices import RequirementKind
    from ecotown.criteria.testing import make_catalogue, make_requirement

    world = _world_with_targets()
    older = make_catalogue(code="eit", version="2019.1", status="superseded", first_fiscal_year=2562)
    make_requirement(older, "S9-01", kind=RequirementKind.SPECIFIC, title_th="ข้อกำหนดเฉพาะฉบับเก่า")
    blocked = []
    page.on("console", lambda message: blocked.append(message.text) if "Content Security" in message.text else None)
    sign_in(page, live_server.url, "secretary_a1")
    page.goto(f"{live_server.url}/criteria/areas/{world.area_a1.code}/specific-requirements/")
    assert "ข้อกำหนดเฉพาะฉบับเก่า" not in page.locator("#selection").inner_text()
    with page.expect_navigation():
        page.locator("select[data-autosubmit]").select_option(str(older.pk))
    assert f"catalogue={older.pk}" in page.url
    assert "ข้อกำหนดเฉพาะฉบับเก่า" in page.locator("#selection").inner_text()
    # HTMX takes the CSRF token from the body's hx-headers: saving in place works.
    page.get_by_label("S9-01", exact=False).check()
    with page.expect_response(lambda response: response.request.method == "POST") as answer:
        page.locator("#selection [type=submit]").click()
    assert answer.value.status == 200
    page.locator("#selection .alert-success").wait_for()
    assert world.area_a1.requirement_selections.filter(requirement__code="S9-01").exists()
    assert blocked == []


@pytest.mark.django_db(transaction=True)
def test_on_a_phone_the_target_table_opens_at_the_current_year_beside_a_sticky_requirement_column(
    live_server, page, tmp_path
):
    world = _world_with_targets()
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, live_server.url, "secretary_a1")
    page.goto(f"{live_server.url}/targets/areas/{world.area_a1.code}/")
    page.wait_for_load_state("networkidle")
    page.evaluate("document.fonts.ready")
    scroller = page.locator(".target-scroller")
    page.screenshot(path=str(tmp_path / "target-table-390.png"), full_page=False)
    assert scroller.evaluate("node => node.scrollWidth > node.clientWidth"), "the years do not fit on a phone"
    assert scroller.evaluate("node => node.scrollLeft") > 0
    box = scroller.bounding_box()
    current = page.locator("thead th.current-year").bounding_box()
    sticky = page.locator("thead th.sticky-column").bounding_box()
    # The requirement column stays at the left edge, and the current year starts right beside it, in view.
    assert abs(sticky["x"] - box["x"]) < 2
    at_end = scroller.evaluate("node => node.scrollLeft >= node.scrollWidth - node.clientWidth - 1")
    assert current["x"] >= sticky["x"] + sticky["width"] - 2
    assert at_end or current["x"] <= sticky["x"] + sticky["width"] + 2
    assert current["x"] + current["width"] <= 390
    first_row = page.locator("tbody th.sticky-column").first
    assert first_row.bounding_box()["x"] == pytest.approx(box["x"], abs=2)
    assert world.target.requirement.code in first_row.inner_text()


@pytest.mark.django_db(transaction=True)
def test_a_kept_list_page_signs_out_switches_language_and_shows_an_edit_at_once(live_server, page):
    """Pages kept until the database changes (core.kept): the forms of a kept page carry a token the server takes,
    and an edit made meanwhile shows on the next visit."""
    from ecotown.areas.models import Area
    from ecotown.core import kept
    from ecotown.core.testing import build_world
    from ecotown.geo.geography import load_geography

    load_geography(with_subdistricts=False)  # transactional tests start from an empty database
    world = build_world()
    kept.forget()
    sign_in(page, live_server.url, "officer_a")
    for _ in range(2):  # written, then served as kept
        page.goto(f"{live_server.url}/areas/")
    assert page.get_by_text("ตำบลบางกะดี").is_visible()
    assert kept.stats()[0] >= 1
    Area.objects.filter(pk=world.area_a1.pk).update(name_th="ตำบลบางกะดีแก้ไข")
    page.goto(f"{live_server.url}/areas/")
    assert page.get_by_text("ตำบลบางกะดีแก้ไข").is_visible()
    page.get_by_role("button", name="English").click()
    assert page.get_by_role("heading", name="Areas").is_visible()
    page.goto(f"{live_server.url}/areas/")  # the English page, now kept
    page.locator("button.dropdown-toggle").click()
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_role("link", name="Sign in", exact=True).is_visible()
