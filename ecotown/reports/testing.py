"""Test helpers for upgrade reports, and the permission matrix's sample records."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from ecotown.core.evidence import store
from ecotown.reports import exporters
from ecotown.reports.choices import ReportStatus
from ecotown.reports.models import UpgradeReport


def make_report(area, baseline=2565, current=2569, *, status=ReportStatus.REQUESTED, user=None,
                cut_off=datetime.date(2026, 6, 30), **fields) -> UpgradeReport:  # fmt: skip
    return UpgradeReport.objects.create(area=area, baseline_year=baseline, current_year=current, cut_off=cut_off,
                                        requested_by=user, status=status, **fields)  # fmt: skip


def make_ready_report(area, **fields) -> UpgradeReport:
    """A report marked ready with small stand-in files — for permission rows, which test who may download, not
    what the report says (tests/test_report.py generates real ones)."""
    meta = {"area": area, "baseline": 2565, "current": 2569, "cut_off": datetime.date(2026, 6, 30),
            "generated_at": timezone.now()}  # fmt: skip
    pdf, _name = store(ContentFile(b"%PDF-1.7\n% stand-in\n%%EOF\n", name="report.pdf"))
    workbook, _name = store(ContentFile(exporters.write_workbook(meta, []), name="report.xlsx"))
    return make_report(area, status=ReportStatus.READY, pdf=pdf, workbook=workbook, pages=1,
                       generated_at=meta["generated_at"], generation_seconds=0.1, **fields)  # fmt: skip


def add_samples(world) -> None:
    """A ready report of area A1 and one of B1; a report of A1 still being generated."""
    world.report_a1 = make_ready_report(world.area_a1, requested_by=world.secretary_a1)
    world.report_b1 = make_ready_report(world.area_b1, requested_by=world.officer_b)
    world.running_a1 = make_report(world.area_a1, status=ReportStatus.RUNNING, requested_by=world.officer_a)
