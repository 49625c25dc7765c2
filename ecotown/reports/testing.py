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
    world.upgrade_report_a1 = make_ready_report(world.area_a1, user=world.secretary_a1)
    world.upgrade_report_b1 = make_ready_report(world.area_b1, user=world.officer_b)
    world.running_a1 = make_report(world.area_a1, status=ReportStatus.RUNNING, user=world.officer_a)


# -- an area with years of records, for the report's tests and its benchmark --------------------------------------

FLOWS_PER_BALANCE = 8


def add_factory_years(area, count: int, years: list[int]) -> list:
    """`count` factories in `area` with a yearly mass balance for each year (accepted, except the first factory's
    of the last year, which is only submitted), compliance checks, certificates and complaints that change from
    the first year to the last. Written in bulk: the benchmark makes 500 factories × 5 years."""
    from ecotown.core.dates import fiscal_year_bounds
    from ecotown.factories import choices
    from ecotown.factories.balances import load_emission_factors
    from ecotown.factories.models import Certification, ComplianceCheck, Factory, Flow, Inspection, MassBalance
    from ecotown.factories.testing import registration_number

    load_emission_factors()
    factories = Factory.objects.bulk_create([
        Factory(registration_number=registration_number(area.province.code), name=f"บริษัท ตัวอย่าง {i + 1} จำกัด",
                province=area.province) for i in range(count)
    ])  # fmt: skip
    Factory.areas.through.objects.bulk_create([Factory.areas.through(factory=f, area=area) for f in factories])
    balances = [
        MassBalance(factory=factory, year=year, status=choices.MassBalanceStatus.SUBMITTED
                    if (index == 0 and year == years[-1]) else choices.MassBalanceStatus.ACCEPTED)
        for index, factory in enumerate(factories) for year in years
    ]  # fmt: skip
    MassBalance.objects.bulk_create(balances)
    Flow.objects.bulk_create([flow for balance in balances for flow in _flows(balance, years)])
    first, last = years[0], years[-1]
    checks, certificates, complaints = [], [], []
    for index, factory in enumerate(factories):
        for topic in choices.ComplianceTopic.values:
            failing = index % 3 == 0 and topic == choices.ComplianceTopic.WASTEWATER
            checks.append(ComplianceCheck(factory=factory, topic=topic, checked_on=fiscal_year_bounds(first)[0],
                                          result="not_compliant" if failing else "compliant"))  # fmt: skip
            checks.append(ComplianceCheck(factory=factory, topic=topic, checked_on=fiscal_year_bounds(last)[0],
                                          result="compliant"))  # fmt: skip
        if index % 2 == 0:
            certificates.append(Certification(factory=factory, scheme=choices.Scheme.ISO_14001,
                                              valid_from=fiscal_year_bounds(last)[0]))  # fmt: skip
        if index % 4 == 0:
            certificates.append(Certification(factory=factory, scheme=choices.Scheme.CSR_DIW,
                                              valid_from=fiscal_year_bounds(first)[0]))  # fmt: skip
        if index % 5 == 0:
            certificates.append(Certification(factory=factory, scheme=choices.Scheme.GREEN_INDUSTRY, level=3,
                                              valid_from=fiscal_year_bounds(first)[0]))  # fmt: skip
        for year, every in ((first, 2), (last, 4)):
            if index % every == 0:
                complaints.append(Inspection(factory=factory, kind=choices.InspectionKind.COMPLAINT,
                                             occurred_on=fiscal_year_bounds(year)[0], subject="กลิ่นเหม็น"))  # fmt: skip
    ComplianceCheck.objects.bulk_create(checks)
    Certification.objects.bulk_create(certificates)
    Inspection.objects.bulk_create(complaints)
    return factories


def _flows(balance, years) -> list:
    from ecotown.factories.models import Flow

    k = years.index(balance.year)
    index = balance.factory.pk % 7
    rows = [
        ("in", "raw_material", "วัตถุดิบ", 1000 + 10 * index, "t", {}),
        ("in", "water", "น้ำประปา", 2000 + 100 * k, "m3", {}),
        ("in", "energy", "ไฟฟ้า", 100_000 * (k + 1), "kWh", {"carrier": "electricity"}),
        ("in", "energy", "น้ำมันดีเซล", 1_000, "L", {"carrier": "diesel"}),
        ("out", "product", "ผลิตภัณฑ์", 950, "t", {}),
        ("out", "waste", "กากตะกอน", 20 - 2 * k, "t", {"waste_code": "020305", "route": "landfill"}),
        ("out", "waste", "เศษโลหะ", 5 + k, "t", {"waste_code": "120101", "route": "recycle",
                                                  "hazardous": index % 2 == 0}),
        ("out", "wastewater", "น้ำทิ้งหมุนเวียน", 50 * k, "m3", {"route": "reuse"}),
    ]  # fmt: skip
    return [Flow(mass_balance=balance, direction=d, category=c, name=n, quantity=q, unit=u, **extra)
            for d, c, n, q, u, extra in rows]  # fmt: skip
