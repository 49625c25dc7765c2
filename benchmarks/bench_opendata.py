"""Open data (issue 18): publishing a snapshot of a programme at full size — time, size and peak memory.

Run: .venv/bin/python benchmarks/bench_opendata.py [--areas 54] [--requirements 100] [--years 5] [--factories 2000]
It builds a fresh SQLite database in a temporary VAR_DIR (or uses DATABASE_URL, an empty PostgreSQL database):
`areas` areas over the provinces, a catalogue of `requirements` requirements, an approved target with a result
for every area × requirement × year, and `factories` factories spread over the areas, each with an accepted
yearly mass balance of six flows. Then it times the first snapshot, a second one with nothing changed (every
file's bytes reused) and the pages that list them.
"""

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build(arguments) -> None:
    import datetime
    from decimal import Decimal

    from ecotown.areas.models import Area
    from ecotown.criteria.testing import bulk_make_requirements, make_catalogue, make_level
    from ecotown.engagement import choices as engagement
    from ecotown.engagement import services
    from ecotown.engagement.testing import make_committee, make_meeting
    from ecotown.factories.balances import load_emission_factors
    from ecotown.factories.models import Factory, Flow, MassBalance
    from ecotown.geo.models import Province
    from ecotown.targets.models import Actual, Target

    load_emission_factors()
    provinces = list(Province.objects.order_by("code")[:39])
    areas = Area.objects.bulk_create(
        Area(code=f"AREA-{n:03d}", name_th=f"พื้นที่ {n}", province=provinces[n % len(provinces)], kind="district")
        for n in range(arguments.areas)
    )
    catalogue = make_catalogue(status="in_force", first_fiscal_year=2566)
    make_level(catalogue, 1)
    bulk_make_requirements(catalogue, arguments.requirements)
    requirements = list(catalogue.requirements.all())
    meeting = make_meeting(make_committee(area=areas[0]))
    resolution = services.record_resolution(meeting, kind=engagement.ResolutionKind.RECORD, text="เห็นชอบ",
                                            outcome=engagement.ResolutionOutcome.NOTED, acting_user=None)  # fmt: skip
    years = range(2566, 2566 + arguments.years)
    targets = Target.objects.bulk_create(
        Target(area=area, requirement=requirement, fiscal_year=year, target_value=Decimal(80), unit="%",
               approved_by=resolution)
        for area in areas for requirement in requirements for year in years
    )  # fmt: skip
    Actual.objects.bulk_create(
        Actual(target=target, value=Decimal(70 + target.pk % 20), recorded_on=datetime.date(2026, 9, 1))
        for target in targets
    )
    factories = Factory.objects.bulk_create(
        Factory(registration_number=f"10{provinces[n % len(provinces)].code}{n:010d}", name=f"โรงงาน {n}",
                province=provinces[n % len(provinces)])
        for n in range(arguments.factories)
    )  # fmt: skip
    Factory.areas.through.objects.bulk_create(
        Factory.areas.through(factory=factory, area=areas[n % len(areas)]) for n, factory in enumerate(factories)
    )
    balances = MassBalance.objects.bulk_create(
        MassBalance(factory=factory, year=2568, status="accepted") for factory in factories
    )
    flows = [
        ("in", "raw_material", "วัตถุดิบ", 800, "t", {}),
        ("in", "water", "น้ำประปา", 200, "m3", {}),
        ("in", "energy", "ไฟฟ้า", 500_000, "kWh", {"carrier": "electricity"}),
        ("out", "product", "ผลิตภัณฑ์", 780, "t", {}),
        ("out", "waste", "กากตะกอน", 10, "t", {"waste_code": "020305", "route": "landfill"}),
        ("out", "waste", "เศษโลหะ", 10, "t", {"waste_code": "120101", "route": "recycle"}),
    ]  # fmt: skip
    Flow.objects.bulk_create(
        Flow(mass_balance=balance, direction=d, category=c, name=name, quantity=q, unit=u, **extra)
        for balance in balances for d, c, name, q, u, extra in flows
    )  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--areas", type=int, default=54)
    parser.add_argument("--requirements", type=int, default=100)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--factories", type=int, default=2000)
    arguments = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    with tempfile.TemporaryDirectory() as var_dir:
        os.environ["VAR_DIR"] = var_dir
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecotown.settings")
        import django
        from django.core.management import call_command

        django.setup()
        call_command("migrate", verbosity=0, interactive=False)
        from django.db import connection
        from django.test import Client

        from ecotown.geo.geography import load_geography
        from ecotown.opendata.choices import Trigger
        from ecotown.opendata.models import FileContent
        from ecotown.opendata.services import publish_snapshot

        load_geography(with_subdistricts=False)
        started = time.perf_counter()
        build(arguments)
        print(f"{connection.vendor}: {arguments.areas} areas, {arguments.requirements} requirements, "
              f"{arguments.years} years, {arguments.factories:,} factories built in "
              f"{time.perf_counter() - started:.1f} s")  # fmt: skip
        for label in ("first snapshot", "again, unchanged"):
            started = time.perf_counter()
            snapshot = publish_snapshot(acting_user=None, trigger=Trigger.NIGHTLY)
            elapsed = time.perf_counter() - started
            total = sum(item.size for item in snapshot.files.all())
            stored = sum(FileContent.objects.values_list("size", flat=True))
            print(f"  {label:18} {elapsed:6.1f} s  files {total / 1e6:.1f} MB  stored in all {stored / 1e6:.1f} MB  "
                  f"peak RSS {peak_mb():.0f} MB")  # fmt: skip
        for item in snapshot.files.order_by("dataset", "file_format"):
            print(f"    {item.file_name:24} {item.rows:8,} rows {item.size / 1e6:7.2f} MB")
        client = Client()
        for url in ("/open-data/", "/open-data/v1/catalog.jsonld", "/open-data/v1/latest/targets.csv"):
            started = time.perf_counter()
            assert client.get(url).status_code == 200
            print(f"  GET {url:34} {1000 * (time.perf_counter() - started):6.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
