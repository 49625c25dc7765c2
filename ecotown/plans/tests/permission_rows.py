"""Matrix rows for plans: the public reads approved plans (A1's); drafts (B1's) and submitted versions (A2's)
are the place's staff's; the province's officer and the area's secretariat write; approval is never a page step.

World: plan A1 approved by committee A1's resolution (project_a1, report_a1); plan B1 a draft (project_b1);
province A's master plan submitted (version_pa)."""

from django.core.files.uploadedfile import SimpleUploadedFile

from ecotown.accounts.testing import PERSONAS
from ecotown.core.models import Job, JobStatus
from ecotown.core.testing import Row, rows
from ecotown.plans.models import Plan, PlanVersion, ProgressReport, Project

EVERYONE = dict.fromkeys(PERSONAS, 200)
NO_ROLE = dict.fromkeys(PERSONAS, 403) | {"anonymous": 302}
# A draft of B1 is read by DIW and province B's officer; everyone else who may read plans gets 404.
DRAFT_B1 = dict.fromkeys(PERSONAS, 404) | {"diw_admin": 200, "officer_b": 200}
WRITERS_A1 = NO_ROLE | {"diw_admin": 200, "officer_a": 200, "secretary_a1": 200, "officer_b": 404}
WRITERS_B1 = NO_ROLE | {"diw_admin": 200, "officer_b": 200, "officer_a": 404, "secretary_a1": 404}
HISTORY = EVERYONE | {"public": 403, "operator": 403, "consultant": 403, "anonymous": 302}
HISTORY_B1 = HISTORY | {"officer_a": 404, "secretary_a1": 404, "auditor_a1": 404, "external_auditor": 404}


def parent(attribute):
    return lambda world: {"parent_pk": getattr(world, attribute).pk}


def plan_data(world, attribute="plan_a1", **changes):
    plan = Plan.objects.get(pk=getattr(world, attribute).pk)
    values = {
        "level": plan.level,
        "title_th": plan.title_th,
        "area": plan.area_id or "",
        "first_year": 2566,
        "last_year": 2570,
        "revision": plan.revision,
    }
    return {**values, **changes}


def plan_titled(title, exists=True):
    return lambda world: Plan.objects.filter(title_th=title).exists() == exists


def project_data(**changes):
    values = {
        "code": "P-NEW",
        "title": "โครงการใหม่",
        "owner_organisation": "เทศบาล",
        "position": "1",
        "budget-TOTAL_FORMS": "0",
        "budget-INITIAL_FORMS": "0",
        "kpis-TOTAL_FORMS": "0",
        "kpis-INITIAL_FORMS": "0",
    }
    return {**values, **changes}


def edit_project(attribute, title):
    def data(world):
        project = Project.objects.get(pk=getattr(world, attribute).pk)
        return project_data(code=project.code, title=title, revision=project.revision)

    return data


def project_titled(attribute, title, equal=True):
    return lambda world: (Project.objects.get(pk=getattr(world, attribute).pk).title == title) == equal


def status_of(attribute, status):
    return lambda world: PlanVersion.objects.get(pk=getattr(world, attribute).pk).status == status


def versions_of(attribute, count):
    return lambda world: PlanVersion.objects.filter(plan=getattr(world, attribute)).count() == count


REPORT = {"fiscal_year": "2569", "quarter": "2", "percent_complete": "55", "spent": "1000", "status": "on_track"}


def reports_of(attribute, count):
    return lambda world: ProgressReport.objects.filter(project=getattr(world, attribute)).count() == count


def report_data(world, **changes):
    report = ProgressReport.objects.get(pk=world.report_a1.pk)
    return {**REPORT, "quarter": str(report.quarter), "revision": report.revision, **changes}


def report_percent(percent, equal=True):
    return lambda world: (ProgressReport.objects.get(pk=world.report_a1.pk).percent_complete == percent) == equal


def upload(world):
    return {"file": SimpleUploadedFile("plan.xlsx", b"PK\x03\x04 not really a workbook")}


def import_jobs(count):
    return lambda world: Job.objects.filter(kind="plans.import").count() == count


