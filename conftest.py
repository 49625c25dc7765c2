import pytest
from django.test import Client, override_settings
from rest_framework.test import APIClient

from ecotown.core.testing import build_world
from ecotown.geo.geography import load_geography

FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Provinces and districts are reference data every test may use: load them once per test database."""
    with django_db_blocker.unblock():
        load_geography(with_subdistricts=False)


@pytest.fixture(scope="session", autouse=True)
def _static_files_indexed_once():
    """WhiteNoise indexes every static file (a stat and a header set for each) when a handler loads its
    middleware, which each new test client does: 13–20 ms a client, a quarter of the permission matrix's time.
    The files do not change during a run, so the first index serves every later client, as the one handler of a
    server process does in production."""
    from whitenoise.middleware import WhiteNoiseMiddleware

    original = WhiteNoiseMiddleware.add_files_from_finders
    index = {}

    def add_files_from_finders(self):
        if not index:
            before = dict(self.files)
            original(self)
            index.update((url, file) for url, file in self.files.items() if before.get(url) is not file)
        self.files.update(index)

    WhiteNoiseMiddleware.add_files_from_finders = add_files_from_finders
    yield
    WhiteNoiseMiddleware.add_files_from_finders = original


@pytest.fixture(scope="session")
def _evidence_root(tmp_path_factory):
    return tmp_path_factory.mktemp("evidence")


@pytest.fixture(autouse=True)
def _fast_test_settings(settings, _evidence_root):
    # Uploaded evidence and job files go to a temporary folder, never the checkout's var/.
    settings.EVIDENCE_ROOT = _evidence_root
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    # Hashing passwords the production way costs ~0.3 s a user; tests create hundreds.
    settings.PASSWORD_HASHERS = FAST_HASHERS


@pytest.fixture
def world(db):
    return build_world()


def _client_for(user, client_class):
    client = client_class()
    if user is not None:
        client.force_login(user, backend="ecotown.accounts.backends.UsernameOrEmailBackend")
    return client


@pytest.fixture
def client_for():
    """`client_for(user)`: a Django test client signed in as `user` (anonymous for None)."""
    return lambda user: _client_for(user, Client)


@pytest.fixture
def api_client_for():
    return lambda user: _client_for(user, APIClient)


@pytest.fixture(scope="module")
def shared_world(django_db_setup, django_db_blocker, _evidence_root):
    """The full world (personas and every app's sample records) built once per module inside a transaction
    that is rolled back at the end; each test still runs in its own savepoint (request `db` too)."""
    from django.db import transaction

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            with override_settings(PASSWORD_HASHERS=FAST_HASHERS, EVIDENCE_ROOT=_evidence_root):
                world = build_world(full=True)
            yield world
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture(scope="module")
def persona_client(shared_world, django_db_blocker):
    """`persona_client(persona)`: an API client signed in as one of the shared world's personas (anonymous for
    "anonymous"), with no cookie but its session. Each persona signs in once per module, inside the module's
    transaction: a new client loads the whole middleware chain and a sign-in writes a session, a history row and
    an access-log row, which every row of the permission matrix and the Thai-page check paid (about half their
    time). What a test does to the session (a sign-out, a new password) is rolled back with it."""
    from http.cookies import SimpleCookie

    from django.conf import settings

    clients = {}
    with django_db_blocker.unblock():
        for persona, user in shared_world.users.items():
            client = _client_for(user, APIClient)
            key = client.cookies[settings.SESSION_COOKIE_NAME].value if user is not None else None
            clients[persona] = (client, key)

    def signed_in(persona):
        client, key = clients[persona]
        client.cookies = SimpleCookie()  # nothing an earlier test's answer set (language, messages, a new session)
        if key:
            client.cookies[settings.SESSION_COOKIE_NAME] = key
        return client

    return signed_in
