import pytest


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/provinces/",
        "/provinces/13/",
        "/areas/",
        "/accounts/login/",
        "/healthz",
        "/api/provinces/",
        "/api/schema/",
        "/api/docs/",
    ],
)
def test_public_pages_answer(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content[:2000]
