"""Server time and SQL queries of the main pages and API lists, on the demo database that `make setup` builds.

    make setup && .venv/bin/python benchmarks/bench_pages.py [repeats]
Budget (issue 2): every page and API list ≤ 10 queries whatever the data size.
"""

import os
import statistics
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecotown.settings")
import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from ecotown.accounts.models import User  # noqa: E402
from ecotown.areas.models import Area  # noqa: E402

PAGES = [
    ("admin", "/"),
    ("admin", "/provinces/"),
    ("admin", "/provinces/13/"),
    ("admin", "/areas/"),
    ("admin", "area:pte-bang-kadi"),
    ("secretary.bangkadi", "area:pte-bang-kadi"),
    ("admin", "/accounts/roles/"),
    ("admin", "/criteria/"),
    ("admin", "/criteria/requirements/"),
    ("secretary.bangkadi", "/targets/areas/pte-bang-kadi/"),
    ("admin", "/targets/"),
    ("admin", "/api/provinces/"),
    ("admin", "/api/areas/"),
    ("admin", "/api/requirements/"),
    ("admin", "/api/targets/"),
]


def measure(client, url, repeats):
    timings = []
    for _ in range(repeats):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(timings), max(timings), len(queries)


def main():
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    clients = {}
    print(f"{'page':45} {'user':20} {'queries':>7} {'median ms':>10} {'max ms':>8}")
    for username, url in PAGES:
        if username not in clients:
            clients[username] = Client()
            clients[username].force_login(User.objects.get(username=username),
                                          backend="ecotown.accounts.backends.UsernameOrEmailBackend")  # fmt: skip
        if url.startswith("area:"):
            url = Area.objects.get(code=url.removeprefix("area:")).get_absolute_url()
        median, worst, queries = measure(clients[username], url, repeats)
        print(f"{url:45} {username:20} {queries:>7} {median:>10.1f} {worst:>8.1f}")


if __name__ == "__main__":
    main()
