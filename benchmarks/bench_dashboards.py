"""Issue 17 budgets: the national dashboard with national-scale data in ≤ 15 queries, its figures aggregated by
the database (so the count does not move when the data grows tenfold); the province dashboard and the pivot of
target results beside it; the provinces' map file (size, gzipped size, build time).

Builds a throw-away SQLite database (or uses DATABASE_URL, which must name an empty database you can drop):
areas in every one of the 77 provinces certified at levels 1–5, each with factories reporting accepted mass
balances (six flows) for five years; then ten times as many. Times the pages through django.test.Client, as
the public (anonymous) and as a DIW administrator.

    .venv/bin/python benchmarks/bench_dashboards.py [--requests 10] [--areas 1] [--factories 5]
"""

import argparse
import gzip
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
YEARS = (2564, 2565, 2566, 2567, 2568)


def measure(client, url, requests):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    assert client.get(url).status_code == 200  # warm up templates and caches
    timings, cpu = [], []
    for _ in range(requests):
        with CaptureQueriesContext(connection) as queries:
            start, start_cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
        assert response.status_code == 200
    return len(queries), statistics.median(timings), statistics.median(cpu)


def pages(clients, requests, budget_national=15):
    from django.urls import reverse

    urls = {"national": reverse("dashboards:national"), "province 13": reverse("dashboards:province", args=["13"]),
            "pivot": reverse("dashboards:pivot")}  # fmt: skip
    for who, client in clients.items():
        for name, url in urls.items():
            if name == "pivot" and who == "public":
                continue  # targets are not public
            queries, median, cpu = measure(client, url, requests)
            verdict = ""
            if name == "national":
                verdict = " → OK" if queries <= budget_national else " → OVER BUDGET"
            print(f"  {name:12} as {who:6}: {queries:2d} queries{verdict} · median {median:.1f} ms · CPU {cpu:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=10)
    parser.add_argument("--areas", type=int, default=1, help="areas per province at the first size")
    parser.add_argument("--factories", type=int, default=5, help="factories per area")
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="ecotown-bench-")
    os.environ["VAR_DIR"] = workdir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecotown.settings")

    import django

    django.setup()

    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from ecotown.accounts.models import User
    from ecotown.criteria.testing import make_catalogue, make_requirements
    from ecotown.dashboards import province_map
    from ecotown.dashboards.testing import grow_national
    from ecotown.factories.balances import load_emission_factors
    from ecotown.factories.models import Flow
    from ecotown.geo.geography import load_geography
    from ecotown.targets.models import Actual, Target

    start = time.perf_counter()
    print(f"map: {province_map.build()} in {time.perf_counter() - start:.1f} s")
    built = province_map.built_path().read_bytes()
    source = province_map.source_path().stat().st_size
    print(f"  Natural Earth admin-1 (whole world) {source:,} bytes → Thailand {len(built):,} bytes, "
          f"{len(gzip.compress(built)):,} gzipped")  # fmt: skip

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    load_geography(with_subdistricts=False)
    load_emission_factors()
    admin = User.objects.create_superuser("bench-admin", "bench@example.go.th", "bench-password-123")
    staff = Client()
    staff.force_login(admin, backend="ecotown.accounts.backends.UsernameOrEmailBackend")
    clients = {"public": Client(), "DIW": staff}
    catalogue = make_catalogue(version="bench")
    requirements = make_requirements(catalogue, 60)

    def grow(areas_per_province):
        from ecotown.areas.models import Area

        start = time.perf_counter()
        grow_national(areas_per_province, args.factories, YEARS)
        new = Area.objects.filter(targets__isnull=True)
        targets = Target.objects.bulk_create(
            Target(area=area, requirement=requirement, fiscal_year=year, target_value=80)
            for area in new for requirement in requirements[:20] for year in YEARS[-2:]
        )  # fmt: skip
        Actual.objects.bulk_create(Actual(target=t, value=60 + t.pk % 40) for t in targets if t.pk % 3)
        print(f"built in {time.perf_counter() - start:.1f} s: {Area.objects.count():,} areas, "
              f"{Flow.objects.count():,} flows, {Target.objects.count():,} targets")  # fmt: skip

    grow(args.areas)
    pages(clients, args.requests)
    grow(9 * args.areas)  # ten times the first size
    pages(clients, args.requests)


if __name__ == "__main__":
    main()
