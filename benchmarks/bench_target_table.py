"""Issue 3 budget: the area target table for 50 requirements × 5 fiscal years in ≤ 10 queries and < 150 ms.

Builds a throw-away SQLite database, one area with 50 target-requiring requirements × 5 years (each with an
actual value), then times the page through django.test.Client signed in as a DIW administrator.

    .venv/bin/python benchmarks/bench_target_table.py [--requests 30] [--requirements 50]
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--requirements", type=int, default=50)
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="ecotown-bench-")
    os.environ["VAR_DIR"] = workdir
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecotown.settings")

    import django

    django.setup()

    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from ecotown.accounts.models import User
    from ecotown.areas.choices import AreaKind
    from ecotown.areas.models import Area
    from ecotown.geo.geography import load_geography
    from ecotown.geo.models import Province
    from ecotown.targets.testing import make_catalogue, make_requirements, make_target

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    load_geography(with_subdistricts=False)

    area = Area.objects.create(
        code="bench-area", name_th="พื้นที่ทดสอบ", province=Province.objects.get(code="21"), kind=AreaKind.DISTRICT
    )
    catalogue = make_catalogue(version="bench")
    for index, requirement in enumerate(make_requirements(catalogue, args.requirements)):
        for year in range(2566, 2571):
            make_target(area, requirement, year, 1, actual=index % 2)
    admin = User.objects.create_superuser("bench-admin", "bench@example.go.th", "bench-password-123")

    client = Client()
    client.force_login(admin, backend="ecotown.accounts.backends.UsernameOrEmailBackend")
    url = reverse("targets:area_target_table", kwargs={"code": area.code})
    assert client.get(url).status_code == 200  # warm up templates and caches

    timings = []
    for _ in range(args.requests):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    timings.sort()
    p95 = timings[min(len(timings) - 1, round(0.95 * len(timings)) - 1)]
    cells = response.content.decode().count('class="target-m')
    print(f"area target table: {args.requirements} requirements × 5 years = {cells} cells, {args.requests} requests")
    print(f"  queries per request: {len(queries)}")
    print(f"  median {statistics.median(timings):.1f} ms · p95 {p95:.1f} ms · min {timings[0]:.1f} ms")
    print(f"  budget: ≤ 10 queries, < 150 ms → {'OK' if len(queries) <= 10 and p95 < 150 else 'OVER BUDGET'}")


if __name__ == "__main__":
    main()
