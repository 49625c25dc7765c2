"""List pages kept as written until the database changes (core.kept): never a page older than the data.

These tests commit for real (transactional): inside a transaction nothing is kept, which the last tests check.
"""

import re
import threading
from datetime import timedelta

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.fallback import FallbackStorage
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ecotown.accounts.choices import Role
from ecotown.accounts.models import RoleAssignment
from ecotown.accounts.testing import assign, make_user
from ecotown.areas.models import Area
from ecotown.areas.testing import make_area
from ecotown.core import kept
from ecotown.core.testing import build_world
from ecotown.geo.geography import load_geography

AREAS = "/areas/"
TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def committed_world(transactional_db):
    load_geography(with_subdistricts=False)  # transactional tests start from an empty database
    return build_world()


@pytest.fixture(autouse=True)
def _nothing_kept():
    kept.forget()
    yield
    kept.forget()


def signed_in(user, **kwargs):
    client = Client(**kwargs)
    client.force_login(user, backend="ecotown.accounts.backends.UsernameOrEmailBackend")
    return client


def get(client, path=AREAS, **kwargs):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, **kwargs)
    assert response.status_code == 200
    return response, [query["sql"] for query in queries.captured_queries]


def without_tokens(content: bytes) -> bytes:
    content = TOKEN.sub(b"", content)
    return re.sub(rb'"X-CSRFToken": "[^"]+"', b"", content)


def test_a_page_is_served_again_as_written_until_a_change_is_committed(committed_world):
    officer = signed_in(committed_world.users["officer_a"])
    first, first_queries = get(officer)
    again, again_queries = get(officer)
    # written once: the second answer is the state of the database, the session and the user
    assert len(again_queries) == 3 < len(first_queries)
    assert without_tokens(again.content) == without_tokens(first.content)
    assert kept.stats()[0] == 1

    Area.objects.filter(pk=committed_world.area_a1.pk).update(name_th="ตำบลบางกะดีใหม่")
    renamed, renamed_queries = get(officer)
    assert "ตำบลบางกะดีใหม่" in renamed.content.decode()
    assert len(renamed_queries) > 3

    area = Area.objects.get(pk=committed_world.area_a2.pk)
    area.name_th = "อำเภอลาดหลุมแก้วใหม่"
    area.save()
    assert "อำเภอลาดหลุมแก้วใหม่" in get(officer)[0].content.decode()


def test_a_change_committed_by_another_connection_shows_at_once(committed_world):
    officer = signed_in(committed_world.users["officer_a"])
    get(officer)
    assert len(get(officer)[1]) == 3

    def add_area():
        try:
            make_area(committed_world.province_a, "pte-a9", name_th="พื้นที่จากอีกการเชื่อมต่อ")
        finally:
            connection.close()

    writer = threading.Thread(target=add_area)
    writer.start()
    writer.join()
    assert "พื้นที่จากอีกการเชื่อมต่อ" in get(officer)[0].content.decode()


def test_a_page_kept_by_one_connection_is_not_served_to_another_after_a_change(committed_world):
    # SQLite's counters belong to one connection: two fresh connections count alike whatever happened between.
    def in_a_thread_of_its_own(request):
        answer = {}

        def run():
            try:
                answer["page"] = request().content.decode()
            finally:
                connection.close()

        thread = threading.Thread(target=run)
        thread.start()
        thread.join()
        return answer["page"]

    anonymous = Client()
    assert "ตำบลบางกะดี" in in_a_thread_of_its_own(lambda: anonymous.get(AREAS))
    Area.objects.filter(pk=committed_world.area_a1.pk).update(name_th="ตำบลบางกะดีใหม่")
    assert "ตำบลบางกะดีใหม่" in in_a_thread_of_its_own(lambda: anonymous.get(AREAS))


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's counters; PostgreSQL's snapshot is global")
@pytest.mark.django_db
def test_two_fresh_connections_to_a_database_file_never_share_a_state(tmp_path):
    # A fresh connection to a SQLite file counts (0 changes, data version 2) whatever the file holds: the state
    # must say which connection counted, or a page kept before a change is served after it by a new connection.
    from django.db.backends.sqlite3.base import DatabaseWrapper

    settings = {**connection.settings_dict, "NAME": str(tmp_path / "kept.sqlite3")}
    opened = [DatabaseWrapper(settings, alias=f"kept_{number}") for number in range(3)]
    try:
        with opened[0].cursor() as cursor:
            cursor.execute("CREATE TABLE shown (name text)")
        before = kept.database_state(opened[1])
        with opened[0].cursor() as cursor:
            cursor.execute("INSERT INTO shown VALUES ('new')")
        assert kept.database_state(opened[2]) != before
        assert kept.database_state(opened[1]) != before
    finally:
        for wrapper in opened:
            wrapper.close()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's snapshot (SQLite lets one writer in)")
