import pytest

from ecotown.criteria.testing import bulk_make_requirements
from ecotown.criteria.tests.factories import EIT_2022, load

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue():
    return load(EIT_2022.read_text(encoding="utf-8"))


@pytest.mark.parametrize("persona", ["diw_admin", "officer_b", "operator", "public", "anonymous"])
def test_everyone_may_read_catalogues_and_requirements(world, api_client_for, catalogue, persona):
    client = api_client_for(getattr(world, persona))
    catalogues = client.get("/api/catalogues/")
    assert catalogues.status_code == 200
    assert catalogues.json()["results"][0]["code"] == "eit"
    assert len(catalogues.json()["results"][0]["levels"]) == 5
    assert client.get("/api/requirements/").json()["count"] == 36
    requirement = catalogue.requirements.get(code="G3-02")
    detail = client.get(f"/api/requirements/{requirement.pk}/").json()
    assert detail["level"] == 3
    assert detail["target_kind"] == "percentage"
    assert set(detail["dimensions"]) == {"environment"}


@pytest.mark.parametrize("persona", ["diw_admin", "public", "anonymous"])
def test_the_api_is_read_only(world, api_client_for, catalogue, persona):
    client = api_client_for(getattr(world, persona))
    assert client.post("/api/catalogues/", {"code": "x"}).status_code in (401, 403, 405)
    requirement = catalogue.requirements.first()
    assert client.delete(f"/api/requirements/{requirement.pk}/").status_code in (401, 403, 405)
    assert catalogue.requirements.filter(pk=requirement.pk).exists()


def test_requirements_filter_by_catalogue_kind_level_and_dimension(world, api_client_for, catalogue):
    client = api_client_for(None)

    def codes(**params):
        return {item["code"] for item in client.get("/api/requirements/", params).json()["results"]}

    assert len(codes(catalogue_code="eit", catalogue_version="2022.2", kind="basic")) == 12
    assert codes(catalogue_version="1999") == set()
    assert codes(level=2, kind="specific") == {"S2-01", "S2-02", "S2-03"}
    assert "G4-01" in codes(dimension="economy", level=4)
    assert codes(catalogue=catalogue.pk, q="ISO 14001") == {"G2-02"}
    assert client.get("/api/catalogues/", {"code": "eit", "version": "2022.2"}).json()["count"] == 1


def test_the_requirement_api_stays_within_its_query_budget(
    world, api_client_for, catalogue, django_assert_max_num_queries
):
    client = api_client_for(world.officer_a)
    bulk_make_requirements(catalogue, 360)
    with django_assert_max_num_queries(10):
        response = client.get("/api/requirements/", {"limit": 1000})
    assert response.status_code == 200
    assert response.json()["count"] == 396


def test_the_catalogue_api_says_what_its_source_states_and_assumes(world, api_client_for, catalogue):
    detail = api_client_for(None).get(f"/api/catalogues/{catalogue.pk}/").json()
    assert (detail["source_is_draft"], detail["effective_date_assumed"]) == (True, True)
    totals = detail["declared_totals"]
    assert (totals["basic"], totals["general"], totals["specific"]) == (12, 23, 6)
    assert "23" in detail["source_note_th"]
    assert [level["name_is_provisional"] for level in detail["levels"]] == [True] * 5
