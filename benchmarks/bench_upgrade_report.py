"""Issue 17 budget: an area upgrade report for an area with 500 factories and 5 years of data, under 20 s end to
end — from the request to both files stored, in a fresh process (so matplotlib's and WeasyPrint's first imports
count), with the time of each part.

Builds a throw-away SQLite database (or uses DATABASE_URL's server in a database of its own name), fills one area
with 500 factories × 5 fiscal years of accepted mass balances (8 flows each: 20,000 flows), compliance checks,
certificates and complaints (reports.testing.add_factory_years), and generates the report as the worker would.

    .venv/bin/python benchmarks/bench_upgrade_report.py [--factories 500] [--years 5]
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factories", type=int, default=500)
    parser.add_argument("--years", type=int, default=5)
    args = parser.parse_args()

    os.environ["VAR_DIR"] = tempfile.mkdtemp(prefix="ecotown-bench-")
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecotown.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from ecotown.areas.testing import make_area
    from ecotown.core.dates import current_fiscal_year
    from ecotown.factories.models import Flow
    from ecotown.geo.geography import load_geography
    from ecotown.reports.testing import add_factory_years

    load_geography(with_subdistricts=False)
    current = current_fiscal_year()
    years = list(range(current - args.years + 1, current + 1))
    area = make_area("13", "bench-report")
    started = time.perf_counter()
    add_factory_years(area, args.factories, years)
    print(f"data: {args.factories} factories × {len(years)} years, {Flow.objects.count():,} flows "
          f"(built in {time.perf_counter() - started:.1f} s)")  # fmt: skip
    generate(area, years)


def generate(area, years) -> None:
    from ecotown.reports import exporters, services
    from ecotown.reports.sections import build_sections

    timings = {}
    original = (build_sections, exporters.write_pdf, exporters.write_workbook)

    def timed(name, function):
        def wrapper(*args, **kwargs):
            began = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                timings[name] = time.perf_counter() - began

        return wrapper

    services.build_sections = timed("sections (records → tables, figures)", original[0])
    exporters.write_pdf = timed("PDF (charts and WeasyPrint)", original[1])
    exporters.write_workbook = timed("Excel workbook", original[2])
    began, cpu = time.perf_counter(), time.process_time()
    report = services.generate(services.request_report(area, years[0], years[-1], acting_user=None))
    total, cpu = time.perf_counter() - began, time.process_time() - cpu
    for name, seconds in timings.items():
        print(f"  {name:40s} {seconds:6.2f} s")
    print(f"end to end: {total:.2f} s (budget 20 s; CPU {cpu:.2f} s) · {report.pages} pages")
    print(f"PDF {report.pdf.size / 1024:.0f} KiB · workbook {report.workbook.size / 1024:.0f} KiB · "
          f"{len(report.missing)} gaps listed")  # fmt: skip
    if total >= 20:
        raise SystemExit("over budget")


if __name__ == "__main__":
    main()
