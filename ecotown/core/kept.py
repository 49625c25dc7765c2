"""List pages kept as written, for as long as nothing in the database changes (issue 12, page throughput).

A list page is a function of the data it reads (the user's row and role assignments included), the user, the
language, the day, the address with its query string, and whether HTMX asked for the results only. This module
keeps the HTML a list view wrote under all of those, where "the data" is a token that changes whenever a change
is committed to the database, whoever commits it:

- PostgreSQL: `pg_current_snapshot()`, the set of transactions this moment sees as finished. Two equal snapshots
  see the same committed data. Transaction ids are unique only within one server's history, so the server's start
  time goes with it: a promoted standby or a restored backup hands out ids the old server had used.
- SQLite: `PRAGMA data_version`, which changes when another connection commits, with `total_changes()`, this
  connection's own changes (committed or rolled back), and a serial number of the connection, since both counters
  belong to one connection.

The token is read before the request reads anything else from the database (`KeptPagesMiddleware.process_view`,
first in MIDDLEWARE, runs before the view loads the session's user), so a page kept under a token shows data at
least as new as the token: a commit after the token was read changes the token every later request reads. The day
is fixed there too, and the user's role assignments are those in force on that day (`today()`): a request that
crosses midnight would otherwise key its page by the new day with the old day's roles. Inside
a transaction (a test, or a view in `atomic`) nothing is kept or served: a rollback would bring back a token whose
page showed data that never was.

Permission checks still run on every request (the view's dispatch); only the writing of the page is saved. What
is not the same for every request is put back in: the CSRF token (a fresh mask of the user's secret). Pages with
messages waiting to be shown are neither kept nor served. Each process keeps at most KEPT_PAGES_ENTRIES pages
and KEPT_PAGES_BYTES bytes, dropping the least recently served first, so addresses invented by a visitor cannot
grow it.
"""

import itertools
import secrets
import threading
from collections import OrderedDict
from contextvars import ContextVar

from django.conf import settings
from django.contrib import messages
from django.core.signals import setting_changed
from django.db import connection
from django.db.backends.signals import connection_created
from django.dispatch import receiver
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone, translation
from django.utils.autoreload import file_changed

# Stands for the CSRF token in a kept page; unguessable, so no data can contain it by accident or design.
CSRF_MARK = f"csrf-{secrets.token_hex(16)}"
MARK_BYTES = CSRF_MARK.encode()

_serials = itertools.count(1)
_lock = threading.Lock()
_pages: OrderedDict = OrderedDict()
_size = 0
# The database's state and the day read at the start of this request, for what is read on the way (core.scopes:
# the user's role assignments); None outside a request that reads them.
_state: ContextVar = ContextVar("kept_pages_state", default=None)
_day: ContextVar = ContextVar("kept_pages_day", default=None)
_remembered: OrderedDict = OrderedDict()
REMEMBERED_ENTRIES = 1000


@receiver(connection_created)
def _number_connection(sender, connection, **kwargs):
    connection.kept_pages_serial = next(_serials)


def database_state(db=connection):
    """A token that changes whenever a change is committed to the database; None where it cannot be told (inside a
    transaction, or another database engine)."""
    if db.in_atomic_block:
        return None
    vendor = db.vendor
    if vendor == "postgresql":
        with db.cursor() as cursor:
            cursor.execute("SELECT pg_current_snapshot()::text || ' ' || pg_postmaster_start_time()::text")
            return cursor.fetchone()[0]
    if vendor == "sqlite":
        with db.cursor() as cursor:
            cursor.execute("SELECT total_changes(), data_version FROM pragma_data_version")
            changes, version = cursor.fetchone()
        serial = getattr(db, "kept_pages_serial", None)
        if serial is None:  # opened before this module was imported
            serial = db.kept_pages_serial = next(_serials)
        return (serial, changes, version)
    return None


