"""Thai everywhere on a Thai page: every page of the site, rendered as a Thai user who may see it, shows no English
interface text — neither ours nor a library's ("- Select an option -", "---------", the password rules, "Changed"
in a history, pagination).

The pages are those of the permission matrix (each app's `tests/permission_rows.py`): every GET row that answers
200 on a page route is rendered as its persona, so a new page is checked as soon as it has its matrix rows, and
`test_every_page_is_rendered` fails when a page route has none. Every write route is also sent an empty form, so
its error messages are checked; the job page, the e-mails and the HTML of the PDFs are rendered too.

What may be English on a Thai page (`ALLOWED`, below) is explicit: names of products, formats and standards, and
the interface words of outside tools a message quotes. Data is not interface text: the strings stored in the
database (names, codes, e-mail addresses...) are taken out before the page is read, and so are elements marked
`lang="en"` (the language switch, an English name shown beside the Thai one).
"""

import html
import io
import json
import re
from html.parser import HTMLParser
from unittest import mock

import pytest
from django.apps import apps
from django.core import mail
from django.db import models
from django.test import Client
from django.urls import reverse
from django.utils import translation

from ecotown.core.testing import all_routes
from tests.test_permission_matrix import ROWS

# Words that are English on a Thai page on purpose. Keep each with its reason.
ALLOWED = {
    "EcoTown",  # the product's name
    "API",  # the interface's name in Thai IT usage too
    "Excel", "PDF", "CSV", "JSON", "GeoJSON", "YAML", "xlsx", "yaml", "geojson",  # file formats and endings
    "Office", "OpenDocument",  # families of file formats
    "ISO",  # standards (ISO 14001, ISO 19011)
    "WGS", "EPSG", "UTF", "SHA",  # coordinate systems, text encoding, checksums (WGS 84, UTF-8, SHA-256)
    "MB",  # megabytes: Thai writes MB
    "Polygon", "MultiPolygon", "FeatureCollection", "Feature",  # GeoJSON's own type names, as in the file
    "QGIS",  # the GIS program
    "Enter",  # the key's name, as printed on it
    "ISIC",  # the UN's industry classification, named so in DIW's own factory data
    "kWh",  # the unit as Thai writes it
    # The Ministry's Factory_Data column codes and ESTATE values, as in its file: the factory Excel template heads
    # each column with its code, so the same columns import from the CSV and the template (issue 15).
    "FACREG", "DISPFACREG", "FID", "FACTYPE", "FNAME", "ONAME", "OBJECT", "FADDR", "FMOO", "FSOI", "FROAD",
    "FTUMNAME", "FAMPNAME", "FPROVNAME", "HP", "LAT", "LNG", "ESTATE", "FFLAG", "NOTE", "IN", "OUT",
}  # fmt: skip

# Phrases quoted from other programs, as they show them: QGIS's menu command; the names of DIW's awards.
ALLOWED_PHRASES = ("Fix geometries", "Eco Factory", "CSR-DIW Continuous")  # + names of DIW's own awards

# Interface strings of libraries that have no letters to catch: Django's empty choice.
LETTERLESS = ("---------",)

# Routes that are not Thai pages: the REST API answers JSON for programs; its schema and Swagger's documentation
# viewer are for developers (Swagger UI has no Thai); the language switch only redirects.
NOT_PAGES = {"api-schema", "api-docs", "api-token", "set_language", "healthz"}

SKIPPED_TAGS = {"script", "style", "textarea", "code", "pre"}  # code and typed data, not interface text
TEXT_ATTRIBUTES = {"title", "placeholder", "aria-label", "alt"}
LATIN = re.compile(r"[A-Za-z][\w.’'\-]*[A-Za-z0-9]|[A-Za-z]", re.ASCII)
CODE = re.compile(r"[A-Z]+(?:-[A-Z0-9]+)+")  # RYG-PCZ: an upper-case code of parts joined by hyphens
# E-mail addresses, URLs, paths and file names (catalogue.yaml) are data, whatever their language.
EMAIL_OR_URL = re.compile(
    r"\S+@\S+|https?://\S+|/[\w./-]+|\b[\w-]+/[\w./-]+\.\w+|\S+\.(?:ya?ml|xlsx|pdf|csv|geojson|json)\b", re.IGNORECASE
)


