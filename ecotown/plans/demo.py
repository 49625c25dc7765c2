"""Demo data for plans: an action plan 2566–2570 for every demo area, with projects serving the catalogue's
requirements, budgets by year and source, KPIs, approval by the provincial committee's resolution at its
second meeting on the draft plan (engagement's demo), quarterly progress, the workshop's accepted comment linked
to the project it changed, and a draft version 2 to compare with; DIW's national plan as a draft.
Every record says it is demo data. Deterministic and safe to run again."""

import datetime
import zlib
from decimal import Decimal

from ecotown.areas.models import Area, Programme
from ecotown.core.dates import current_fiscal_year
from ecotown.engagement import choices as engagement_choices
from ecotown.engagement import services as engagement
from ecotown.engagement.models import Meeting
from ecotown.plans import coverage, services
from ecotown.plans.choices import BudgetSource, PlanLevel, ProjectStatus
from ecotown.plans.models import BudgetLine, Kpi, Plan, ProgressReport, Project
from ecotown.targets.models import Target

DEMO = "ข้อมูลสาธิต (demo data)"
# (title, lead organisation, KPI, unit, target): projects an area's action plan typically carries.
PROJECTS = (
    ("โครงการคัดแยกขยะต้นทางในชุมชนและโรงงาน", "เทศบาล", "ปริมาณขยะที่นำกลับมาใช้ประโยชน์", "ร้อยละ", 30),
    ("โครงการเฝ้าระวังคุณภาพน้ำและกลิ่นโดยชุมชน", "สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัด",
     "จุดตรวจวัดที่รายงานผลทุกเดือน", "จุด", 12),
    ("โครงการใช้ประโยชน์กากอุตสาหกรรมร่วมกัน (Industrial Symbiosis)", "สภาอุตสาหกรรมจังหวัด",
     "คู่โรงงานที่แลกเปลี่ยนวัสดุเหลือใช้", "คู่", 10),
    ("โครงการยกระดับโรงงานสู่อุตสาหกรรมสีเขียว", "สำนักงานอุตสาหกรรมจังหวัด", "โรงงานที่ได้รับการรับรอง",
     "แห่ง", 40),
    ("โครงการพื้นที่สีเขียวแนวกันชนระหว่างโรงงานกับชุมชน", "องค์การบริหารส่วนจังหวัด", "พื้นที่สีเขียวเพิ่มขึ้น",
     "ไร่", 25),
    ("โครงการประหยัดพลังงานและพลังงานทดแทนในโรงงาน", "ภาคเอกชนในพื้นที่", "การใช้พลังงานลดลง", "ร้อยละ", 10),
)  # fmt: skip
SOURCES = (BudgetSource.GOVERNMENT, BudgetSource.LOCAL_GOVERNMENT, BudgetSource.PRIVATE, BudgetSource.OTHER)


def _seed(*parts) -> int:
    return zlib.crc32("·".join(map(str, parts)).encode())


def _period():
    programme = Programme.objects.order_by("pk").first()
    return (programme.plan_first_year, programme.plan_last_year) if programme else (2566, 2570)