def enabled() -> bool:
    return settings.KEPT_PAGES_ENTRIES > 0 and settings.KEPT_PAGES_BYTES > 0


def today():
    """The day this request was fixed to (a kept page's request), today otherwise."""
    return _day.get() or timezone.localdate()


def page_key(request):
    """What the page of this request depends on besides the view; None when it must be written afresh."""
    state = getattr(request, "kept_pages_state", None)
    if state is None or request.method not in ("GET", "HEAD") or len(messages.get_messages(request)):
        return None
    htmx = getattr(request, "htmx", None)
    return (
        state,
        request.resolver_match.view_name,
        request.get_full_path(),
        request.META.get("HTTP_HOST"),
        request.scheme,
        bool(htmx),
        bool(htmx and htmx.boosted),
        translation.get_language(),
        request.kept_pages_day,
        request.user.pk,
    )


def find(key, request):
    """The kept page for this key as a response, with a fresh CSRF token; None when there is none."""
    with _lock:
        page = _pages.get(key)
        if page is None:
            return None
        _pages.move_to_end(key)
    content, content_type = page
    if MARK_BYTES in content:
        content = content.replace(MARK_BYTES, get_token(request).encode())
    return HttpResponse(content, content_type=content_type)


def keep(key, csrf_token, response):
    """Keep a page just written (a post-render callback of its TemplateResponse)."""
    global _size
    if response.status_code != 200 or response.streaming:
        return
    content = response.content
    if csrf_token:
        content = content.replace(csrf_token.encode(), MARK_BYTES)
    size = len(content)
    if size > settings.KEPT_PAGES_BYTES // 8:
        return
    with _lock:
        old = _pages.pop(key, None)
        if old is not None:
            _size -= len(old[0])
        _pages[key] = (content, response["Content-Type"])
        _size += size
        while len(_pages) > settings.KEPT_PAGES_ENTRIES or _size > settings.KEPT_PAGES_BYTES:
            _, (dropped, _) = _pages.popitem(last=False)
            _size -= len(dropped)


def remembered(key, load) -> list:
    """`load()`, read once per state of the database while a kept page's request runs (a new list each time, of the
    same objects); `load()` every time otherwise."""
    state = _state.get()
    if state is None:
        return list(load())
    key = (state, key)
    with _lock:
        found = _remembered.get(key)
        if found is not None:
            _remembered.move_to_end(key)
            return list(found)
    found = tuple(load())
    with _lock:
        _remembered[key] = found
        while len(_remembered) > REMEMBERED_ENTRIES:
            _remembered.popitem(last=False)
    return list(found)


def forget():
    """Drop every kept page (settings changed in a test; a new process starts empty anyway)."""
    global _size
    with _lock:
        _pages.clear()
        _remembered.clear()
        _size = 0


def stats() -> tuple[int, int]:
    with _lock:
        return len(_pages), _size


@receiver(setting_changed)
def _forget_on_setting_change(**kwargs):
    forget()


@receiver(file_changed)
def _forget_on_file_change(**kwargs):
    # runserver reloads the code but not the process when a template changes: the pages it wrote go with it.
    forget()


class KeptPagesMiddleware:
    """Reads the database's state for views that keep their pages, before anything else reads the database.

    First in MIDDLEWARE: its process_view runs before any other, and nothing before a view loads the user."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        reset, reset_day = _state.set(None), _day.set(None)
        try:
            return self.get_response(request)
        finally:
            _state.reset(reset)
            _day.reset(reset_day)

    def process_view(self, request, view_func, view_args, view_kwargs):
        view_class = getattr(view_func, "view_class", None)
        if (
            view_class is not None
            and getattr(view_class, "keep_pages", False)
            and request.method in ("GET", "HEAD")
            and enabled()
        ):
            request.kept_pages_day = day = timezone.localdate()
            request.kept_pages_state = state = database_state()
            _state.set(state)
            _day.set(day)
        return None
