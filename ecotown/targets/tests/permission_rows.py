"""Matrix rows for targets and results: the area's officers and secretariat write, the internal auditor reads,
other provinces get 404 and everyone else 403 (or the sign-in page)."""

from ecotown.accounts.testing import PERSONAS
from ecotown.core.testing import Row, rows
from ecotown.targets.models import Actual, Target

NO_ROLE = dict.fromkeys(PERSONAS, 403) | {"anonymous": 302}
READERS = NO_ROLE | {"diw_admin": 200, "officer_a": 200, "secretary_a1": 200, "auditor_a1": 200, "officer_b": 404}
WRITERS = NO_ROLE | {"diw_admin": 200, "officer_a": 200, "secretary_a1": 200, "officer_b": 404}
API_READERS = READERS | {"anonymous": 403}


def area(attribute):
    return lambda world: {"code": getattr(world, attribute).code}


def year_of(attribute):
    return lambda world: {"code": getattr(world, attribute).code, "fiscal_year": world.fiscal_year}


def row_of(target):
    def kwargs(world):
        found = getattr(world, target)
        return {"code": found.area.code, "fiscal_year": found.fiscal_year, "requirement": found.requirement_id}

    return kwargs


def result_data(target, value):
    def data(world):
        found = Target.objects.select_related("actual").get(pk=getattr(world, target).pk)
        actual = getattr(found, "actual", None)
        prefix = f"r{found.requirement_id}-"
        return {prefix + "value": value, prefix + "revision": actual.revision if actual else 0}

    return data


def actual_is(target, value):
    return lambda world: Actual.objects.filter(target=getattr(world, target), value=value).exists()


def target_form(target, **changes):
    def data(world):
        found = Target.objects.get(pk=getattr(world, target).pk)
        values = {"requirement": found.requirement_id, "fiscal_year": found.fiscal_year, "direction": found.direction,
                  "target_value": str(found.target_value), "revision": found.revision}  # fmt: skip
        return {**values, **changes}

    return data


def target_value_is(target, value):
    return lambda world: Target.objects.get(pk=getattr(world, target).pk).target_value == value


def new_target(year=2566):
    return lambda world: {"requirement": world.requirement.pk, "fiscal_year": year, "direction": "at_least",
                          "target_value": "55"}  # fmt: skip


def made(area_attribute, year=2566):
    return lambda world: Target.objects.filter(area=getattr(world, area_attribute), fiscal_year=year).exists()


def not_made(area_attribute, year=2566):
    return lambda world: not made(area_attribute, year)(world)


def import_job(world):
    from ecotown.core.models import Job

    job = Job.objects.create(
        kind="targets.import", user=world.secretary_a1, status="done", upload="jobs/none",
        params={"area": world.area_a1.pk, "catalogue": world.catalogue.pk, "mode": "check"},
        result={"errors": [], "created": 1},
    )  # fmt: skip
    return {"code": world.area_a1.code, "job": job.key}


