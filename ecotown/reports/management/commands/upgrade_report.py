"""`ecotown upgrade_report AREA_CODE BASELINE CURRENT [--out DIR] [--cut-off DATE]`: generate an area's upgrade
report now (no worker needed), keep it with the area's reports and write the PDF and the workbook to DIR."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from ecotown.areas.models import Area
from ecotown.core.dates import to_date
from ecotown.core.evidence import storage
from ecotown.reports import services


class Command(BaseCommand):
    help = "Generate an area upgrade report (Thai PDF and Excel workbook) from the records."

    def add_arguments(self, parser):
        parser.add_argument("area", help="the area's code, e.g. pte-bang-kadi")
        parser.add_argument("baseline", type=int, help="baseline fiscal year (B.E.), e.g. 2565")
        parser.add_argument("current", type=int, help="current fiscal year (B.E.), e.g. 2569")
        parser.add_argument("--out", default=".", help="folder to write the PDF and the workbook to")
        parser.add_argument("--cut-off", default="", help="data cut-off date (default: today or the year's end)")
        parser.add_argument("--language", default="th", choices=["th", "en"])

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        area = Area.objects.select_related("province").filter(code=options["area"]).first()
        if area is None:
            raise CommandError(f"No area with the code {options['area']!r}.")
        out = Path(options["out"])
        out.mkdir(parents=True, exist_ok=True)
        with translation.override(options["language"]):
            try:
                cut_off = to_date(options["cut_off"]) if options["cut_off"] else None
                report = services.request_report(area, options["baseline"], options["current"], cut_off=cut_off,
                                                 acting_user=None)  # fmt: skip
            except (ValidationError, ValueError) as problem:
                raise CommandError("; ".join(getattr(problem, "messages", [str(problem)]))) from problem
            report = services.generate(report, progress=self._progress)
        for kind, stored in (("pdf", report.pdf), ("xlsx", report.workbook)):
            path = out / report.file_name(kind)
            with storage().open(stored.stored_name, "rb") as source:
                path.write_bytes(source.read())
            self.stdout.write(f"{path}  sha256 {stored.sha256}")
        self.stdout.write(f"{report.pages} pages in {report.generation_seconds:.1f} s; "
                          f"{len(report.missing)} gaps in the data listed.")  # fmt: skip

    def _progress(self, percent, message=""):
        if self.verbosity > 1:
            self.stderr.write(f"{percent:3d}% {message}")
