"""A person in a real browser: Debian's chromium driven by playwright (no browser download)."""

import shutil

import pytest

from ecotown.core.testing import PASSWORD

CHROMIUM = "/usr/bin/chromium"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not shutil.which(CHROMIUM), reason="Debian chromium is installed by `make setup`"),
]
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
    page.get_by_role("link", name="จังหวัดของฉัน").click()
    assert "ปทุมธานี" in page.locator("h1").inner_text()
    assert page.get_by_text("ตำบลบางกะดี").is_visible()
    page.get_by_role("button", name="English").click()
    assert "Province" in page.locator("h1").inner_text()