def _add_projects(plan, version):
    catalogue = coverage.catalogue_for_plan(plan)
    requirements = coverage.requirements_for(plan, catalogue) if catalogue else []
    for index, (title, owner, kpi, unit, target) in enumerate(PROJECTS):
        seed = _seed(plan.area.code if plan.area_id else "national", index)
        # Staggered over the plan's years (fiscal year N starts on 1 October of C.E. N - 544), so the timeline
        # shows bars of different lengths.
        start = datetime.date(plan.first_year - 544, 10, 1) + datetime.timedelta(days=91 * (index + seed % 3))
        end = start + datetime.timedelta(days=365 * (2 + (seed + index) % 3) - 1)
        project = Project.objects.create(
            version=version, code=f"P-{index + 1:02d}", title=title, owner_organisation=owner, position=index + 1,
            rationale=f"{DEMO}: ตอบสนองข้อกำหนดของเกณฑ์เมืองอุตสาหกรรมเชิงนิเวศ", notes=DEMO,
            start_date=start, end_date=end,
        )  # fmt: skip
        # Each project serves a share of the requirements; the last ones stay uncovered, so the plan's page
        # shows its coverage warning.
        served = requirements[index :: len(PROJECTS) + 2][:6]
        project.requirements.set(served)
        if plan.area_id:  # and the area's demo target values on those requirements, approved with the plan
            project.targets.set(Target.objects.filter(area_id=plan.area_id, requirement__in=served))
        for year in plan.years:
            source = SOURCES[(seed + year) % len(SOURCES)]
            amount = Decimal(200_000 + (seed + year) % 20 * 50_000)
            BudgetLine.objects.create(project=project, fiscal_year=year, source=source, amount=amount)
        Kpi.objects.create(project=project, name=kpi, unit=unit, baseline=Decimal(0), target_value=Decimal(target),
                           target_year=plan.last_year)  # fmt: skip
    return version


def _approve(plan, version):
    """The provincial committee approves the plan at its second meeting on the draft (engagement's demo)."""
    meeting = (
        Meeting.objects.filter(committee__province=plan.area.province, committee__notes=DEMO,
                               kind=engagement_choices.MeetingKind.COMMITTEE)
        .order_by("-starts_at").first()
    )  # fmt: skip
    if meeting is None:
        return False
    services.submit_version(version, acting_user=None)
    engagement.record_resolution(
        meeting, kind=engagement_choices.ResolutionKind.APPROVE_PLAN,
        outcome=engagement_choices.ResolutionOutcome.APPROVED, acting_user=None, subject=version,
        text=f"ที่ประชุมมีมติเห็นชอบ{plan.title_th} ({DEMO})",
    )  # fmt: skip
    return True


def _report_progress(version, fiscal_year):
    for project in version.projects.all():
        seed = _seed(project.key, fiscal_year)
        for quarter in range(1, 5):
            percent = min(100, quarter * (10 + seed % 12))
            status = ProjectStatus.DELAYED if seed % 5 == 0 and quarter > 2 else ProjectStatus.ON_TRACK
            ProgressReport.objects.create(
                project=project, fiscal_year=fiscal_year, quarter=quarter, percent_complete=percent,
                spent=Decimal(20_000 + seed % 9 * 5_000), status=status, notes=DEMO,
                narrative=f"{DEMO}: ดำเนินการตามแผนไตรมาสที่ {quarter}",
            )  # fmt: skip


# The revision each approved plan starts next: the factories' comment at the workshop (engagement's demo, still
# open) becomes a project, and a project's budget moves a year; left as a draft, to compare with version 1.
REVISION_PROJECT = ("โครงการเวทีจับคู่ของเสียกับวัตถุดิบระหว่างโรงงาน", "สภาอุตสาหกรรมจังหวัด",
                    "คู่โรงงานที่จับคู่ได้", "คู่", 8)  # fmt: skip


def _revise(plan):
    """Version 2 as a draft: a project added from a comment, a budget moved to the next year, a KPI raised."""
    version = services.revise(plan, acting_user=None, summary=f"{DEMO}: ปรับแผนตามความเห็นจากเวทีรับฟังความคิดเห็น")
    title, owner, kpi, unit, target = REVISION_PROJECT
    project = Project.objects.create(
        version=version, code=f"P-{len(PROJECTS) + 1:02d}", title=title, owner_organisation=owner, notes=DEMO,
        position=len(PROJECTS) + 1, rationale=f"{DEMO}: ข้อเสนอของผู้ประกอบการในเวทีรับฟังความคิดเห็น",
        start_date=datetime.date(plan.last_year - 546, 10, 1), end_date=datetime.date(plan.last_year - 543, 9, 30),
    )  # fmt: skip
    BudgetLine.objects.create(project=project, fiscal_year=plan.last_year - 1, source=BudgetSource.PRIVATE,
                              amount=Decimal(150_000))  # fmt: skip
    Kpi.objects.create(project=project, name=kpi, unit=unit, baseline=Decimal(0), target_value=Decimal(target),
                       target_year=plan.last_year)  # fmt: skip
    moved = version.projects.get(code="P-04").budget_lines.order_by("fiscal_year").first()
    if moved.fiscal_year < plan.last_year and not moved.project.budget_lines.filter(
        fiscal_year=moved.fiscal_year + 1, source=moved.source).exists():  # fmt: skip
        moved.fiscal_year += 1
        moved.save(update_fields=["fiscal_year"])
    for raised in Kpi.objects.filter(project__version=version, project__code="P-01"):
        raised.target_value = Decimal(35)
        raised.save(update_fields=["target_value"])


