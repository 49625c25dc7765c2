"""Demo data for `make run`: a ready upgrade report of Bang Kadi (the first-wave area the factories' demo fills),
comparing the fiscal year four years back with this one, generated from the demo records. Idempotent."""

from ecotown.areas.models import Area
from ecotown.core.dates import current_fiscal_year
from ecotown.reports import services
from ecotown.reports.choices import ReportStatus
from ecotown.reports.models import UpgradeReport

AREA = "pte-bang-kadi"


def seed_demo() -> str:
    area = Area.objects.select_related("province").filter(code=AREA).first()
    if area is None:
        return "skipped: no Bang Kadi area"
    if UpgradeReport.objects.filter(area=area, status=ReportStatus.READY).exists():
        return "already present"
    current = current_fiscal_year()
    report = services.request_report(area, current - 4, current, acting_user=None)
    report = services.generate(report)
    return f"{report.pages} pages in {report.generation_seconds:.1f} s"