class _TextOfPage(HTMLParser):
    """The text a reader sees or hears: text nodes and labelling attributes, without scripts, typed data and
    elements marked as English."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.stack = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        english = attrs.get("lang", "").startswith("en") and tag != "html"
        skipped = tag in SKIPPED_TAGS or english or self._inside_skipped()
        if tag not in VOID:
            self.stack.append((tag, skipped))
        if skipped:
            return
        self.parts += [value for name, value in attrs.items() if name in TEXT_ATTRIBUTES and value]
        if tag == "input" and attrs.get("type") in ("submit", "button", "reset") and attrs.get("value"):
            self.parts.append(attrs["value"])

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if not self._inside_skipped() and data.strip():
            self.parts.append(data)

    def _inside_skipped(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def data_strings() -> list[str]:
    """Every text stored in the project's tables (names, codes, e-mail addresses, notes), longest first; fields
    with choices are left out, since a page must show their labels, not their stored values."""
    found = set()
    for model in apps.get_models():
        if not model.__module__.startswith("ecotown."):
            continue
        names = [
            field.name
            for field in model._meta.concrete_fields
            if isinstance(field, (models.CharField, models.TextField)) and not field.choices
        ]
        for row in model._default_manager.values_list(*names) if names else ():
            found.update(
                value.strip()
                for value in row
                if isinstance(value, str) and len(value.strip()) >= 3 and LATIN.search(value)
            )
    return sorted(found, key=len, reverse=True)


def english_left(page: str, data: list[str]) -> list[str]:
    """The English words (and letterless library strings) a Thai reader would meet on this HTML page."""
    parser = _TextOfPage()
    parser.feed(page)
    found = []
    for text in parser.parts:
        found += [letterless for letterless in LETTERLESS if letterless in text]
        for value in (*ALLOWED_PHRASES, *data):
            if value in text:
                text = text.replace(value, " ")
        text = EMAIL_OR_URL.sub(" ", text)
        found += [word for word in LATIN.findall(text) if _is_english(word)]
    return sorted(set(found))


def _is_english(word: str) -> bool:
    if len(word) < 2 or CODE.fullmatch(word) or any(character.isdigit() or character == "_" for character in word):
        return False  # single letters, codes (B01, G3-02, RYG-PCZ) and identifiers (participants-TOTAL_FORMS)
    return not all(part in ALLOWED for part in re.split(r"[.\-’']", word) if part)


# -- the pages ------------------------------------------------------------------------------------------------

PREFERRED = ["diw_admin", "officer_a", "secretary_a1", "auditor_a1", "external_auditor", "public", "anonymous"]


def _page_rows():
    """One allowed GET row per page and object, read by the most privileged persona the matrix lets in."""
    chosen = {}
    for row in ROWS:
        if row.method != "GET" or row.expected != 200 or row.route.startswith("api:") or row.route in NOT_PAGES:
            continue
        key = (row.route, repr(row.target), row.query)
        rank = PREFERRED.index(row.persona) if row.persona in PREFERRED else len(PREFERRED)
        if key not in chosen or rank < chosen[key][0]:
            chosen[key] = (rank, row)
    return [row for _, row in chosen.values()]


def _write_rows():
    """One allowed POST row per form and object, sent empty by the most privileged persona allowed (anonymous
    for the sign-in and password-reset forms)."""
    chosen = {}
    for row in ROWS:
        if row.method != "POST" or row.expected not in (200, 302):
            continue
        if row.route.startswith("api:") or row.route in NOT_PAGES:
            continue
        key = (row.route, repr(row.target))
        rank = PREFERRED.index(row.persona) if row.persona in PREFERRED else len(PREFERRED)
        if key not in chosen or rank < chosen[key][0]:
            chosen[key] = (rank, row)
    return [row for _, row in chosen.values()]


PAGES, WRITES = _page_rows(), _write_rows()


@pytest.fixture(scope="module")
def data(shared_world, django_db_blocker):
    with django_db_blocker.unblock():
        return data_strings()


def _client(world, persona) -> Client:
    client = Client()
    user = world.users[persona]
    if user is not None:
        client.force_login(user, backend="ecotown.accounts.backends.UsernameOrEmailBackend")
    return client


@pytest.mark.parametrize("row", PAGES, ids=[f"{row.persona} {row.route} {row.query}".strip() for row in PAGES])
def test_the_page_is_all_thai(shared_world, persona_client, db, data, row):
    url = reverse(row.route, kwargs=row.kwargs(shared_world)) + (f"?{row.query}" if row.query else "")
    with mock.patch("weasyprint.HTML", _PrintedHTML):
        response = persona_client(row.persona).get(url)
    assert response.status_code == 200, url
    found = english_left(_readable(response), data)
    assert not found, f"{url}: English left on a Thai page: {found}"


PRINTED = b"%PDF printed by the test\n"


class _PrintedHTML:
    """Stands in for WeasyPrint: keeps the HTML a PDF is printed from, so that its text is checked."""

    def __init__(self, string):
        self.string = string

    def write_pdf(self):
        return PRINTED + self.string.encode()


def _readable(response) -> str:
    """The page as HTML: a page itself, the HTML a PDF was printed from, or an Excel file's cells."""
    kind = response.get("Content-Type", "")
    content = b"".join(response) if response.streaming else response.content
    if kind.startswith("application/pdf"):
        # A printed document; any other PDF is a stored file (evidence), which is data.
        return content.removeprefix(PRINTED).decode() if content.startswith(PRINTED) else ""
    if "spreadsheetml" in kind:
        from openpyxl import load_workbook

        workbook = load_workbook(io.BytesIO(content), read_only=True)
        cells = [cell for sheet in workbook for row in sheet.iter_rows(values_only=True) for cell in row]
        return "".join(f"<p>{html.escape(cell)}</p>" for cell in cells if isinstance(cell, str))
    if kind.startswith("text/csv"):
        return ""  # the factory import's error report, open data files: Thai and English by design (issues 15, 18)
    if kind.startswith(("application/json", "application/ld+json")):
        return ""  # open data files, their dictionary and DCAT catalogue: data for programs, both languages (issue 18)
    assert "html" in kind, kind
    return content.decode()


