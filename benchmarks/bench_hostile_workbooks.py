"""Issue 13 budget: every hostile workbook of the corpus is refused in < HOSTILE_SECONDS (5 s) and a small,
bounded amount of memory (unbounded, the 2,000,000-row file ran 151 s and took 2 GB, the shared-string bomb 2.1 GB,
`1e1000000` in a cell 31 s).

Builds a throw-away SQLite database with one area and a two-requirement catalogue, then checks each workbook of
tests/test_hostile_corpus.py (WORKBOOKS, plus hostile numbers in cells) with the importer: the best of
`--repeat` runs, the peak of Python memory (tracemalloc, a separate run) and the process's peak RSS at the end.

    .venv/bin/python benchmarks/bench_hostile_workbooks.py [--repeat 3]
"""

import argparse
import io
import os
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="ecotown-bench-")
    os.environ["VAR_DIR"] = workdir
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecotown.settings")

    import django

    django.setup()

    from django.core.management import call_command
    from openpyxl import load_workbook

    from ecotown.areas.choices import AreaKind
    from ecotown.areas.models import Area
    from ecotown.core.testing import HOSTILE_SECONDS
    from ecotown.criteria.testing import make_catalogue, make_requirements
    from ecotown.geo.geography import load_geography
    from ecotown.geo.models import Province
    from ecotown.targets.exporters import SHEET_TARGETS, AreaTargetExporter
    from ecotown.targets.importers import AreaTargetImporter
    from ecotown.targets.testing import make_target
    from tests.test_hostile_corpus import COLUMN, WORKBOOKS

    call_command("migrate", verbosity=0)
    load_geography(with_subdistricts=False)
    area = Area.objects.create(
        code="bench-area", name_th="พื้นที่ทดสอบ", province=Province.objects.get(code="21"), kind=AreaKind.DISTRICT
    )
    catalogue = make_catalogue(version="bench")
    for requirement in make_requirements(catalogue, 2):
        make_target(area, requirement, 2568, 1, actual=1)
    source = AreaTargetExporter(area, catalogue).to_xlsx()

    def number_in_cells(value):
        def build(source):
            workbook = load_workbook(io.BytesIO(source))
            sheet = workbook[SHEET_TARGETS]
            sheet.cell(2, COLUMN["fiscal_year"]).value = value
            sheet.cell(2, COLUMN["target_value"]).value = value
            buffer = io.BytesIO()
            workbook.save(buffer)
            buffer.seek(0)
            return buffer

        return build

    cases = {**WORKBOOKS, "1e1000000-in-cells": number_in_cells("1e1000000"), "5000-nines": number_in_cells("9" * 5000)}
    importer = AreaTargetImporter(area, catalogue)
    print(f"hostile workbooks, best of {args.repeat}; budget < {HOSTILE_SECONDS} s each")
    print(f"  {'case':<22} {'file':>9} {'time':>9} {'peak (tracemalloc)':>19}  first error")
    worst = 0.0
    for name, build in cases.items():
        file = build(source)
        size = file.getbuffer().nbytes
        timings = []
        for _ in range(args.repeat):
            file.seek(0)
            started = time.perf_counter()
            result = importer.check(file)
            timings.append(time.perf_counter() - started)
        file.seek(0)
        tracemalloc.start()
        importer.check(file)
        peak = tracemalloc.get_traced_memory()[1] / 1024 / 1024
        tracemalloc.stop()
        worst = max(worst, min(timings))
        message = result.errors[0].message[:60] if result.errors else "(no error!)"
        print(f"  {name:<22} {size / 1024:>7.0f} KB {min(timings) * 1000:>6.0f} ms {peak:>15.1f} MB  {message}")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  process peak RSS over the whole run: {rss:.0f} MB")
    print(f"  budget: each < {HOSTILE_SECONDS} s → {'OK' if worst < HOSTILE_SECONDS else 'OVER BUDGET'}")


if __name__ == "__main__":
    main()