def _workbook(world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from ecotown.targets.exporters import AreaTargetExporter

    content = AreaTargetExporter(world.area_a1, world.catalogue).to_xlsx()
    return {"file": SimpleUploadedFile("targets.xlsx", content)}


def jobs_started():
    from ecotown.core.models import Job

    return Job.objects.filter(kind="targets.import").count()


ROWS = [
    # The area's target table, results page and Excel export: readers in scope.
    *rows("GET", "targets:area_target_table", READERS, target=area("area_a1")),
    *rows(
        "GET",
        "targets:area_target_table",
        {"officer_a": 404, "secretary_a1": 404, "officer_b": 200},
        target=area("area_b1"),
    ),
    *rows("GET", "targets:area_results", READERS, target=year_of("area_a1")),
    *rows("GET", "targets:area_target_export", READERS, target=area("area_a1")),
    *rows("GET", "targets:target_list", READERS | {"officer_b": 200}),
    *rows("GET", "targets:target_detail", READERS, target="target_a1"),
    *rows("GET", "targets:target_history", READERS, target="target_a1"),
    # Recording a result: a row of the results page.
    # (a plain POST, without HTMX, goes back to the page: 302)
    *rows(
        "POST",
        "targets:result_row",
        {"secretary_a1": 302, "officer_a": 302},
        target=row_of("target_a1"),
        data=result_data("target_a1", "75"),
        check=actual_is("target_a1", 75),
    ),
    *rows(
        "POST",
        "targets:result_row",
        {"auditor_a1": 403, "officer_b": 404, "public": 403, "anonymous": 302},
        target=row_of("target_a1"),
        data=result_data("target_a1", "75"),
        check=actual_is("target_a1", 70),
    ),
    Row(
        "secretary_a1",
        "POST",
        "targets:result_row",
        404,
        target=row_of("target_b1"),
        data=result_data("target_b1", "10"),
        check=lambda w: not Actual.objects.filter(target=w.target_b1).exists(),
    ),
    # Setting and changing targets.
    *rows("GET", "targets:target_add", WRITERS, target=area("area_a1")),
    *rows(
        "POST",
        "targets:target_add",
        {"secretary_a1": 302, "officer_a": 302},
        target=area("area_a1"),
        data=new_target(),
        check=made("area_a1"),
    ),
    *rows(
        "POST",
        "targets:target_add",
        {"officer_b": 404, "auditor_a1": 403, "public": 403, "anonymous": 302},
        target=area("area_a1"),
        data=new_target(),
        check=not_made("area_a1"),
    ),
    Row(
        "secretary_a1",
        "POST",
        "targets:target_add",
        404,
        target=area("area_b1"),
        data=new_target(),
        check=not_made("area_b1"),
    ),
    *rows("GET", "targets:target_edit", WRITERS, target="target_a1"),
    *rows(
        "POST",
        "targets:target_edit",
        {"secretary_a1": 302, "officer_a": 302},
        target="target_a1",
        data=target_form("target_a1", target_value="66"),
        check=target_value_is("target_a1", 66),
    ),
    *rows(
        "POST",
        "targets:target_edit",
        {"officer_b": 404, "auditor_a1": 403, "anonymous": 302},
        target="target_a1",
        data=target_form("target_a1", target_value="66"),
        check=target_value_is("target_a1", 80),
    ),
    Row(
        "officer_a",
        "POST",
        "targets:target_edit",
        200,
        target="target_a1",
        data=target_form("target_a1", target_value="66", revision=0),
        check=target_value_is("target_a1", 80),
    ),
    *rows("GET", "targets:target_delete", WRITERS, target="target_a1"),
    Row(
        "officer_b",
        "POST",
        "targets:target_delete",
        302,
        target="target_b1",
        check=lambda w: not Target.objects.filter(pk=w.target_b1.pk).exists(),
    ),
    # A target with a result cannot be deleted: the result hangs on it.
    Row(
        "officer_a",
        "POST",
        "targets:target_delete",
        302,
        target="target_a1",
        check=lambda w: Target.objects.filter(pk=w.target_a1.pk).exists(),
    ),
    *rows(
        "POST",
        "targets:target_delete",
        {"officer_a": 404, "auditor_a1": 403, "anonymous": 302},
        target="target_b1",
        check=lambda w: Target.objects.filter(pk=w.target_b1.pk).exists(),
    ),
    # The Excel import: writers in scope; confirmation only of one's own finished preview.
    *rows("GET", "targets:area_target_import", WRITERS, target=area("area_a1")),
    Row(
        "secretary_a1",
        "POST",
        "targets:area_target_import",
        302,
        target=area("area_a1"),
        data=_workbook,
        check=lambda w: jobs_started() == 1,
    ),
    *rows(
        "POST",
        "targets:area_target_import",
        {"officer_b": 404, "auditor_a1": 403, "anonymous": 302},
        target=area("area_a1"),
        data=_workbook,
        check=lambda w: jobs_started() == 0,
    ),
    Row(
        "secretary_a1",
        "POST",
        "targets:area_target_import_confirm",
        302,
        target=import_job,
        check=lambda w: jobs_started() == 2,
    ),
    *rows(
        "POST",
        "targets:area_target_import_confirm",
        {"officer_a": 404, "officer_b": 404, "auditor_a1": 403, "anonymous": 302},
        target=import_job,
        check=lambda w: jobs_started() == 1,
    ),
    # The API: the same rules.
    *rows("GET", "api:target-list", API_READERS | {"officer_b": 200}),
    *rows("GET", "api:target-detail", API_READERS, target="target_a1"),
    *rows("GET", "api:actual-list", API_READERS | {"officer_b": 200}),
    *rows("GET", "api:actual-detail", API_READERS, target=lambda w: {"pk": w.target_a1.actual.pk}),
    Row(
        "secretary_a1",
        "POST",
        "api:target-list",
        201,
        data=lambda w: {
            "area": w.area_a1.code,
            "requirement": w.requirement.pk,
            "fiscal_year": 2566,
            "target_value": "40",
        },
        check=made("area_a1"),
    ),
    *rows(
        "POST",
        "api:target-list",
        {"secretary_a1": 400, "officer_a": 400, "auditor_a1": 403, "anonymous": 403},
        data=lambda w: {
            "area": w.area_b1.code,
            "requirement": w.requirement.pk,
            "fiscal_year": 2566,
            "target_value": "40",
        },
        check=not_made("area_b1"),
    ),
    Row(
        "secretary_a1",
        "PATCH",
        "api:target-detail",
        200,
        target="target_a1",
        data={"target_value": "81"},
        check=target_value_is("target_a1", 81),
    ),
    Row(
        "secretary_a1",
        "PATCH",
        "api:target-detail",
        409,
        target="target_a1",
        data={"target_value": "81", "revision": 0},
        check=target_value_is("target_a1", 80),
    ),
    *rows(
        "PATCH",
        "api:target-detail",
        {"officer_b": 404, "auditor_a1": 403, "anonymous": 403},
        target="target_a1",
        data={"target_value": "81"},
        check=target_value_is("target_a1", 80),
    ),
    Row(
        "secretary_a1",
        "PATCH",
        "api:target-detail",
        400,
        target="target_a1",
        data=lambda w: {"area": w.area_b1.code},
        check=lambda w: Target.objects.get(pk=w.target_a1.pk).area_id == w.area_a1.pk,
    ),
    Row(
        "officer_b",
        "DELETE",
        "api:target-detail",
        204,
        target="target_b1",
        check=lambda w: not Target.objects.filter(pk=w.target_b1.pk).exists(),
    ),
    Row(
        "officer_a",
        "DELETE",
        "api:target-detail",
        409,
        target="target_a1",
        check=lambda w: Target.objects.filter(pk=w.target_a1.pk).exists(),
    ),
    *rows(
        "DELETE",
        "api:target-detail",
        {"officer_a": 404, "auditor_a1": 403},
        target="target_b1",
        check=lambda w: Target.objects.filter(pk=w.target_b1.pk).exists(),
    ),
    # A second result for a target that has one: a 400 with a message, never a server error.
    Row(
        "secretary_a1",
        "POST",
        "api:actual-list",
        400,
        data=lambda w: {"target": w.target_a1.pk, "value": "5"},
        check=actual_is("target_a1", 70),
    ),
    Row(
        "officer_b",
        "POST",
        "api:actual-list",
        201,
        data=lambda w: {"target": w.target_b1.pk, "value": "5"},
        check=lambda w: Actual.objects.filter(target=w.target_b1, value=5).exists(),
    ),
    *rows(
        "POST",
        "api:actual-list",
        {"secretary_a1": 400, "auditor_a1": 403, "anonymous": 403},
        data=lambda w: {"target": w.target_b1.pk, "value": "5"},
        check=lambda w: not Actual.objects.filter(target=w.target_b1).exists(),
    ),
    Row(
        "secretary_a1",
        "PATCH",
        "api:actual-detail",
        200,
        target=lambda w: {"pk": w.target_a1.actual.pk},
        data={"value": "71"},
        check=actual_is("target_a1", 71),
    ),
    *rows(
        "PATCH",
        "api:actual-detail",
        {"officer_b": 404, "auditor_a1": 403},
        target=lambda w: {"pk": w.target_a1.actual.pk},
        data={"value": "71"},
        check=actual_is("target_a1", 70),
    ),
    Row(
        "secretary_a1",
        "DELETE",
        "api:actual-detail",
        204,
        target=lambda w: {"pk": w.target_a1.actual.pk},
        check=lambda w: not Actual.objects.filter(target=w.target_a1).exists(),
    ),
    *rows(
        "DELETE",
        "api:actual-detail",
        {"officer_b": 404, "auditor_a1": 403},
        target=lambda w: {"pk": w.target_a1.actual.pk},
        check=actual_is("target_a1", 70),
    ),
]
