import pytest

from ecotown.criteria.choices import TargetKind
from ecotown.criteria.testing import make_catalogue, make_requirement, make_requirements
from ecotown.targets.models import Actual, Target
from ecotown.targets.testing import make_target

pytestmark = pytest.mark.django_db


@pytest.fixture
def spread(world, targets_a1, percent, landfill):
    """Besides area A1's three targets: one in A2 and one in B1."""
    return [make_target(world.area_a2, percent, 2569, 70), make_target(world.area_b1, landfill, 2569, 500)]


def codes(response):
    return sorted((row["area"], row["requirement_code"], row["fiscal_year"]) for row in response.json()["results"])


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("diw_admin", 5), ("officer_a", 4), ("officer_b", 1), ("secretary_a1", 3), ("auditor_a1", 3), ("public", 0)],
)
def test_the_list_is_scoped(world, api_client_for, spread, persona, expected):
    response = api_client_for(getattr(world, persona)).get("/api/targets/")
    if persona == "public":
        assert response.status_code == 403
        return
    assert response.status_code == 200
    assert response.json()["count"] == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("province=21", [("ryg-b1", "G2", 2569)]),
        ("area=pte-a2", [("pte-a2", "G1", 2569)]),
        ("fiscal_year=2568", [("pte-a1", "G1", 2568), ("pte-a1", "G2", 2568)]),
        ("requirement=G2&province=13", [("pte-a1", "G2", 2568)]),
        ("level=2", [("pte-a1", "G2", 2568), ("ryg-b1", "G2", 2569)]),
        ("dimension=society&fiscal_year=2569", [("pte-a1", "G1", 2569), ("pte-a2", "G1", 2569)]),
        ("catalogue=eit&catalogue_version=2565&area=ryg-b1", [("ryg-b1", "G2", 2569)]),
        ("catalogue_version=9999", []),
    ],
)
def test_the_list_filters(world, api_client_for, spread, query, expected):
    response = api_client_for(world.diw_admin).get(f"/api/targets/?{query}")
    assert codes(response) == expected


def test_a_row_carries_its_actual_and_status(world, api_client_for, targets_a1):
    response = api_client_for(world.auditor_a1).get(f"/api/targets/{targets_a1[1].pk}/")
    body = response.json()
    assert body["actual"]["value"] == "1200.0000"
    assert body["status"] == "missed"
    assert body["kind"] == TargetKind.NUMBER


def test_outside_the_scope_is_not_found(world, api_client_for, targets_a1):
    client = api_client_for(world.officer_b)
    assert client.get(f"/api/targets/{targets_a1[0].pk}/").status_code == 404
    assert client.patch(f"/api/targets/{targets_a1[0].pk}/", {"target_value": "1"}).status_code == 404
    assert client.get(f"/api/actuals/{targets_a1[0].actual.pk}/").status_code == 404


def test_the_secretary_creates_a_target_in_her_area(world, api_client_for, percent):
    client = api_client_for(world.secretary_a1)
    response = client.post(
        "/api/targets/", {"area": "pte-a1", "requirement": percent.pk, "fiscal_year": 2570, "target_value": "95"}
    )
    assert response.status_code == 201, response.json()
    assert response.json()["unit"] == "%"
    response = client.post(
        "/api/targets/", {"area": "ryg-b1", "requirement": percent.pk, "fiscal_year": 2570, "target_value": "95"}
    )
    assert response.status_code == 400
    assert Target.objects.count() == 1


def test_the_api_uses_the_model_rules(world, api_client_for, percent):
    response = api_client_for(world.officer_a).post(
        "/api/targets/", {"area": "pte-a1", "requirement": percent.pk, "fiscal_year": 2570, "target_value": "150"}
    )
    assert response.status_code == 400
    assert response.json()["target_value"] == ["A percentage is between 0 and 100."]


def test_the_auditor_cannot_write(world, api_client_for, targets_a1, percent):
    client = api_client_for(world.auditor_a1)
    assert client.patch(f"/api/targets/{targets_a1[0].pk}/", {"target_value": "1"}).status_code == 403
    response = client.post(
        "/api/targets/", {"area": "pte-a1", "requirement": percent.pk, "fiscal_year": 2570, "target_value": "9"}
    )
    assert response.status_code == 403


def test_actuals_are_recorded_separately(world, api_client_for, targets_a1):
    client = api_client_for(world.secretary_a1)
    target = targets_a1[2]
    response = client.post("/api/actuals/", {"target": target.pk, "value": "92", "recorded_on": "2026-09-20"})
    assert response.status_code == 201, response.json()
    assert Actual.objects.get(target=target).is_met is True
    assert client.get(f"/api/targets/{target.pk}/").json()["status"] == "met"
    response = client.post("/api/actuals/", {"target": target.pk, "value": "101"})
    assert response.status_code == 400


def test_an_actual_cannot_go_to_a_target_outside_the_scope(world, api_client_for, landfill):
    target = make_target(world.area_b1, landfill, 2569, 500)
    response = api_client_for(world.secretary_a1).post("/api/actuals/", {"target": target.pk, "value": "400"})
    assert response.status_code == 400
    assert not Actual.objects.exists()


def test_the_list_stays_flat_when_data_grows_tenfold(world, api_client_for, django_assert_max_num_queries):
    client = api_client_for(world.officer_a)
    catalogue = make_catalogue(version="flat")
    for size in (3, 30):
        for requirement in make_requirements(catalogue, size, prefix=f"F{size}-"):
            make_target(world.area_a1, requirement, 2569, 1, actual=1)
            make_target(world.area_a2, requirement, 2569, 1)
        with django_assert_max_num_queries(10):
            response = client.get("/api/targets/?limit=1000")
        assert response.json()["count"] == 2 * (3 if size == 3 else 33)
        with django_assert_max_num_queries(10):
            client.get("/api/actuals/?limit=1000")


def test_a_requirement_without_target_is_refused(world, api_client_for, catalogue):
    plain = make_requirement(catalogue, "B1", target_kind=None)
    response = api_client_for(world.diw_admin).post(
        "/api/targets/", {"area": "pte-a1", "requirement": plain.pk, "fiscal_year": 2569, "target_value": "1"}
    )
    assert response.json()["requirement"] == ["Requirement B1 has no kind of target set in the catalogue."]
