"""The areas API shows each audience only its own data: areas to everyone, their internal notes and contacts'
personal data (PDPA) to programme staff only (docs/security.md)."""

import pytest
from django.urls import reverse

from ecotown.areas.models import AreaContact

pytestmark = pytest.mark.django_db

NOTE = "ผู้ประกอบการรายหนึ่งยังไม่ส่งข้อมูล (internal note)"
PHONE, EMAIL = "081-234-5678", "contact.person@example.go.th"
STAFF = ["diw_admin", "officer_a", "secretary_a1", "auditor_a1", "external_auditor"]
OUTSIDE = ["public", "anonymous", "operator", "consultant"]


@pytest.fixture
def noted_area(world):
    world.area_a1.notes = NOTE
    world.area_a1.save()
    return world.area_a1


@pytest.fixture
def contact(world):
    return AreaContact.objects.create(area=world.area_a1, name="วิไลวรรณ มั่นคง", phone=PHONE, email=EMAIL)


@pytest.mark.parametrize("persona", STAFF)
def test_programme_staff_read_an_areas_notes(world, api_client_for, noted_area, persona):
    client = api_client_for(world.users[persona])
    detail = client.get(reverse("api:area-detail", kwargs={"pk": noted_area.pk})).json()
    areas = client.get(reverse("api:area-list")).json()["results"]
    listed = next(area for area in areas if area["id"] == noted_area.pk)
    assert detail["notes"] == listed["notes"] == NOTE


@pytest.mark.parametrize("persona", OUTSIDE)
def test_the_public_reads_an_area_without_its_notes(world, api_client_for, noted_area, persona):
    client = api_client_for(world.users[persona])
    detail = client.get(reverse("api:area-detail", kwargs={"pk": noted_area.pk}))
    listed = client.get(reverse("api:area-list"))
    assert detail.status_code == listed.status_code == 200
    assert detail.json()["name_th"] == noted_area.name_th
    assert "notes" not in detail.json()
    assert all("notes" not in area for area in listed.json()["results"])
    assert NOTE not in detail.content.decode() + listed.content.decode()


@pytest.mark.parametrize("persona", OUTSIDE)
def test_the_public_never_gets_a_contacts_phone_or_email(world, api_client_for, contact, persona):
    client = api_client_for(world.users[persona])
    responses = [
        client.get(reverse("api:areacontact-list")),
        client.get(reverse("api:areacontact-list"), {"area": world.area_a1.pk}),
        client.get(reverse("api:areacontact-detail", kwargs={"pk": contact.pk})),
    ]
    refused = (401, 403) if persona == "anonymous" else (403,)
    for response in responses:
        assert response.status_code in refused
        assert PHONE not in response.content.decode()
        assert EMAIL not in response.content.decode()


def test_the_areas_secretariat_reads_its_contacts(world, api_client_for, contact):
    response = api_client_for(world.secretary_a1).get(reverse("api:areacontact-detail", kwargs={"pk": contact.pk}))
    assert (response.json()["phone"], response.json()["email"]) == (PHONE, EMAIL)


BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.mark.parametrize("accept", [BROWSER_ACCEPT, "text/html"])
def test_the_api_answers_a_browser_in_json_when_debug_is_off(world, client, settings, accept):
    """No browsable API outside DEBUG: its forms and pages are surface nobody needs in production."""
    assert not settings.DEBUG
    response = client.get(reverse("api:area-list"), HTTP_ACCEPT=accept)
    assert response["Content-Type"] == "application/json"
    assert not response.content.lstrip().startswith(b"<")
    if accept == BROWSER_ACCEPT:
        assert response.status_code == 200
        assert response.json()["count"] == 3


def test_the_api_documentation_stays_readable(client):
    assert client.get(reverse("api-docs")).status_code == 200
    assert client.get(reverse("api-schema")).status_code == 200


def test_the_public_cannot_sort_areas_by_their_notes(world, api_client_for):
    """Sorting by a hidden field would tell which areas have notes, and how they begin."""
    for area, note in ((world.area_a2, "ก"), (world.area_a1, "ข"), (world.area_b1, "ค")):
        area.notes = note
        area.save()
    url = reverse("api:area-list")

    def order(persona, query=""):
        return [row["code"] for row in api_client_for(world.users[persona]).get(url + query).json()["results"]]

    assert order("officer_a", "?ordering=notes") == ["pte-a2", "pte-a1", "ryg-b1"]
    assert order("officer_a") != order("officer_a", "?ordering=notes")
    assert order("public", "?ordering=notes") == order("public")
    assert order("anonymous", "?ordering=-notes") == order("anonymous")
