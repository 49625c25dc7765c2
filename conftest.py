import pytest
from django.test import Client
from rest_framework.test import APIClient

from ecotown.core.testing import build_world
from ecotown.geo.geography import load_geography


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Provinces and districts are reference data every test may use: load them once per test database."""
    with django_db_blocker.unblock():
        load_geography(with_subdistricts=False)


@pytest.fixture(autouse=True)
def _fast_test_settings(settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    # Hashing passwords the production way costs ~0.3 s a user; tests create hundreds.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


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
