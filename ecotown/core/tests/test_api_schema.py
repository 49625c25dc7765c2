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
        ("/api/areas/", "post", {"201", "400", "403", "409", "413"}),
        ("/api/areas/{id}/", "get", {"200", "403", "404"}),
        ("/api/areas/{id}/", "patch", {"200", "400", "403", "404", "409", "413"}),
        ("/api/areas/{id}/", "delete", {"204", "403", "404", "409"}),
        ("/api/token/", "post", {"200", "400", "413", "429"}),
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
