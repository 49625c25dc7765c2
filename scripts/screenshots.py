"""Retake the README screenshots with headless chromium against a running `make run` (demo data).

make setup && (make serve &) && .venv/bin/python scripts/screenshots.py [http://127.0.0.1:8000]
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
PASSWORD = "demo-EcoTown-2569"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]  # fmt: skip

SHOTS = [
    # (file, username or None, path)
    ("login.png", None, "/accounts/login/"),
    ("home-officer.png", "officer.pathumthani", "/"),
    ("areas.png", "admin", "/areas/"),
    ("area-detail.png", "secretary.bangkadi", "/areas/by-code/pte-bang-kadi/"),
    ("targets.png", "secretary.bangkadi", "/targets/areas/pte-bang-kadi/"),
    ("catalogue.png", "public", "/criteria/"),
]


def sign_in(page, username):
    page.goto(f"{BASE}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for name, username, path in SHOTS:
            page = browser.new_page(viewport={"width": 1280, "height": 860}, locale="th-TH")
            if username:
                sign_in(page, username)
            page.goto(f"{BASE}{path}")
            page.wait_for_load_state("networkidle")
            page.screenshot(path=str(OUT / name), full_page=False)
            page.close()
            print(OUT / name)
        browser.close()


if __name__ == "__main__":
    main()