def test_a_change_committed_while_another_transaction_runs_shows_at_once(committed_world):
    # The oldest running transaction holds the snapshot's xmin still: the state must be the whole snapshot.
    from django.db import transaction

    started, release = threading.Event(), threading.Event()

    def hold_a_transaction():
        try:
            with transaction.atomic():
                make_user("holder")
                started.set()
                release.wait(30)
                transaction.set_rollback(True)
        finally:
            connection.close()

    holder = threading.Thread(target=hold_a_transaction)
    holder.start()
    try:
        assert started.wait(30)
        anonymous = Client()
        get(anonymous)
        Area.objects.filter(pk=committed_world.area_a1.pk).update(name_th="ตำบลบางกะดีใหม่")
        assert "ตำบลบางกะดีใหม่" in get(anonymous)[0].content.decode()
    finally:
        release.set()
        holder.join()


def test_the_state_is_read_before_the_user_and_anything_else(committed_world):
    officer = signed_in(committed_world.users["officer_a"])
    for _ in range(2):  # written, then served again
        queries = get(officer)[1]
        assert re.search(r"data_version|pg_current_snapshot", queries[0])
        assert "django_session" in queries[1]
        assert all("data_version" not in sql and "pg_current_snapshot" not in sql for sql in queries[1:])


def test_a_kept_page_carries_a_fresh_csrf_token_that_the_server_accepts(committed_world):
    officer = signed_in(committed_world.users["officer_a"], enforce_csrf_checks=True)
    first = get(officer)[0]
    again = get(officer)[0]
    assert kept.CSRF_MARK.encode() not in again.content
    first_tokens, tokens = set(TOKEN.findall(first.content)), set(TOKEN.findall(again.content))
    assert len(tokens) == 1
    assert tokens != first_tokens
    (token,) = tokens
    assert f'"X-CSRFToken": "{token.decode()}"'.encode() in again.content
    answer = officer.post(
        reverse("set_language"), {"language": "en", "next": AREAS, "csrfmiddlewaretoken": token.decode()}
    )
    assert answer.status_code == 302


def test_each_user_language_address_and_fragment_has_its_own_page(committed_world):
    users = committed_world.users
    officer_a, officer_b, anonymous = signed_in(users["officer_a"]), signed_in(users["officer_b"]), Client()
    pages = [get(officer_a)[0], get(officer_b)[0], get(anonymous)[0]]
    again = [get(officer_a)[0], get(officer_b)[0], get(anonymous)[0]]
    held_a, held_b = (RoleAssignment.objects.get(user=users[name]) for name in ("officer_a", "officer_b"))
    assert str(users["officer_a"]) in again[0].content.decode()
    assert str(held_a) in again[0].content.decode()
    assert str(held_b) not in again[0].content.decode()
    assert str(users["officer_b"]) in again[1].content.decode()
    assert str(held_b) in again[1].content.decode()
    assert str(held_a) not in again[1].content.decode()
    assert "accounts/login/" in again[2].content.decode()
    assert [without_tokens(page.content) for page in again] == [without_tokens(page.content) for page in pages]

    officer_a.cookies["django_language"] = "en"
    english = get(officer_a)[0].content.decode()
    assert "Bang Kadi" in english
    assert 'lang="en"' in english

    searched = get(anonymous, f"{AREAS}?q=Rayong")[0].content.decode()
    assert "เขตควบคุมมลพิษระยอง" in searched
    assert "ตำบลบางกะดี" not in searched

    fragment = get(anonymous, headers={"HX-Request": "true"})[0].content.decode()
    assert "<html" not in fragment
    assert "ตำบลบางกะดี" in fragment
    assert "<html" in get(anonymous)[0].content.decode()
    assert kept.stats()[0] == 6


def test_a_revoked_or_expired_role_changes_the_page(committed_world, monkeypatch):
    person = make_user("somchai")
    officer = assign(person, Role.PROVINCIAL_OFFICER, committed_world.province_a)
    secretary = assign(person, Role.AREA_SECRETARY, committed_world.area_a1, valid_until=timezone.localdate())
    client = signed_in(person)
    page = get(client)[0].content.decode()
    assert str(officer) in page
    assert str(secretary) in page

    RoleAssignment.objects.filter(pk=officer.pk).delete()
    page = get(client)[0].content.decode()
    assert str(officer) not in page
    assert str(secretary) in page

    tomorrow = timezone.localdate() + timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)
    assert str(secretary) not in get(client)[0].content.decode()


