"""A body above MAX_REQUEST_MB is refused before Django reads it (core.middleware.RequestSizeLimitMiddleware)."""

import pytest

from ecotown.areas.models import Area

pytestmark = pytest.mark.django_db


def oversized(client, url, settings, **extra):
    settings.MAX_REQUEST_BYTES = 1024
    return client.post(url, data=b"x" * 2048, content_type="application/octet-stream", **extra)


def test_an_oversized_upload_gets_a_readable_413_page_in_thai_by_default(client, settings):
    response = oversized(client, "/areas/", settings)
    assert response.status_code == 413
    assert response["Content-Type"].startswith("text/html")
    assert '<html lang="th">' in response.content.decode()
    assert response["Connection"] == "close"


def test_the_413_page_is_in_english_when_the_user_chose_english(client, settings):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    response = oversized(client, "/areas/", settings)
    assert response.status_code == 413
    page = response.content.decode()
    assert '<html lang="en">' in page
    assert "The upload is too large" in page


def test_the_api_gets_its_413_as_json(world, api_client_for, settings):
    count = Area.objects.count()
    response = oversized(api_client_for(world.diw_admin), "/api/areas/", settings)
    assert response.status_code == 413
    assert response["Content-Type"] == "application/json"
    assert "MB" in response.json()["detail"]
    assert Area.objects.count() == count


def test_a_body_within_the_limit_reaches_the_view(client, settings):
    settings.MAX_REQUEST_BYTES = 1024
    assert client.post("/i18n/setlang/", {"language": "en", "next": "/"}).status_code == 302
