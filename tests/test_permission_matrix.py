"""The role × scope permission matrix, reads and writes, pages and API, for every route of the site.

Each app lists its rows in <app>/tests/permission_rows.py (project routes in tests/permission_rows.py): who
(persona), how (method), where (route and object), what they get (status) and, for writes, what must or must not
have changed afterwards. A user outside an object's scope gets 404, never a 403 that would reveal it exists;
moving an object out of scope and granting a role above one's own are refused. The world is built once per run
of this module; each row runs in its own savepoint.

`test_every_route_has_rows` walks every URL pattern and API route and fails when a route, or one of the methods
it answers, has no row; every write route needs a row that succeeds and one that is refused.
"""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from ecotown.core.testing import REFUSED, WRITE_METHODS, all_routes
from tests import permission_rows as project_rows


def _collect():
    collected = list(project_rows.ROWS)
    for config in apps.get_app_configs():
        if not config.name.startswith("ecotown."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.tests.permission_rows")
        except ModuleNotFoundError:
            continue
        collected.extend(module.ROWS)
    return collected


ROWS = _collect()


@pytest.mark.parametrize("row", ROWS, ids=[f"{n:03d} {row}" for n, row in enumerate(ROWS)])
def test_permission_matrix(shared_world, persona_client, db, row):
    client = persona_client(row.persona)
    url = reverse(row.route, kwargs=row.kwargs(shared_world)) + (f"?{row.query}" if row.query else "")
    data = row.payload(shared_world)
    if row.route.startswith("api:"):
        response = client.generic(row.method, url, data=_json(data), content_type="application/json")
    elif row.method == "GET":
        response = client.get(url)
    else:
        response = client.post(url, data)
    expected = row.expected
    if expected in (401, 403) and row.persona == "anonymous" and row.route.startswith("api:"):
        assert response.status_code in (401, 403), f"{row} {url}: {response.status_code}"
    else:
        assert response.status_code == expected, f"{row} {url}: {response.status_code} {_detail(response)}"
    if row.check is not None:
        assert row.check(shared_world), f"{row} {url}: the data is not as expected afterwards"


def _json(data):
    import json

    return json.dumps(data, default=str) if data else None


def _detail(response) -> str:
    context = getattr(response, "context", None)
    form = context.get("form") if context else None
    if form is not None and form.errors:
        return str(form.errors.as_data())
    return response.content[:300].decode(errors="replace") if response.status_code >= 400 else ""


def test_every_route_has_rows():
    covered = {}
    for row in ROWS:
        covered.setdefault((row.route, _kind(row.method)), []).append(row)
    missing, one_sided = [], []
    for route, methods in sorted(all_routes().items()):
        for method in sorted(methods):
            found = covered.get((route, _kind(method)))
            if not found:
                missing.append(f"{method} {route}")
            elif method in WRITE_METHODS and route not in project_rows.OPEN_WRITES:
                refused = any(row.expected in REFUSED for row in found)
                allowed = any(row.expected not in REFUSED for row in found)
                if not (refused and allowed):
                    one_sided.append(f"{method} {route}")
    assert not missing, "routes without rows in the permission matrix:\n" + "\n".join(missing)
    assert not one_sided, "write routes without both a refused and an allowed row:\n" + "\n".join(one_sided)


def _kind(method: str) -> str:
    # PUT and PATCH both change an object: one of them covers the other.
    return "PATCH" if method == "PUT" else method
