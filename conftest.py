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
