"""Property-based fuzzing of the whole API against a live test server, with every role's token (issue 13).

schemathesis reads the published schema (`/api/schema/`, with the refusals core.api.schema adds) and generates
requests for every operation: valid ones and, as often, ones that break the schema (wrong types, missing fields,
odd characters). Every answer must be a 4xx or a success, never a 5xx, and must be one the schema lists, with the
content type and body it describes.

Bounded: a fixed seed (hypothesis `derandomize`), no shrinking, `FUZZ_EXAMPLES` examples (default 5) per
operation and persona, valid and invalid mixed, on random and on existing objects: about 3,000 requests, a few
minutes (docs/benchmarks.md). Deselect it with `-m "not fuzz"` while working on something else; `.ci/run` runs it
once, in the PostgreSQL pass.

A failure lists every operation that broke, with the request to repeat (curl) and what was wrong.
"""

import os

import pytest

pytestmark = [pytest.mark.fuzz, pytest.mark.django_db(transaction=True)]

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "5"))
FUZZED = ("diw_admin", "officer_a", "officer_b", "secretary_a1", "auditor_a1", "external_auditor", "operator",
          "consultant", "public", "anonymous")  # fmt: skip
# Known objects a detail operation is also tried on, besides random ids (which are mostly 404).
KNOWN_IDS = 3


def known_ids(base_url, headers) -> dict[str, list]:
    """{list path: a few ids (or codes) of its rows} as the DIW administrator reads them."""
    import requests

    found = {}
    schema = requests.get(f"{base_url}/api/schema/?format=json", timeout=30).json()
    for path in schema["paths"]:
        if "{" in path or not path.startswith("/api/") or path.endswith("/token/"):
            continue
        response = requests.get(f"{base_url}{path}?limit={KNOWN_IDS}", headers=headers, timeout=30)
        if response.status_code == 200:
            rows = response.json().get("results", [])
            found[path] = [row.get("id", row.get("code")) for row in rows if row.get("id", row.get("code"))]
    return found


def strategies(operation, ids):
    """The operation's positive and negative cases, on random and on known objects."""
    from hypothesis import strategies as st
    from schemathesis import GenerationMode

    modes = (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
    options = [operation.as_strategy(generation_mode=mode) for mode in modes]
    names = [p.name for p in operation.path_parameters]
    if len(names) == 1:
        for value in ids.get(operation.path.split("{")[0], []):
            options += [
                operation.as_strategy(generation_mode=mode, path_parameters={names[0]: value}) for mode in modes
            ]
    return st.one_of(options)


def fuzz_operation(operation, ids, base_url, headers) -> list[str]:
    """Run one operation's examples; the problems found (empty when all is well)."""
    from hypothesis import HealthCheck, Phase, given, settings
    from schemathesis.checks import not_a_server_error
    from schemathesis.specs.openapi.checks import (
        content_type_conformance,
        response_schema_conformance,
        status_code_conformance,
    )

    checks = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
    problems = []

    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=strategies(operation, ids))
    def run(case):
        case.call_and_validate(base_url=base_url, headers={**headers, "Connection": "close"}, checks=checks, timeout=30)

    try:
        run()
    except (Exception, BaseExceptionGroup) as error:  # the first failure of each operation, all reported together
        problems.append(f"{operation.label}: {type(error).__name__}: {str(error)[:2000]}")
    return problems


@pytest.mark.parametrize("persona", FUZZED)
def test_no_answer_is_a_server_error_or_outside_the_schema(live_server, persona):
    import schemathesis
    from rest_framework.authtoken.models import Token

    from ecotown.core.testing import build_world
    from ecotown.geo.geography import load_geography

    load_geography(with_subdistricts=False)  # transactional tests start from an empty database
    world = build_world(full=True)
    user = world.users[persona]
    headers = {"Authorization": f"Token {Token.objects.create(user=user).key}"} if user else {}
    admin = {"Authorization": f"Token {Token.objects.get_or_create(user=world.diw_admin)[0].key}"}
    base_url = live_server.url
    ids = known_ids(base_url, admin)
    assert len(ids) >= 10, "the world has rows to fuzz the detail operations on"
    schema = schemathesis.openapi.from_url(f"{base_url}/api/schema/?format=json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 50, "every operation of the API is fuzzed"
    problems = []
    # A new connection for each request: over a kept-alive one, each answer of the test server waits ~45 ms for
    # a delayed TCP acknowledgement (measured: 55 ms a request against 10 ms), five times the whole run.
    for operation in operations:
        problems += fuzz_operation(operation, ids, base_url, headers)
    assert not problems, "\n\n".join(problems)


# -- the fuzz run can fail -----------------------------------------------------------------------------------------


def _provinces(live_server):
    import schemathesis

    from ecotown.geo.geography import load_geography

    load_geography(with_subdistricts=False)
    schema = schemathesis.openapi.from_url(f"{live_server.url}/api/schema/?format=json")
    return next(result.ok() for result in schema.get_all_operations() if result.ok().label == "GET /api/provinces/")


def test_the_fuzz_run_reports_a_server_error(live_server, monkeypatch):
    from ecotown.geo.api.views import ProvinceViewSet

    def broken(self, request, *args, **kwargs):
        raise RuntimeError("planted")

    operation = _provinces(live_server)
    monkeypatch.setattr(ProvinceViewSet, "list", broken)
    problems = fuzz_operation(operation, {}, live_server.url, {})
    assert len(problems) == 1
    assert "Server error" in problems[0]
    assert "curl" in problems[0]


def test_the_fuzz_run_reports_an_answer_outside_the_schema(live_server, monkeypatch):
    from rest_framework.response import Response

    from ecotown.geo.api.views import ProvinceViewSet

    operation = _provinces(live_server)
    monkeypatch.setattr(ProvinceViewSet, "list", lambda self, request, *a, **k: Response({"count": "many"}))
    problems = fuzz_operation(operation, {}, live_server.url, {})
    assert len(problems) == 1
    assert "violates schema" in problems[0]
