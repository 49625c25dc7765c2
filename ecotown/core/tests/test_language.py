import pytest

pytestmark = pytest.mark.django_db


def test_pages_are_thai_even_when_the_browser_asks_for_english(client):
    response = client.get("/areas/", headers={"Accept-Language": "en-US,en;q=0.9"})
    assert '<html lang="th">' in response.content.decode()


def test_the_english_switch_sticks(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/areas/"})
    response = client.get("/areas/", headers={"Accept-Language": "th"})
    assert '<html lang="en">' in response.content.decode()
    client.post("/i18n/setlang/", {"language": "th", "next": "/areas/"})
    assert '<html lang="th">' in client.get("/areas/").content.decode()