def test_a_request_that_crosses_midnight_keeps_its_page_under_the_day_it_began(committed_world, monkeypatch):
    # The day is fixed before anything is read: the roles in force, and the key, are those of the same day.
    today = timezone.localdate()
    tomorrow = today + timedelta(days=1)
    person = make_user("somchai")
    assign(person, Role.PROVINCIAL_OFFICER, committed_world.province_a)
    expiring = assign(person, Role.AREA_SECRETARY, committed_world.area_a1, valid_until=today)
    client = signed_in(person)
    days = iter([today])  # midnight strikes after the first look at the clock
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: next(days, tomorrow))
    assert str(expiring) in get(client, "/accounts/roles/")[0].content.decode()
    assert str(expiring) not in get(client, "/accounts/roles/")[0].content.decode()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's transaction ids")
@pytest.mark.django_db(transaction=True)
def test_the_postgresql_state_names_the_servers_start():
    # Transaction ids repeat on a promoted standby or a restored backup: the same snapshot, other data.
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_postmaster_start_time()::text")
        (started,) = cursor.fetchone()
    assert kept.database_state().endswith(f" {started}")


def test_the_role_assignments_are_read_once_per_state_of_the_database(committed_world):
    officer = signed_in(committed_world.users["officer_a"])
    reads = [sum("accounts_roleassignment" in sql for sql in get(officer, "/targets/")[1]) for _ in range(2)]
    assert reads[0] >= 1
    assert reads[1] == 0
    make_user("anyone")  # any commit
    assert sum("accounts_roleassignment" in sql for sql in get(officer, "/targets/")[1]) >= 1


def test_addresses_invented_by_a_visitor_cannot_grow_what_is_kept(committed_world, settings):
    settings.KEPT_PAGES_ENTRIES = 3
    anonymous = Client()
    for number in range(10):
        get(anonymous, f"{AREAS}?q={number}")
    assert kept.stats()[0] == 3
    kept.forget()
    size = len(get(anonymous)[0].content)
    count, kept_bytes = kept.stats()
    assert count == 1
    assert abs(kept_bytes - size) < 200
    # One page may not take more than an eighth of the room, so that it cannot push out all the others.
    settings.KEPT_PAGES_BYTES = 4 * size
    get(anonymous, f"{AREAS}?q=x")
    assert kept.stats() == (0, 0)


@pytest.mark.parametrize("setting", ["KEPT_PAGES_ENTRIES", "KEPT_PAGES_BYTES"])
def test_nothing_is_kept_when_turned_off(committed_world, settings, setting):
    setattr(settings, setting, 0)
    anonymous = Client()
    for _ in range(2):
        queries = get(anonymous)[1]
        assert not any("data_version" in sql or "pg_current_snapshot" in sql for sql in queries)
    assert kept.stats() == (0, 0)


def test_pages_that_do_not_keep_read_no_state(committed_world):
    officer = signed_in(committed_world.users["officer_a"])
    for path in ("/healthz", committed_world.area_a1.get_absolute_url(), "/"):
        assert not any("data_version" in sql or "pg_current_snapshot" in sql for sql in get(officer, path)[1])


@pytest.mark.django_db
def test_nothing_is_kept_inside_a_transaction(world, client_for):
    # A rollback would bring back the state of the database a kept page was written for, with other data.
    officer = client_for(world.users["officer_a"])
    for _ in range(2):
        get(officer)
    assert kept.stats() == (0, 0)


def test_a_page_with_messages_waiting_is_neither_kept_nor_served():
    request = RequestFactory().get(AREAS)
    request.kept_pages_state = ("state",)
    request.session = {}
    request._messages = FallbackStorage(request)
    request._messages.add(constants.SUCCESS, "Saved")
    assert kept.page_key(request) is None


def test_a_file_changed_under_runserver_drops_every_kept_page(committed_world):
    from pathlib import Path

    from django.utils.autoreload import file_changed

    get(Client())
    assert kept.stats()[0] == 1
    file_changed.send(sender=None, file_path=Path(kept.__file__).parent / "templates" / "core" / "object_list.html")
    assert kept.stats() == (0, 0)
