"""Budget (issue 15): importing the Ministry's Factory_Data file — time and peak memory.

Run: .venv/bin/python benchmarks/bench_factory_import.py [--rows 250000] [--keep DIR]
It writes a synthetic file (ecotown make_sample_factories), builds a fresh SQLite database in a temporary
VAR_DIR (or uses DATABASE_URL, an empty PostgreSQL database), then times: the dry run, the first import (all
rows new), the same file again (all unchanged) and, for comparison, a plain `executemany` INSERT of the same
rows into a bare table (and `COPY` on PostgreSQL). Peak memory is the process's maximum resident set size after
each step; CPU is the process's own (on PostgreSQL the server's work is not in it); the load average is printed
because the machine is shared. --keep DIR keeps the SQLite database there (for bench_factory_list.py).
"""

import argparse
import csv
import os
import resource
import sys
import tempfile
import time
from pathlib import Path


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=250_000)
    parser.add_argument("--keep", help="keep the SQLite database in this directory")
    arguments = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    with tempfile.TemporaryDirectory() as temporary:
        var_dir = arguments.keep or temporary
        os.environ["VAR_DIR"] = var_dir
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecotown.settings")
        import django
        from django.core.management import call_command

        django.setup()
        call_command("migrate", verbosity=0, interactive=False)
        from django.db import connection

        from ecotown.factories.importers import COLUMNS, FactoryImporter
        from ecotown.factories.models import Factory
        from ecotown.factories.samples import write_sample
        from ecotown.geo.geography import load_geography

        load_geography(with_subdistricts=True)
        path = Path(var_dir) / "Factory_Data.csv"
        with path.open("w", encoding="utf-8-sig", newline="") as stream:
            write_sample(stream, arguments.rows)
        size_mb = path.stat().st_size / 1024 / 1024
        print(f"{connection.vendor}: {arguments.rows:,} rows, {size_mb:.1f} MB; baseline RSS {peak_mb():.0f} MB")

        figures = {}
        for label, write in (("dry run", False), ("first import", True), ("again, unchanged", True)):
            started, cpu = time.perf_counter(), time.process_time()
            with path.open("rb") as file:
                result = FactoryImporter().run(file, write=write)
            figures[label] = time.perf_counter() - started
            cpu = time.process_time() - cpu
            assert not result.problem, result.problem
            assert not result.refused, result.errors[:3]
            print(f"  {label:18} {figures[label]:6.1f} s (CPU {cpu:.1f} s, load {os.getloadavg()[0]:.1f})  "
                  f"new {result.created:,} changed {result.updated:,} unchanged {result.unchanged:,}  "
                  f"peak RSS {peak_mb():.0f} MB")  # fmt: skip
        assert Factory.objects.count() == arguments.rows

        with connection.cursor() as cursor:
            columns = ", ".join(f'"{name}" text' for name in COLUMNS)
            cursor.execute(f"CREATE TABLE bench_plain ({columns})")
            started = time.perf_counter()
            with path.open(encoding="utf-8-sig", newline="") as stream:
                reader = csv.reader(stream)
                next(reader)
                marks = ", ".join(["%s"] * len(COLUMNS))
                batch = []
                for row in reader:
                    batch.append(row)
                    if len(batch) == 5000:
                        cursor.executemany(f"INSERT INTO bench_plain VALUES ({marks})", batch)
                        batch = []
                cursor.executemany(f"INSERT INTO bench_plain VALUES ({marks})", batch)
            plain = time.perf_counter() - started
            print(f"  plain executemany  {plain:6.1f} s (load {os.getloadavg()[0]:.1f})  "
                  f"first import / plain = {figures['first import'] / plain:.1f}×")  # fmt: skip
            if connection.vendor == "postgresql":
                cursor.execute("TRUNCATE bench_plain")
                started = time.perf_counter()
                with (
                    path.open(encoding="utf-8-sig", newline="") as stream,
                    cursor.cursor.copy("COPY bench_plain FROM STDIN") as copy,
                ):
                    reader = csv.reader(stream)
                    next(reader)
                    for row in reader:
                        copy.write_row(row)
                plain = time.perf_counter() - started
                print(f"  plain COPY         {plain:6.1f} s (load {os.getloadavg()[0]:.1f})  "
                      f"first import / COPY = {figures['first import'] / plain:.1f}×")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