def preview_of_b1(world):
    job = Job.objects.create(
        kind="plans.import",
        user=world.officer_b,
        status=JobStatus.DONE,
        result={"errors": []},
        params={"plan": world.plan_b1.pk, "version": world.version_b1.pk, "mode": "check"},
    )
    return {"pk": world.plan_b1.pk, "job": job.key}


def writing_jobs(count):
    return lambda world: Job.objects.filter(kind="plans.import", params__mode="write").count() == count


ROWS = [
    # Plans: the national list for everyone (each sees what they may); the approved A1 plan is public.
    *rows("GET", "plans:plan_list", EVERYONE),
    *rows("GET", "plans:plan_list_export", EVERYONE),
    *rows("GET", "plans:plan_detail", EVERYONE, target="plan_a1"),
    *rows("GET", "plans:plan_detail", DRAFT_B1, target="plan_b1"),
    *rows("GET", "plans:plan_timeline", EVERYONE, target="plan_a1"),
    *rows("GET", "plans:plan_timeline", DRAFT_B1, target="plan_b1"),
    *rows("GET", "plans:plan_history", HISTORY, target="plan_a1"),
    *rows("GET", "plans:plan_history", HISTORY_B1, target="plan_b1"),
    *rows("GET", "plans:plan_export", EVERYONE, target="plan_a1"),
    *rows("GET", "plans:plan_export", DRAFT_B1, target="plan_b1"),
    *rows("GET", "plans:plan_pdf", EVERYONE | {"officer_b": 200}, target="plan_a1"),
    Row("officer_b", "GET", "plans:plan_pdf", 404, target="plan_b1"),  # a draft is not printed as approved
    *rows(
        "GET", "plans:plan_add", NO_ROLE | {"diw_admin": 200, "officer_a": 200, "officer_b": 200, "secretary_a1": 200}
    ),
    Row(
        "secretary_a1",
        "POST",
        "plans:plan_add",
        302,
        check=plan_titled("แผนใหม่"),
        data=lambda w: {
            "level": "area_action",
            "title_th": "แผนใหม่",
            "area": w.area_a1.pk,
            "first_year": 2566,
            "last_year": 2570,
        },
    ),
    Row(
        "secretary_a1",
        "POST",
        "plans:plan_add",
        200,
        check=plan_titled("แผนใหม่", False),
        data=lambda w: {
            "level": "area_action",
            "title_th": "แผนใหม่",
            "area": w.area_b1.pk,
            "first_year": 2566,
            "last_year": 2570,
        },
    ),
    # Escalation: a provincial officer may not create the national plan (no place: outside their scope).
    Row(
        "officer_a",
        "POST",
        "plans:plan_add",
        200,
        check=plan_titled("แผนชาติ", False),
        data={"level": "national", "title_th": "แผนชาติ", "first_year": 2566, "last_year": 2570},
    ),
    *rows(
        "POST",
        "plans:plan_add",
        {"auditor_a1": 403, "public": 403, "anonymous": 302},
        data=lambda w: {
            "level": "area_action",
            "title_th": "แผนใหม่",
            "area": w.area_a1.pk,
            "first_year": 2566,
            "last_year": 2570,
        },
        check=plan_titled("แผนใหม่", False),
    ),
    *rows("GET", "plans:plan_edit", WRITERS_A1, target="plan_a1"),
    Row(
        "secretary_a1",
        "POST",
        "plans:plan_edit",
        302,
        target="plan_a1",
        data=lambda w: plan_data(w, title_th="ชื่อแผนใหม่"),
        check=plan_titled("ชื่อแผนใหม่"),
    ),
    *rows(
        "POST",
        "plans:plan_edit",
        {"officer_b": 404, "auditor_a1": 403, "anonymous": 302},
        target="plan_a1",
        data=lambda w: plan_data(w, title_th="ชื่อแผนใหม่"),
        check=plan_titled("ชื่อแผนใหม่", False),
    ),
    # Moving a plan out of one's scope is refused.
    Row(
        "secretary_a1",
        "POST",
        "plans:plan_edit",
        200,
        target="plan_a1",
        data=lambda w: plan_data(w, area=w.area_b1.pk),
        check=lambda w: Plan.objects.get(pk=w.plan_a1.pk).area_id == w.area_a1.pk,
    ),
    *rows("GET", "plans:plan_delete", WRITERS_A1, target="plan_a1"),
    Row(
        "secretary_a1",
        "POST",
        "plans:plan_delete",
        302,
        target="plan_a1",
        check=lambda w: Plan.objects.filter(pk=w.plan_a1.pk).exists(),
    ),  # its versions hang on it
    *rows(
        "POST",
        "plans:plan_delete",
        {"officer_b": 404, "auditor_a1": 403},
        target="plan_a1",
        check=lambda w: Plan.objects.filter(pk=w.plan_a1.pk).exists(),
    ),
    Row("secretary_a1", "POST", "plans:plan_revise", 302, target="plan_a1", check=versions_of("plan_a1", 2)),
    *rows(
        "POST",
        "plans:plan_revise",
        {"officer_b": 404, "auditor_a1": 403, "public": 403, "anonymous": 302},
        target="plan_a1",
        check=versions_of("plan_a1", 1),
    ),
    # Import into a draft: the province's officer for B1.
    *rows("GET", "plans:plan_import", WRITERS_B1, target="plan_b1"),
    Row("secretary_a1", "GET", "plans:plan_import", 302, target="plan_a1"),  # approved: start a version first
    Row("officer_b", "POST", "plans:plan_import", 302, target="plan_b1", data=upload, check=import_jobs(1)),
    *rows(
        "POST",
        "plans:plan_import",
        {"officer_a": 404, "secretary_a1": 404, "auditor_a1": 403, "anonymous": 302},
        target="plan_b1",
        data=upload,
        check=import_jobs(0),
    ),
    Row("officer_b", "POST", "plans:plan_import_confirm", 302, target=preview_of_b1, check=writing_jobs(1)),
    *rows(
        "POST",
        "plans:plan_import_confirm",
        {"officer_a": 404, "auditor_a1": 403},
        target=preview_of_b1,
        check=writing_jobs(0),
    ),
    # Versions.
    *rows("GET", "plans:planversion_detail", EVERYONE, target="version_a1"),
    *rows("GET", "plans:planversion_detail", DRAFT_B1, target="version_b1"),
    # The diff between versions reads like the version: a draft's is its place's staff's.
    *rows("GET", "plans:planversion_compare", EVERYONE, target="version_a1"),
    *rows("GET", "plans:planversion_compare", DRAFT_B1, target="version_b1"),
    *rows("GET", "plans:planversion_history", HISTORY, target="version_a1"),
    *rows("GET", "plans:planversion_edit", WRITERS_B1, target="version_b1"),
    Row("secretary_a1", "GET", "plans:planversion_edit", 403, target="version_a1"),  # approved: frozen
    Row(
        "officer_b",
        "POST",
        "plans:planversion_edit",
        302,
        target="version_b1",
        data=lambda w: {"summary": "ฉบับร่าง", "revision": PlanVersion.objects.get(pk=w.version_b1.pk).revision},
        check=lambda w: PlanVersion.objects.get(pk=w.version_b1.pk).summary == "ฉบับร่าง",
    ),
    *rows(
        "POST",
        "plans:planversion_edit",
        {"officer_a": 404, "auditor_a1": 403},
        target="version_b1",
        data={"summary": "ฉบับร่าง", "revision": 1},
        check=lambda w: PlanVersion.objects.get(pk=w.version_b1.pk).summary != "ฉบับร่าง",
    ),
    Row(
        "officer_b",
        "POST",
        "plans:planversion_step",
        302,
        target="version_b1",
        data={"step": "submit"},
        check=status_of("version_b1", "submitted"),
    ),
    *rows(
        "POST",
        "plans:planversion_step",
        {"officer_a": 404, "secretary_a1": 404, "auditor_a1": 403, "public": 403, "anonymous": 302},
        target="version_b1",
        data={"step": "submit"},
        check=status_of("version_b1", "draft"),
    ),
    # Escalation: approval is a committee's resolution, never a step on the page.
    Row(
        "officer_a",
        "POST",
        "plans:planversion_step",
        302,
        target="version_pa",
        data={"step": "approve"},
        check=status_of("version_pa", "submitted"),
    ),
    # Projects: public in an approved version; a draft's are its staff's.
    *rows("GET", "plans:project_detail", EVERYONE, target="project_a1"),
    *rows("GET", "plans:project_detail", DRAFT_B1, target="project_b1"),
    *rows("GET", "plans:project_history", HISTORY, target="project_a1"),
    *rows("GET", "plans:project_add", WRITERS_B1, target=parent("version_b1")),
    Row(
        "officer_b",
        "POST",
        "plans:project_add",
        302,
        target=parent("version_b1"),
        data=project_data(),
        check=lambda w: Project.objects.filter(code="P-NEW", version=w.version_b1).exists(),
    ),
    *rows(
        "POST",
        "plans:project_add",
        {"officer_a": 404, "secretary_a1": 404, "auditor_a1": 403, "anonymous": 302},
        target=parent("version_b1"),
        data=project_data(),
        check=lambda w: not Project.objects.filter(code="P-NEW").exists(),
    ),
    Row(
        "secretary_a1",
        "POST",
        "plans:project_add",
        200,
        target=parent("version_a1"),
        data=project_data(),
        check=lambda w: not Project.objects.filter(code="P-NEW").exists(),
    ),  # approved: frozen
    *rows("GET", "plans:project_edit", WRITERS_B1, target="project_b1"),
    Row(
        "officer_b",
        "POST",
        "plans:project_edit",
        302,
        target="project_b1",
        data=edit_project("project_b1", "น้ำเสียชุมชน"),
        check=project_titled("project_b1", "น้ำเสียชุมชน"),
    ),
    *rows(
        "POST",
        "plans:project_edit",
        {"officer_a": 404, "auditor_a1": 403},
        target="project_b1",
        data=edit_project("project_b1", "น้ำเสียชุมชน"),
        check=project_titled("project_b1", "น้ำเสียชุมชน", False),
    ),
    Row(
        "secretary_a1",
        "POST",
        "plans:project_edit",
        200,
        target="project_a1",
        data=edit_project("project_a1", "แก้ไข"),
        check=project_titled("project_a1", "แก้ไข", False),
    ),
    *rows("GET", "plans:project_delete", WRITERS_B1, target="project_b1"),
    Row(
        "officer_b",
        "POST",
        "plans:project_delete",
        302,
        target="project_b1",
        check=lambda w: not Project.objects.filter(pk=w.project_b1.pk).exists(),
    ),
    *rows(
        "POST",
        "plans:project_delete",
        {"officer_a": 404, "auditor_a1": 403},
        target="project_b1",
        check=lambda w: Project.objects.filter(pk=w.project_b1.pk).exists(),
    ),
    Row(
        "secretary_a1",
        "POST",
        "plans:project_delete",
        302,
        target="project_a1",
        check=lambda w: Project.objects.filter(pk=w.project_a1.pk).exists(),
    ),  # approved: frozen
    # Progress reports on the approved version's projects.
    *rows("GET", "plans:progressreport_detail", EVERYONE, target="report_a1"),
    *rows("GET", "plans:progressreport_history", HISTORY, target="report_a1"),
    *rows("GET", "plans:progressreport_add", WRITERS_A1, target=parent("project_a1")),
    Row(
        "secretary_a1",
        "POST",
        "plans:progressreport_add",
        302,
        target=parent("project_a1"),
        data=REPORT,
        check=reports_of("project_a1", 2),
    ),
    *rows(
        "POST",
        "plans:progressreport_add",
        {"officer_b": 404, "auditor_a1": 403, "public": 403, "anonymous": 302},
        target=parent("project_a1"),
        data=REPORT,
        check=reports_of("project_a1", 1),
    ),
    Row(
        "officer_b",
        "POST",
        "plans:progressreport_add",
        200,
        target=parent("project_b1"),
        data=REPORT,
        check=reports_of("project_b1", 0),
    ),  # a draft's project has no progress yet
    *rows("GET", "plans:progressreport_edit", WRITERS_A1, target="report_a1"),
    Row(
        "secretary_a1",
        "POST",
        "plans:progressreport_edit",
        302,
        target="report_a1",
        data=lambda w: report_data(w, percent_complete="70"),
        check=report_percent(70),
    ),
    *rows(
        "POST",
        "plans:progressreport_edit",
        {"officer_b": 404, "auditor_a1": 403},
        target="report_a1",
        data=lambda w: report_data(w, percent_complete="70"),
        check=report_percent(70, False),
    ),
    *rows("GET", "plans:progressreport_delete", WRITERS_A1, target="report_a1"),
    Row(
        "secretary_a1",
        "POST",
        "plans:progressreport_delete",
        302,
        target="report_a1",
        check=lambda w: not ProgressReport.objects.filter(pk=w.report_a1.pk).exists(),
    ),
    *rows(
        "POST",
        "plans:progressreport_delete",
        {"officer_b": 404, "auditor_a1": 403},
        target="report_a1",
        check=lambda w: ProgressReport.objects.filter(pk=w.report_a1.pk).exists(),
    ),
]

