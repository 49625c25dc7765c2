import pytest

from ecotown.accounts.testing import PASSWORD

pytestmark = pytest.mark.django_db


def test_a_user_gets_a_token_and_the_api_scopes_by_it(world, client):
    response = client.post("/api/token/", {"username": "officer_b", "password": PASSWORD})
    assert response.status_code == 200
    token = response.json()["token"]
    headers = {"Authorization": f"Token {token}"}
    secretary_a1 = world.secretary_a1.role_assignments.get()
    assert client.get(f"/api/role-assignments/{secretary_a1.pk}/", headers=headers).status_code == 404
    own = world.officer_b.role_assignments.get()
    assert client.get(f"/api/role-assignments/{own.pk}/", headers=headers).status_code == 200


def test_a_wrong_password_gets_no_token(world, client):
    response = client.post("/api/token/", {"username": "officer_b", "password": "wrong"})
    assert response.status_code == 400
    assert "token" not in response.json()