@pytest.mark.parametrize("row", WRITES, ids=[f"{row.persona} POST {row.route}" for row in WRITES])
def test_the_form_errors_are_thai(shared_world, persona_client, db, data, row):
    url = reverse(row.route, kwargs=row.kwargs(shared_world))
    response = persona_client(row.persona).post(url, {}, follow=True)  # the next page shows the message
    assert response.status_code < 500, url
    if response.status_code == 200 and "html" in response.get("Content-Type", ""):
        found = english_left(response.content.decode(), data)
        assert not found, f"{url}: English left on a Thai page: {found}"


def test_every_page_is_rendered():
    """A page route without an allowed GET row would go unchecked: give it its matrix rows."""
    rendered = {row.route for row in PAGES}
    pages = {route for route, methods in all_routes().items() if "GET" in methods and not route.startswith("api:")}
    assert sorted(pages - rendered - NOT_PAGES - REDIRECTS) == []


# Page routes whose GET only redirects, with no HTML of their own: an area found by its code.
REDIRECTS = {"areas:area_by_code"}


def test_the_checker_finds_english_and_ignores_data_and_marked_english():
    page = """<html lang="th"><body><h1>พื้นที่ Bang Kadi</h1><p>Select an option</p>
    <select><option>---------</option></select><span lang="en">English</span><button title="Save">บันทึก</button>
    <p>ไฟล์ Excel ขนาด 5 MB รหัส G3-02 อีเมล a@b.go.th</p><script>var x = "not text";</script>
    <textarea>typed note</textarea></body></html>"""
    assert english_left(page, ["Bang Kadi"]) == ["---------", "Save", "Select", "an", "option"]


