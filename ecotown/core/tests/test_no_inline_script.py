"""The strict CSP (settings.SECURE_CSP: scripts only from our origin, with a nonce) silently ignores inline event
handlers and javascript: URLs. A page that relies on one looks fine in a template and does nothing in a browser, so
no template, and no Python that writes HTML, may contain one: behaviour goes in core/static/core/ecotown.js."""

import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR) / "ecotown"
# An attribute named on… inside a tag (onclick=, onchange = …), and a javascript: URL anywhere.
INLINE_HANDLER = re.compile(r"<[^<>]*?\son[a-z]+\s*=", re.IGNORECASE | re.DOTALL)
JAVASCRIPT_URL = re.compile(r"javascript\s*:", re.IGNORECASE)


def offending(text):
    return [match.group(0)[-60:] for pattern in (INLINE_HANDLER, JAVASCRIPT_URL) for match in pattern.finditer(text)]


def sources():
    templates = [path for path in ROOT.rglob("*.html") if "templates" in path.parts]
    python = [path for path in ROOT.rglob("*.py") if "tests" not in path.parts and "migrations" not in path.parts]
    return templates + python


def test_the_scan_sees_every_template_and_recognises_a_handler():
    assert len([path for path in sources() if path.suffix == ".html"]) > 50
    assert offending('<select name="x" class="form-select" onchange="this.form.submit()">')
    assert offending('<a\n  href="#" ONCLICK = "go()">')
    assert offending('<a href="javascript:void(0)">')
    assert not offending('<select name="x" data-autosubmit data-online="1">')
    assert not offending("<p>Sessions only on weekdays</p>")


def test_no_template_or_html_writing_code_has_an_inline_handler_or_javascript_url():
    found = {}
    for path in sources():
        hits = offending(path.read_text(encoding="utf-8"))
        if hits:
            found[str(path.relative_to(ROOT))] = hits
    assert found == {}


def test_htmx_takes_the_csrf_token_from_the_body_not_from_a_hidden_input(client, db):
    import json

    from django.middleware.csrf import _unmask_cipher_token

    response = client.get("/")
    body = re.search(r"<body[^>]*hx-headers='([^']*)'", response.content.decode())
    assert body, "the body carries hx-headers"
    token = json.loads(body.group(1))["X-CSRFToken"]
    assert _unmask_cipher_token(token) == response.cookies["csrftoken"].value  # the cookie holds the secret
    script = (ROOT / "core" / "static" / "core" / "ecotown.js").read_text(encoding="utf-8")
    assert "csrfmiddlewaretoken" not in script
