"""Test helpers for plans, and the permission matrix's sample records."""

import datetime
from decimal import Decimal

from ecotown.plans import services
from ecotown.plans.choices import BudgetSource, PlanLevel, ProjectStatus
from ecotown.plans.models import BudgetLine, Kpi, Plan, ProgressReport, Project


def make_plan(area=None, *, province=None, level=None, user=None, **fields) -> Plan:
    level = level or (PlanLevel.AREA_ACTION if area else PlanLevel.PROVINCIAL_MASTER if province else
                      PlanLevel.NATIONAL)  # fmt: skip
    fields.setdefault("title_th", f"แผนปฏิบัติการ {area or province or 'ระดับประเทศ'}")
    fields.setdefault("first_year", 2566)
    fields.setdefault("last_year", 2570)
    return services.create_plan(Plan(level=level, area=area, province=province, **fields), acting_user=user)


def make_project(version, title="โครงการทดสอบ", *, requirements=(), budget=None, kpis=1, **fields) -> Project:
    fields.setdefault("owner_organisation", "สำนักงานอุตสาหกรรมจังหวัด")
    project = Project.objects.create(version=version, title=title, **fields)
    if requirements:
        project.requirements.set(requirements)
    for (year, source), amount in (budget or {(2569, BudgetSource.GOVERNMENT): 100000}).items():
        BudgetLine.objects.create(project=project, fiscal_year=year, source=source, amount=Decimal(amount))
    for number in range(kpis):
        Kpi.objects.create(project=project, name=f"ตัวชี้วัด {number + 1}", unit="ร้อยละ", target_value=Decimal(80))
    return project


def make_report(project, percent=50, *, year=2569, quarter=1, spent=10000, **fields) -> ProgressReport:
    fields.setdefault("status", ProjectStatus.ON_TRACK)
    return ProgressReport.objects.create(project=project, fiscal_year=year, quarter=quarter,
                                         percent_complete=percent, spent=Decimal(spent), **fields)  # fmt: skip


def approve(version, committee, *, user=None, when=None):
    """Approve `version` the only way there is: a committee resolution at a held meeting."""
    from ecotown.engagement import choices
    from ecotown.engagement import services as engagement
    from ecotown.engagement.testing import make_meeting

    if version.status == "draft":
        services.submit_version(version, acting_user=user)
    meeting = make_meeting(committee, when=when, topics=[choices.Topic.ACTION_PLAN], user=user)
    return engagement.record_resolution(
        meeting, kind=choices.ResolutionKind.APPROVE_PLAN, outcome=choices.ResolutionOutcome.APPROVED,
        text="อนุมัติแผนปฏิบัติการ", subject=version, acting_user=user,
    )  # fmt: skip


def add_samples(world) -> None:
    """An approved action plan of A1 (approved by committee A1's resolution) with a project and a progress
    report; a draft action plan of B1 with a project; province A's master plan submitted for approval."""
    world.plan_a1 = make_plan(world.area_a1, title_th="แผนปฏิบัติการบางกะดี")
    world.version_a1 = world.plan_a1.latest_version
    world.project_a1 = make_project(world.version_a1, "โครงการคัดแยกขยะ", requirements=[world.requirement],
                                    code="P-01")  # fmt: skip
    world.plan_resolution_a1 = approve(
        world.version_a1, world.committee_a1, when=_aware(datetime.datetime(2026, 2, 10, 9, 30))
    )
    world.version_a1.refresh_from_db()
    world.report_a1 = make_report(world.project_a1, 40)
    world.plan_b1 = make_plan(world.area_b1, title_th="แผนปฏิบัติการระยอง")
    world.version_b1 = world.plan_b1.latest_version
    world.project_b1 = make_project(world.version_b1, "โครงการน้ำเสีย", code="P-01")
    # Province A's master plan, submitted (on the province, so that area A2 stays free to delete in areas' rows).
    world.plan_pa = make_plan(province=world.province_a, title_th="แผนแม่บทจังหวัดปทุมธานี")
    world.version_pa = world.plan_pa.latest_version
    world.project_pa = make_project(world.version_pa, "โครงการพื้นที่สีเขียว")
    services.submit_version(world.version_pa, acting_user=None)


def _aware(value):
    from django.utils import timezone

    return timezone.make_aware(value)