def _link_answered_comment(plan):
    """The workshop's accepted comment asked for water and odour monitoring: it changed the plan's project that
    does it (engagement's demo answered it before the plans existed)."""
    from django.contrib.contenttypes.models import ContentType

    from ecotown.engagement.models import Comment

    comment = Comment.objects.filter(committee__province=plan.area.province, committee__notes=DEMO,
                                     changed_id__isnull=True).exclude(what_changed="").first()  # fmt: skip
    project = plan.approved_version.projects.filter(code="P-02").first() if plan.approved_version else None
    if comment is None or project is None:
        return
    comment.changed_type, comment.changed_id = ContentType.objects.get_for_model(Project), project.pk
    comment.save(update_fields=["changed_type", "changed_id"])


def seed_demo() -> str:
    if Plan.objects.filter(notes=DEMO).exists():
        return "already present"
    first, last = _period()
    fiscal_year = min(max(current_fiscal_year() - 1, first), last)
    approved = 0
    areas = Area.objects.select_related("province").order_by("province__code", "code")
    for area in areas:
        plan = services.create_plan(
            Plan(level=PlanLevel.AREA_ACTION, area=area, first_year=first, last_year=last, notes=DEMO,
                 title_th=f"แผนปฏิบัติการการพัฒนาเมืองอุตสาหกรรมเชิงนิเวศ {area.name_th} พ.ศ. {first}–{last}"),
            acting_user=None,
        )  # fmt: skip
        version = _add_projects(plan, plan.latest_version)
        if _approve(plan, version):
            approved += 1
            _report_progress(version, fiscal_year)
            plan.refresh_from_db()
            _link_answered_comment(plan)
            _revise(plan)
    national = services.create_plan(
        Plan(level=PlanLevel.NATIONAL, first_year=first, last_year=last, notes=DEMO,
             title_th=f"แผนปฏิบัติการการพัฒนาเมืองอุตสาหกรรมเชิงนิเวศระดับประเทศ พ.ศ. {first}–{last}"),
        acting_user=None,
    )  # fmt: skip
    for index, (title, owner) in enumerate((
        ("พัฒนาเกณฑ์และระบบรับรองเมืองอุตสาหกรรมเชิงนิเวศ", "กรมโรงงานอุตสาหกรรม"),
        ("สนับสนุนจังหวัดจัดทำแผนปฏิบัติการและติดตามผล", "กรมโรงงานอุตสาหกรรม"),
        ("เผยแพร่และสร้างการมีส่วนร่วมระดับประเทศ", "กรมโรงงานอุตสาหกรรม"),
    ), start=1):  # fmt: skip
        project = Project.objects.create(version=national.latest_version, code=f"N-{index:02d}", title=title,
                                         owner_organisation=owner, position=index, notes=DEMO)  # fmt: skip
        BudgetLine.objects.create(project=project, fiscal_year=first + index, source=BudgetSource.GOVERNMENT,
                                  amount=Decimal(1_500_000))  # fmt: skip
    return (f"{areas.count()} area action plans ({approved} approved by resolution, each with a draft version 2) "
            "and the national plan in draft")  # fmt: skip