def _heading(client, url) -> str:
    html = client.get(url).content.decode()
    return re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1).strip()


def test_english_pages_show_english_names_first(shared_world, db):
    """An English page leads with the English name where one exists, the Thai one aside (marked lang="th"); a
    Thai page the other way round."""
    area, province = shared_world.area_a1, shared_world.province_a
    client = _client(shared_world, "diw_admin")
    client.cookies["django_language"] = "en"
    assert _heading(client, area.get_absolute_url()).startswith(
        'Bang Kadi <small class="text-muted" lang="th">ตำบลบางกะดี'
    )
    assert f'Province {province.name_en} <small class="text-muted" lang="th">{province.name_th}' in _heading(
        client, province.get_absolute_url()
    )
    client.cookies["django_language"] = "th"
    assert _heading(client, area.get_absolute_url()).startswith(
        'ตำบลบางกะดี <small class="text-muted" lang="en">Bang Kadi'
    )
    assert f"{province.name_th} <small" in _heading(client, province.get_absolute_url())


def _linked_cells(client, route) -> list[str]:
    return re.findall(r"<td[^>]*>\s*<a [^>]*>(.*?)</a>", client.get(reverse(route)).content.decode())


def test_lists_show_names_in_the_page_language(shared_world, db):
    from ecotown.engagement.models import Committee

    Committee.objects.filter(pk=shared_world.committee_a1.pk).update(name_en="Bang Kadi area committee")
    client = _client(shared_world, "diw_admin")
    for route, thai, english in [
        ("areas:area_list", "ตำบลบางกะดี", "Bang Kadi"),
        ("engagement:committee_list", "คณะกรรมการพื้นที่บางกะดี", "Bang Kadi area committee"),
    ]:
        client.cookies["django_language"] = "en"
        cells = _linked_cells(client, route)
        assert english in cells, route
        assert thai not in cells, route
        client.cookies["django_language"] = "th"
        cells = _linked_cells(client, route)
        assert thai in cells, route
        assert english not in cells, route


def test_emails_are_thai(shared_world, db, data, client_for, django_capture_on_commit_callbacks):
    """The invitation, the new-role notice, the e-mail change and the password reset, sent from a Thai page."""
    from ecotown.accounts import services
    from ecotown.accounts.choices import Role

    mail.outbox = []
    with translation.override("th"), django_capture_on_commit_callbacks(execute=True):
        services.grant_role(email="somchai@example.go.th", full_name="สมชาย ใจดี", role=Role.AREA_SECRETARY,
                            area=shared_world.area_a2, acting_user=shared_world.diw_admin)  # fmt: skip
        services.grant_role(email=shared_world.officer_b.email, full_name="", role=Role.INTERNAL_AUDITOR,
                            area=shared_world.area_b1, acting_user=shared_world.diw_admin)  # fmt: skip
        services.request_email_change(shared_world.public, "public.new@example.go.th")
    client_for(None).post(reverse("accounts:password_reset"), {"email": shared_world.officer_a.email})
    assert len(mail.outbox) == 4
    data = data_strings()  # with the accounts just made
    for message in mail.outbox:
        found = english_left(html.escape(f"{message.subject}\n{message.body}"), data)
        assert not found, f"“{message.subject}”: English left in a Thai e-mail: {found}"


