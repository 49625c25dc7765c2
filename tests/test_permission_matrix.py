"""The role × scope permission matrix: every persona against every kind of page and endpoint.

Each row is (persona, method, url, expected status). A user outside an object's scope gets 404 — never a 403
that would reveal the object exists. Every new endpoint adds its rows here or in its app's test_permissions.py.
"""

import pytest
from django.urls import reverse

from ecotown.core.testing import PERSONAS

LOGIN = 302
EVERYONE = dict.fromkeys(PERSONAS, 200)


def expect(default, **overrides):
    return {persona: overrides.get(persona, default) for persona in PERSONAS}


def area_url(world, area, action):
    return reverse(f"areas:area_{action}", kwargs={"pk": getattr(world, area).pk})


def assignment_of(world, persona):
    return world.users[persona].role_assignments.get()


MATRIX = [
    # Public reference pages.
    ("GET", lambda w: reverse("geo:province_list"), EVERYONE),
    ("GET", lambda w: reverse("geo:province_detail", kwargs={"code": "13"}), EVERYONE),
    ("GET", lambda w: reverse("areas:area_list"), EVERYONE),
    ("GET", lambda w: "/api/provinces/", EVERYONE),
    ("GET", lambda w: "/api/areas/", EVERYONE),
    # Editing an area: its province's officer and its own secretariat; others never learn it exists.
    (
        "GET",
        lambda w: area_url(w, "area_a1", "edit"),
        expect(
            404,
            diw_admin=200,
            officer_a=200,
            secretary_a1=200,
            auditor_a1=403,
            external_auditor=403,
            operator=403,
            consultant=403,
            public=403,
            anonymous=LOGIN,
        ),
    ),
    (
        "GET",
        lambda w: area_url(w, "area_b1", "edit"),
        expect(
            404,
            diw_admin=200,
            officer_b=200,
            auditor_a1=403,
            external_auditor=403,
            operator=403,
            consultant=403,
            public=403,
            anonymous=LOGIN,
        ),
    ),
    (
        "GET",
        lambda w: area_url(w, "area_a2", "delete"),
        expect(403, diw_admin=200, officer_a=200, officer_b=404, anonymous=LOGIN),
    ),
    (
        "GET",
        lambda w: reverse("areas:area_add"),
        expect(403, diw_admin=200, officer_a=200, officer_b=200, anonymous=LOGIN),
    ),
    ("GET", lambda w: area_url(w, "area_a1", "history"), EVERYONE),
    # Users and roles: national for DIW, a province's for its officer, an area's for its secretariat.
    (
        "GET",
        lambda w: reverse("accounts:roleassignment_list"),
        expect(403, diw_admin=200, officer_a=200, officer_b=200, secretary_a1=200, anonymous=LOGIN),
    ),
    (
        "GET",
        lambda w: assignment_of(w, "secretary_a1").get_absolute_url(),
        expect(403, diw_admin=200, officer_a=200, officer_b=404, secretary_a1=200, anonymous=LOGIN),
    ),
    (
        "GET",
        lambda w: assignment_of(w, "officer_b").get_absolute_url(),
        expect(403, diw_admin=200, officer_a=404, officer_b=200, secretary_a1=404, anonymous=LOGIN),
    ),
    (
        "GET",
        lambda w: reverse("accounts:roleassignment_edit", kwargs={"pk": assignment_of(w, "auditor_a1").pk}),
        expect(403, diw_admin=200, officer_a=200, officer_b=404, anonymous=LOGIN),
    ),
    (
        "GET",
        lambda w: f"/api/role-assignments/{assignment_of(w, 'secretary_a1').pk}/",
        expect(403, diw_admin=200, officer_a=200, officer_b=404, secretary_a1=200),
    ),
    ("GET", lambda w: reverse("accounts:profile"), expect(200, anonymous=LOGIN)),
    # The criteria catalogue is public; only DIW loads a new version.
    ("GET", lambda w: reverse("criteria:catalogue_list"), EVERYONE),
    ("GET", lambda w: reverse("criteria:requirement_list"), EVERYONE),
    ("GET", lambda w: "/api/catalogues/", EVERYONE),
    ("GET", lambda w: "/api/requirements/", EVERYONE),
    ("GET", lambda w: reverse("criteria:catalogue_upload"), expect(403, diw_admin=200, anonymous=LOGIN)),
    (
        "GET",
        lambda w: reverse("criteria:area_selection", kwargs={"code": w.area_a1.code}),
        expect(404, diw_admin=200, officer_a=200, secretary_a1=200, anonymous=LOGIN),
    ),
    # Target values: the area's officers, secretariat and internal auditors; 404 from another province.
    (
        "GET",
        lambda w: reverse("targets:area_target_table", kwargs={"code": w.area_a1.code}),
        expect(403, diw_admin=200, officer_a=200, officer_b=404, secretary_a1=200, auditor_a1=200, anonymous=LOGIN),
    ),
    (
        "GET",
        lambda w: reverse("targets:area_target_export", kwargs={"code": w.area_b1.code}),
        # No catalogue is loaded in this world: those in scope are sent back to the table (302), which says so.
        expect(403, diw_admin=302, officer_a=404, officer_b=302, secretary_a1=404, auditor_a1=404, anonymous=LOGIN),
    ),
    (
        "GET",
        lambda w: reverse("targets:area_target_import", kwargs={"code": w.area_a1.code}),
        expect(403, diw_admin=302, officer_a=302, officer_b=404, secretary_a1=302, anonymous=LOGIN),
    ),
    (
        "GET",
        lambda w: "/api/targets/",
        expect(403, diw_admin=200, officer_a=200, officer_b=200, secretary_a1=200, auditor_a1=200),
    ),
]


@pytest.mark.parametrize(("method", "url_of", "expected"), MATRIX)
@pytest.mark.parametrize("persona", PERSONAS)
def test_permission_matrix(world, client_for, persona, method, url_of, expected):
    client = client_for(world.users[persona])
    url = url_of(world)
    response = client.generic(method, url)
    status = response.status_code
    if persona == "anonymous" and url.startswith("/api/") and expected[persona] == 403:
        assert status in (401, 403)
    else:
        assert status == expected[persona], f"{persona} {method} {url}: {status}"


API_WRITES = [
    # (persona, area, expected status of PATCH /api/areas/<id>/)
    ("diw_admin", "area_b1", 200),
    ("officer_a", "area_a1", 200),
    # Areas are public, so refusing the change reveals nothing: 403 rather than 404.
    ("officer_a", "area_b1", 403),
    ("secretary_a1", "area_a1", 200),
    ("secretary_a1", "area_a2", 403),
    ("auditor_a1", "area_a1", 403),
    ("public", "area_a1", 403),
    ("anonymous", "area_a1", 403),
]


@pytest.mark.parametrize(("persona", "area", "expected"), API_WRITES)
def test_api_area_writes_follow_scope(world, api_client_for, persona, area, expected):
    client = api_client_for(world.users[persona])
    target = getattr(world, area)
    response = client.patch(f"/api/areas/{target.pk}/", {"population": 1234}, format="json")
    assert response.status_code == expected, response.content
    target.refresh_from_db()
    assert (target.population == 1234) == (expected == 200)
