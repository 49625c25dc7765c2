"""The strict CSP (style-src 'self') ignores style attributes: a page that sets a width inline shows nothing.
PDF templates are exempt — WeasyPrint renders them on the server, with no CSP."""

import re
from pathlib import Path

import pytest

from ecotown.plans.templatetags.plans import progress_bar

ROOT = Path(__file__).resolve().parent.parent / "ecotown"
STYLE = re.compile(r"""\sstyle\s*=\s*["'][a-z-]+\s*:""")  # an inline CSS declaration


def test_no_page_template_sets_a_style_attribute():
    offenders = [
        str(path.relative_to(ROOT))
        for path in ROOT.rglob("templates/**/*.html")
        if "/pdf/" not in path.as_posix() and STYLE.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_no_template_tag_writes_a_style_attribute():
    offenders = [str(path.relative_to(ROOT)) for path in ROOT.rglob("templatetags/*.py")
                 if STYLE.search(path.read_text(encoding="utf-8"))]  # fmt: skip
    assert offenders == []


@pytest.mark.django_db
def test_the_api_docs_page_has_no_inline_style(client):
    html = client.get("/api/docs/").content.decode()
    assert "swagger-ui" in html
    assert "<style" not in html
    assert "core/swagger_ui" in html


def test_a_progress_bar_is_a_native_progress_element():
    html = progress_bar(42.4)
    assert '<progress class="flex-grow-1" max="100" value="42"' in html
    assert "style=" not in html
    assert 'class="flex-grow-1 done"' in progress_bar(100)
