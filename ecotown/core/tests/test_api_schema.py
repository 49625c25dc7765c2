"""The published API schema lists every refusal an operation can answer (core.api.schema), so clients know them
and the fuzz run (tests/test_api_fuzz.py) holds the answers to it."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def schema(django_db_blocker):
    from drf_spectacular.generators import SchemaGenerator

    with django_db_blocker.unblock():
        return SchemaGenerator().get_schema(request=None, public=True)


def responses(schema, path, method):
    return set(schema["paths"][path][method]["responses"])


@pytest.mark.parametrize(
    ("path", "method", "expected"),
    [
        ("/api/areas/", "get", {"200", "400", "403"}),
        ("/api/areas/", "post", {"201", "400", "403", "409", "413", "415"}),
        ("/api/areas/{id}/", "get", {"200", "403", "404"}),
        ("/api/areas/{id}/", "patch", {"200", "400", "403", "404", "409", "413", "415"}),
        ("/api/areas/{id}/", "delete", {"204", "403", "404", "409"}),
        ("/api/token/", "post", {"200", "400", "413", "415", "429"}),
    ],
)
def test_the_schema_lists_the_refusals_of_an_operation(schema, path, method, expected):
    assert responses(schema, path, method) == expected


def test_every_operation_lists_a_refusal_and_its_body(schema):
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            refusals = {code for code in operation["responses"] if code.startswith("4")}
            assert refusals, f"{method} {path}"
            for code in refusals:
                assert "application/json" in operation["responses"][code]["content"], f"{method} {path} {code}"


def test_the_error_bodies_are_described(schema):
    components = schema["components"]["schemas"]
    assert components["ErrorDetail"]["required"] == ["detail"]
    assert "retry_after" in components["RetryLater"]["properties"]


# -- answers the fuzz run (tests/test_api_fuzz.py) found outside the schema, each kept here ----------------------


def test_a_read_only_choice_that_may_be_blank_says_so(schema):
    """A comment not answered yet has `response: ""`: the schema offered only the three answers."""
    response = schema["components"]["schemas"]["Comment"]["properties"]["response"]
    assert {"$ref": "#/components/schemas/BlankEnum"} in response["oneOf"]


def test_a_staff_only_field_is_never_required(schema):
    """The public reads a resolution without its notes: the schema must not promise them."""
    assert "notes" not in schema["components"]["schemas"]["Resolution"].get("required", [])
    assert "notes" in schema["components"]["schemas"]["Resolution"]["properties"]


def test_a_target_without_a_result_may_have_no_actual(schema):
    assert schema["components"]["schemas"]["Target"]["properties"]["actual"]["nullable"] is True


def test_a_url_the_api_does_not_have_is_a_json_404(client):
    response = client.get("/api/areas/1.5/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Not found."} or "detail" in response.json()


def test_a_page_that_does_not_exist_is_still_a_page(client):
    response = client.get("/areas/no/such/page/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.parametrize("number", ["-6.674773131827404e+62", "1e1000000", "99999999999999999999"])
@pytest.mark.parametrize("url", ["/api/resolutions/?meeting=", "/api/comments/?committee="])
def test_a_number_out_of_any_columns_range_in_a_filter_is_a_400(world, api_client_for, url, number):
    """SQLite could not compare a column with it: a 500 (OverflowError) before core.filtersets bounded it."""
    response = api_client_for(world.diw_admin).get(url + number)
    assert response.status_code == 400
    assert len(response.content) < 1000


def test_a_list_page_shows_a_number_out_of_range_as_a_form_error(world, client_for):
    response = client_for(world.diw_admin).get("/engagement/comments/?committee=99999999999999999999")
    assert response.status_code == 200
    assert "committee" in response.context["filter"].form.errors


def test_deleting_a_record_others_depend_on_is_a_409_that_says_so(world, api_client_for):
    from ecotown.areas.models import Area, AreaContact

    AreaContact.objects.create(area=world.area_a1, name="สมชาย ใจดี")
    response = api_client_for(world.diw_admin).delete(f"/api/areas/{world.area_a1.pk}/")
    assert response.status_code == 409
    assert "อ้างอิงอยู่ 3 รายการ" in response.json()["detail"]  # "…: 3 other records depend on it", in Thai
    assert Area.objects.filter(pk=world.area_a1.pk).exists()


def test_a_wrong_token_is_a_403_as_the_schema_says(world, client):
    """No 401 anywhere: the session is the first authentication and sends no challenge, so DRF answers 403."""
    response = client.get("/api/role-assignments/", headers={"Authorization": "Token not-a-token"})
    assert response.status_code == 403
    assert "detail" in response.json()


def test_a_body_in_another_format_is_a_415_as_the_schema_says(world, api_client_for):
    response = api_client_for(world.diw_admin).post("/api/areas/", b"<area/>", content_type="application/xml")
    assert response.status_code == 415
    assert "detail" in response.json()


def test_the_schema_is_generated_once_per_language_and_written_once_per_format(client, monkeypatch):
    from drf_spectacular.generators import SchemaGenerator

    generated = []
    original = SchemaGenerator.get_schema

    def counted(self, *args, **kwargs):
        generated.append(1)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(SchemaGenerator, "get_schema", counted)
    thai = client.get("/api/schema/")
    again = client.get("/api/schema/")
    assert thai.status_code == again.status_code == 200
    assert again.content == thai.content
    assert again["Content-Type"] == thai["Content-Type"]
    assert again["Content-Disposition"] == thai["Content-Disposition"]
    assert len(generated) == 1
    assert client.get("/api/schema/?lang=th").content == thai.content  # the page's language is Thai already
    english = client.get("/api/schema/?lang=en")
    json = client.get("/api/schema/?format=json")
    assert len(generated) == 2  # Thai and English; JSON is written from the Thai schema already generated
    assert english.content != thai.content
    assert b"openapi: 3" in english.content
    assert json.json()["openapi"].startswith("3")
    assert client.get("/api/schema/?lang=en").content == english.content
    assert client.get("/api/schema/?version=2").content == thai.content  # one version: ignored
    indented = client.get("/api/schema/?format=json", HTTP_ACCEPT="application/vnd.oai.openapi+json; indent=4")
    assert b'\n    "openapi"' in indented.content  # written as asked, from the schema already generated
    assert len(generated) == 2


def test_a_language_the_site_does_not_have_is_refused(client):
    response = client.get("/api/schema/?lang=xx")
    assert response.status_code == 400
    assert "lang" in response.json()


def test_a_changed_setting_forgets_the_written_schemas(client, settings):
    from ecotown.core.api.schema import SchemaView

    client.get("/api/schema/")
    assert SchemaView.written
    assert SchemaView.generated
    settings.SPECTACULAR_SETTINGS = {**settings.SPECTACULAR_SETTINGS, "TITLE": "Another title"}
    assert not SchemaView.written
    assert not SchemaView.generated
