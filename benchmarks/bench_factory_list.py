"""Budget (issue 15): the factory list with filters over a large register: ≤ 10 queries, server time.

Run after bench_factory_import.py has filled a database (it leaves PostgreSQL's behind):
    DATABASE_URL=postgres://…/ecotown_factories_bench .venv/bin/python benchmarks/bench_factory_list.py
On SQLite, point VAR_DIR at the directory of the database the import benchmark kept (--keep).
Times 20 requests of each URL through Django's test client, as the DIW administrator (every factory in scope) and
as a provincial officer (one province), and counts the queries of each.
"""

import argparse
import math
import os
import statistics
import sys
import time
from pathlib import Path

URLS = ("/factories/", "/factories/?q=ชุบโลหะ", "/factories/?q=สยามกรีน", "/factories/?q=ชุบ",
        "/factories/?province=13&factory_class=3&operating_status=operating", "/factories/?q=10130000000107",
        "/factories/?q=101300000", "/factories/?page=400", "/factories/?page=500&per_page=100",
        "/factories/?sort=province")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20, help="requests per URL (SQLite's national sort is slow)")
    repeat = parser.parse_args().repeat
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecotown.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from ecotown.accounts.choices import Role
    from ecotown.accounts.models import RoleAssignment, User
    from ecotown.factories.models import Factory
    from ecotown.geo.models import Province

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # what autovacuum does after a load: the planner's statistics
    print(f"{connection.vendor}: {Factory.objects.count():,} factories; load average {os.getloadavg()[0]:.1f}")
    admin, _ = User.objects.get_or_create(username="bench-admin")
    RoleAssignment.objects.get_or_create(user=admin, role=Role.DIW_ADMIN)
    officer, _ = User.objects.get_or_create(username="bench-officer")
    RoleAssignment.objects.get_or_create(user=officer, role=Role.PROVINCIAL_OFFICER,
                                         province=Province.objects.get(code="13"))  # fmt: skip
    for user in (admin, officer):
        client = Client()
        client.force_login(user, backend="ecotown.accounts.backends.UsernameOrEmailBackend")
        for url in URLS:
            client.get(url)  # warm
            timings = []
            for _ in range(repeat):
                started = time.perf_counter()
                response = client.get(url)
                timings.append((time.perf_counter() - started) * 1000)
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            p95 = sorted(timings)[math.ceil(repeat * 0.95) - 1]
            print(f"{user.username:14} {url:70} {response.status_code} {len(queries)} queries, "
                  f"median {statistics.median(timings):.0f} ms, p95 {p95:.0f} ms")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