# -- the API: the same rules as the pages ---------------------------------------------------------------------

API_DRAFT_B1 = DRAFT_B1
# A public record (an approved plan, its progress) is visible to all: writing it outside one's scope is 403.
API_PLAN = {"level": "area_action", "title_th": "แผนจาก API", "first_year": 2566, "last_year": 2570}


def api_plan(attribute):
    return lambda world: {**API_PLAN, "area": getattr(world, attribute).pk}


def api_project(attribute):
    return lambda world: {"version": getattr(world, attribute).pk, "code": "API-1", "title": "โครงการจาก API",
                          "owner_organisation": "อบต."}  # fmt: skip


def api_report(attribute, quarter=3):
    return lambda world: {"project": getattr(world, attribute).pk, "fiscal_year": 2569, "quarter": quarter,
                          "percent_complete": 60, "spent": "500.00", "status": "on_track"}  # fmt: skip


def api_projects(count):
    return lambda world: Project.objects.filter(code="API-1").count() == count


ROWS += [
    *rows("GET", "api:plan-list", EVERYONE),
    *rows("GET", "api:plan-detail", EVERYONE, target="plan_a1"),
    *rows("GET", "api:plan-detail", API_DRAFT_B1, target="plan_b1"),
    *rows("GET", "api:plan-timeline", EVERYONE, target="plan_a1"),
    *rows("GET", "api:plan-timeline", API_DRAFT_B1, target="plan_b1"),
    Row("secretary_a1", "POST", "api:plan-list", 201, data=api_plan("area_a1"), check=plan_titled("แผนจาก API")),
    *rows(
        "POST",
        "api:plan-list",
        {"secretary_a1": 403, "officer_a": 403},
        data=api_plan("area_b1"),
        check=plan_titled("แผนจาก API", False),
    ),
    *rows(
        "POST",
        "api:plan-list",
        {"auditor_a1": 403, "public": 403, "anonymous": 403},
        data=api_plan("area_a1"),
        check=plan_titled("แผนจาก API", False),
    ),
    Row(
        "secretary_a1",
        "PATCH",
        "api:plan-detail",
        200,
        target="plan_a1",
        data={"title_th": "ชื่อ API"},
        check=plan_titled("ชื่อ API"),
    ),
    *rows(
        "PATCH",
        "api:plan-detail",
        {"officer_b": 403, "auditor_a1": 403},
        target="plan_a1",
        data={"title_th": "ชื่อ API"},
        check=plan_titled("ชื่อ API", False),
    ),
    Row(
        "secretary_a1",
        "PATCH",
        "api:plan-detail",
        403,
        target="plan_a1",
        data=lambda w: {"area": w.area_b1.pk},
        check=lambda w: Plan.objects.get(pk=w.plan_a1.pk).area_id == w.area_a1.pk,
    ),
    Row(
        "secretary_a1",
        "DELETE",
        "api:plan-detail",
        409,
        target="plan_a1",
        check=lambda w: Plan.objects.filter(pk=w.plan_a1.pk).exists(),
    ),  # its versions hang on it
    *rows(
        "DELETE",
        "api:plan-detail",
        {"officer_b": 403, "auditor_a1": 403},
        target="plan_a1",
        check=lambda w: Plan.objects.filter(pk=w.plan_a1.pk).exists(),
    ),
    *rows("GET", "api:planversion-list", EVERYONE),
    *rows("GET", "api:planversion-detail", EVERYONE, target="version_a1"),
    *rows("GET", "api:planversion-detail", API_DRAFT_B1, target="version_b1"),
    *rows("GET", "api:planversion-compare", EVERYONE, target="version_a1"),
    *rows("GET", "api:planversion-compare", API_DRAFT_B1, target="version_b1"),
    *rows("GET", "api:project-list", EVERYONE),
    *rows("GET", "api:project-detail", EVERYONE, target="project_a1"),
    *rows("GET", "api:project-detail", API_DRAFT_B1, target="project_b1"),
    Row("officer_b", "POST", "api:project-list", 201, data=api_project("version_b1"), check=api_projects(1)),
    *rows(
        "POST",
        "api:project-list",
        {"secretary_a1": 403, "officer_a": 403, "auditor_a1": 403, "anonymous": 403},
        data=api_project("version_b1"),
        check=api_projects(0),
    ),
    Row(
        "secretary_a1", "POST", "api:project-list", 400, data=api_project("version_a1"), check=api_projects(0)
    ),  # approved: frozen
    Row(
        "officer_b",
        "PATCH",
        "api:project-detail",
        200,
        target="project_b1",
        data={"title": "น้ำเสีย API"},
        check=project_titled("project_b1", "น้ำเสีย API"),
    ),
    *rows(
        "PATCH",
        "api:project-detail",
        {"officer_a": 404, "auditor_a1": 403},
        target="project_b1",
        data={"title": "น้ำเสีย API"},
        check=project_titled("project_b1", "น้ำเสีย API", False),
    ),
    Row(
        "secretary_a1",
        "PATCH",
        "api:project-detail",
        400,
        target="project_a1",
        data={"title": "แก้ API"},
        check=project_titled("project_a1", "แก้ API", False),
    ),  # approved: frozen
    # Moving a draft's project into another version (an approved one of another area) is refused.
    Row(
        "officer_b",
        "PATCH",
        "api:project-detail",
        400,
        target="project_b1",
        data=lambda w: {"version": w.version_a1.pk},
        check=lambda w: Project.objects.get(pk=w.project_b1.pk).version_id == w.version_b1.pk,
    ),
    Row(
        "officer_b",
        "DELETE",
        "api:project-detail",
        204,
        target="project_b1",
        check=lambda w: not Project.objects.filter(pk=w.project_b1.pk).exists(),
    ),
    *rows(
        "DELETE",
        "api:project-detail",
        {"officer_a": 404, "auditor_a1": 403},
        target="project_b1",
        check=lambda w: Project.objects.filter(pk=w.project_b1.pk).exists(),
    ),
    Row(
        "secretary_a1",
        "DELETE",
        "api:project-detail",
        409,
        target="project_a1",
        check=lambda w: Project.objects.filter(pk=w.project_a1.pk).exists(),
    ),  # approved: frozen
    *rows("GET", "api:progressreport-list", EVERYONE),
    *rows("GET", "api:progressreport-detail", EVERYONE, target="report_a1"),
    Row(
        "secretary_a1",
        "POST",
        "api:progressreport-list",
        201,
        data=api_report("project_a1"),
        check=reports_of("project_a1", 2),
    ),
    *rows(
        "POST",
        "api:progressreport-list",
        {"officer_b": 403, "auditor_a1": 403, "anonymous": 403},
        data=api_report("project_a1"),
        check=reports_of("project_a1", 1),
    ),
    Row(
        "officer_b",
        "POST",
        "api:progressreport-list",
        400,
        data=api_report("project_b1"),
        check=reports_of("project_b1", 0),
    ),  # a draft's project
    Row(
        "secretary_a1",
        "PATCH",
        "api:progressreport-detail",
        200,
        target="report_a1",
        data={"percent_complete": 70},
        check=report_percent(70),
    ),
    *rows(
        "PATCH",
        "api:progressreport-detail",
        {"officer_b": 403, "auditor_a1": 403},
        target="report_a1",
        data={"percent_complete": 70},
        check=report_percent(70, False),
    ),
    Row(
        "secretary_a1",
        "DELETE",
        "api:progressreport-detail",
        204,
        target="report_a1",
        check=lambda w: not ProgressReport.objects.filter(pk=w.report_a1.pk).exists(),
    ),
    *rows(
        "DELETE",
        "api:progressreport-detail",
        {"officer_b": 403, "auditor_a1": 403},
        target="report_a1",
        check=lambda w: ProgressReport.objects.filter(pk=w.report_a1.pk).exists(),
    ),
]