def test_the_catalogue_upload_tells_yaml_errors_in_thai(shared_world, db, data):
    from django.core.files.uploadedfile import SimpleUploadedFile

    broken = SimpleUploadedFile("catalogue.yaml", b"catalogue:\n  code: eit\n  title: [1, 2\n")
    response = _client(shared_world, "diw_admin").post(reverse("criteria:catalogue_upload"), {"file": broken})
    page = response.content.decode()
    assert "ไฟล์นี้ไม่ใช่ YAML ที่ถูกต้อง: ต้องมี “,” หรือ “]”" in page
    assert english_left(page, data) == []


LISTS = [row for row in PAGES if row.route.endswith("_list") and not row.query]


@pytest.mark.parametrize("row", LISTS, ids=[row.route for row in LISTS])
def test_paginated_lists_and_their_htmx_fragments_are_thai(shared_world, db, data, row):
    """One row a page, so that the pagination shows; and the fragment a search or filter fetches with HTMX."""
    url = reverse(row.route, kwargs=row.kwargs(shared_world)) + "?per_page=1"
    client = _client(shared_world, row.persona)
    for headers in ({}, {"HTTP_HX_REQUEST": "true"}):
        response = client.get(url, **headers)
        assert response.status_code == 200, url
        found = english_left(response.content.decode(), data)
        assert not found, f"{url} {headers}: English left on a Thai page: {found}"


def test_the_pagination_is_among_what_is_checked(shared_world, db):
    html = _client(shared_world, "diw_admin").get(reverse("areas:area_list") + "?per_page=1").content.decode()
    assert "หน้า 1 จาก 3" in html  # "Page 1 of 3": the world has three areas


def test_error_pages_are_thai(shared_world, db, data):
    """Not found (out of scope), not allowed, and an upload too large."""

    def refused(status):
        row = next(row for row in ROWS if row.expected == status and row.method == "GET"
                   and row.persona != "anonymous" and not row.route.startswith("api:"))  # fmt: skip
        return _client(shared_world, row.persona).get(reverse(row.route, kwargs=row.kwargs(shared_world)))

    responses = [
        refused(404),
        refused(403),
        _client(shared_world, "diw_admin").post(reverse("criteria:catalogue_upload"), {}, CONTENT_LENGTH=10**12),
    ]
    assert [response.status_code for response in responses] == [404, 403, 413]
    for response in responses:
        found = english_left(response.content.decode(), data)
        assert not found, f"{response.status_code}: English left on a Thai page: {found}"


def _api_write_rows():
    chosen = {}
    for row in ROWS:
        if row.route.startswith("api:") and row.method in ("POST", "PATCH", "PUT") and 200 <= row.expected < 300:
            chosen.setdefault((row.route, row.method), row)
    return list(chosen.values())


API_WRITES = _api_write_rows()


def _messages(value) -> list[str]:
    """The texts of an API answer (not its keys, which are field names)."""
    if isinstance(value, dict):
        return [text for item in value.values() for text in _messages(item)]
    if isinstance(value, list):
        return [text for item in value for text in _messages(item)]
    return [value] if isinstance(value, str) else []


@pytest.mark.parametrize("row", API_WRITES, ids=[f"{row.method} {row.route}" for row in API_WRITES])
def test_api_errors_are_thai(shared_world, db, data, row, api_client_for):
    """The API answers in the request's language too: Thai unless the client chose English."""
    url = reverse(row.route, kwargs=row.kwargs(shared_world))
    body = {"revision": "x", "fiscal_year": "next year"} if row.method != "POST" else {}
    response = api_client_for(shared_world.users[row.persona]).generic(
        row.method, url, data=json.dumps(body), content_type="application/json"
    )
    assert response.status_code in (400, 409), f"{url}: {response.status_code}"
    texts = _messages(response.json())
    assert texts, url
    found = english_left("".join(f"<p>{html.escape(text)}</p>" for text in texts), data)
    assert not found, f"{url}: English left in the API's answer: {found} in {texts}"
