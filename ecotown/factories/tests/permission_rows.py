"""Matrix rows for factories: the province's officer keeps the register and its records; the area's secretariat
and internal auditor read their area's factories; an operator reads only the factory they operate; the public,
the consultant reads the factories of their consulting engagements (factory A1, support's samples); the public and
central auditors reach no factory."""

from django.core.files.uploadedfile import SimpleUploadedFile

from ecotown.accounts.testing import PERSONAS
from ecotown.core.models import Job, JobStatus
from ecotown.core.testing import Row, rows
from ecotown.factories.jobs import IMPORT
from ecotown.factories.models import Certification, ComplianceCheck, Factory, Inspection, MassBalance, Permit

NO_ROLE = dict.fromkeys(PERSONAS, 403) | {"anonymous": 302}
# Who reads factory A1 (province A, area A1, the operator's): everyone holding a granted role whose scope reaches it.
READ_A1 = NO_ROLE | {"diw_admin": 200, "officer_a": 200, "officer_b": 404, "secretary_a1": 200, "auditor_a1": 200,
                     "operator": 200, "consultant": 200}  # fmt: skip
READ_B1 = READ_A1 | {"officer_a": 404, "officer_b": 200, "secretary_a1": 404, "auditor_a1": 404, "operator": 404,
                     "consultant": 404}  # fmt: skip
LIST = NO_ROLE | {"diw_admin": 200, "officer_a": 200, "officer_b": 200, "secretary_a1": 200, "auditor_a1": 200,
                  "operator": 200, "consultant": 200}  # fmt: skip
HISTORY_A1 = NO_ROLE | {"diw_admin": 200, "officer_a": 200, "officer_b": 404, "secretary_a1": 200, "auditor_a1": 200}
# Pages that write: the province's officer (DIW everywhere); readers without the permission get 403.
WRITE_PAGE_A1 = NO_ROLE | {"diw_admin": 200, "officer_a": 200, "officer_b": 404}
API_READ_A1 = READ_A1 | {"anonymous": 403}
API_LIST = LIST | {"anonymous": 403}
AREA_A1 = NO_ROLE | {"diw_admin": 200, "officer_a": 200, "officer_b": 404, "secretary_a1": 200, "auditor_a1": 200,
                     "operator": 404, "consultant": 404}  # fmt: skip
IMPORTERS = NO_ROLE | {"diw_admin": 200, "officer_a": 200, "officer_b": 200}

RECORDS = {  # model, world attribute in A1 and B1, route prefix, form data for a new record
    "permit": (
        Permit,
        {"kind": "waste_removal", "number": "สก.2 99/2569", "issued_on": "01/02/2569", "expires_on": "31/01/2570"},
    ),
    "compliancecheck": (
        ComplianceCheck,
        {"topic": "air", "result": "not_compliant", "checked_on": "01/02/2569", "requirement": "ค่าฝุ่นจากปล่อง"},
    ),
    "inspection": (
        Inspection,
        {"kind": "inspection", "occurred_on": "01/02/2569", "subject": "ตรวจประจำปี 99", "outcome": "open"},
    ),
    "certification": (
        Certification,
        {"scheme": "iso45001", "certificate_number": "OHS-99", "valid_from": "01/02/2569"},
    ),
}
WORLD_NAMES = {"permit": "permit", "compliancecheck": "check", "inspection": "inspection",
               "certification": "certification"}  # fmt: skip
API_NAMES = {"permit": "permit", "compliancecheck": "compliancecheck", "certification": "certification"}
API_DATA = {
    "permit": {"kind": "other", "number": "API-99"},
    "compliancecheck": {"topic": "safety", "result": "compliant", "checked_on": "2026-02-01", "requirement": "API-99"},
    "certification": {"scheme": "iso50001", "certificate_number": "API-99", "valid_from": "2026-02-01"},
}
MARKER = {"permit": "number", "compliancecheck": "requirement", "inspection": "subject",
          "certification": "certificate_number"}  # fmt: skip


def parent(attribute):
    return lambda world: {"parent_pk": getattr(world, attribute).pk}


def factory_data(world, **changes):
    factory = Factory.objects.get(pk=world.factory_a1.pk)
    values = {"registration_number": factory.registration_number, "name": factory.name,
              "province": factory.province_id, "operating_status": factory.operating_status,
              "areas": [world.area_a1.pk], "revision": factory.revision}  # fmt: skip
    return {**values, **changes}


def factory_named(name, exists=True):
    return lambda world: Factory.objects.filter(name=name).exists() == exists


def marked(model, field, value, count):
    return lambda world: model.objects.filter(**{field: value}).count() == count


def record_rows(name, model, data):
    attr = WORLD_NAMES[name]
    a1, b1 = f"{attr}_a1", f"{attr}_b1"
    field = MARKER[name]
    new_value = data[field]
    edited = {**data, field: f"{new_value} แก้ไข"}

    def edit_data(world):
        record = model.objects.get(pk=getattr(world, a1).pk)
        return {**edited, "revision": record.revision}

    return [
        *rows("GET", f"factories:{name}_detail", READ_A1, target=a1),
        *rows("GET", f"factories:{name}_detail", READ_B1, target=b1),
        *rows(
            "GET",
            f"factories:{name}_add",
            WRITE_PAGE_A1 | {"secretary_a1": 403, "operator": 403},
            target=parent("factory_a1"),
        ),
        Row(
            "officer_a",
            "POST",
            f"factories:{name}_add",
            302,
            target=parent("factory_a1"),
            data=data,
            check=marked(model, field, new_value, 1),
        ),
        *rows(
            "POST",
            f"factories:{name}_add",
            {"officer_b": 404, "operator": 403, "secretary_a1": 403, "anonymous": 302},
            target=parent("factory_a1"),
            data=data,
            check=marked(model, field, new_value, 0),
        ),
        *rows("GET", f"factories:{name}_edit", WRITE_PAGE_A1 | {"secretary_a1": 403, "operator": 403}, target=a1),
        Row(
            "officer_a",
            "POST",
            f"factories:{name}_edit",
            302,
            target=a1,
            data=edit_data,
            check=marked(model, field, edited[field], 1),
        ),
        *rows(
            "POST",
            f"factories:{name}_edit",
            {"officer_b": 404, "operator": 403, "auditor_a1": 403},
            target=a1,
            data=edit_data,
            check=marked(model, field, edited[field], 0),
        ),
        *rows("GET", f"factories:{name}_delete", WRITE_PAGE_A1 | {"secretary_a1": 403, "operator": 403}, target=a1),
        Row(
            "officer_a",
            "POST",
            f"factories:{name}_delete",
            302,
            target=a1,
            check=lambda w: not model.objects.filter(pk=getattr(w, a1).pk).exists(),
        ),
        *rows(
            "POST",
            f"factories:{name}_delete",
            {"officer_a": 404, "operator": 403, "secretary_a1": 403},
            target=b1,
            check=lambda w: model.objects.filter(pk=getattr(w, b1).pk).exists(),
        ),
        *rows("GET", f"factories:{name}_history", HISTORY_A1, target=a1),
    ]


def api_rows(name, model, data):
    attr = WORLD_NAMES[name]
    a1, b1 = f"{attr}_a1", f"{attr}_b1"
    field = MARKER[name]
    return [
        *rows("GET", f"api:{name}-list", API_LIST),
        *rows("GET", f"api:{name}-detail", API_READ_A1, target=a1),
        Row(
            "officer_a",
            "POST",
            f"api:{name}-list",
            201,
            data=lambda w: {**data, "factory": w.factory_a1.pk},
            check=marked(model, field, data[field], 1),
        ),
        # Escalation and out of scope: an operator may not write their own factory's records; officer A may not
        # create one on a factory of province B.
        *rows(
            "POST",
            f"api:{name}-list",
            {"operator": 403, "officer_a": 403, "anonymous": 403},
            data=lambda w: {**data, "factory": w.factory_b1.pk},
            check=marked(model, field, data[field], 0),
        ),
        Row(
            "officer_a",
            "PATCH",
            f"api:{name}-detail",
            200,
            target=a1,
            data={field: "API-PATCH"},
            check=marked(model, field, "API-PATCH", 1),
        ),
        *rows(
            "PATCH",
            f"api:{name}-detail",
            {"officer_b": 404, "operator": 403, "secretary_a1": 403},
            target=a1,
            data={field: "API-PATCH"},
            check=marked(model, field, "API-PATCH", 0),
        ),
        # Moving a record to a factory out of scope is refused and leaves it where it was.
        Row(
            "officer_a",
            "PATCH",
            f"api:{name}-detail",
            403,
            target=a1,
            data=lambda w: {"factory": w.factory_b1.pk},
            check=lambda w: model.objects.get(pk=getattr(w, a1).pk).factory_id == w.factory_a1.pk,
        ),
        Row(
            "officer_a",
            "DELETE",
            f"api:{name}-detail",
            204,
            target=a1,
            check=lambda w: not model.objects.filter(pk=getattr(w, a1).pk).exists(),
        ),
        *rows(
            "DELETE",
            f"api:{name}-detail",
            {"officer_a": 404, "operator": 403},
            target=b1,
            check=lambda w: model.objects.filter(pk=getattr(w, b1).pk).exists(),
        ),
    ]


def upload(world):
    import io

    from ecotown.factories.samples import sample_rows, write_sample  # noqa: F401

    text = io.StringIO()
    write_sample(text, 3, provinces=["13"], seed=11)
    return {"file": SimpleUploadedFile("Factory_Data.csv", text.getvalue().encode("utf-8-sig"), "text/csv")}


def preview_of(persona):
    """A finished preview job of `persona` (for the confirm and error-report routes)."""

    def kwargs(world):
        from django.core.files.base import ContentFile

        from ecotown.core.evidence import storage

        name = storage().save("jobs/matrix-errors.csv", ContentFile(b"row,problem\n2,x\n"))
        job = Job.objects.create(kind=IMPORT, user=world.users[persona], status=JobStatus.DONE,
                                 params={"mode": "check"}, result={"errors_file": name, "refused": 0})  # fmt: skip
        return {"job": job.key}

    return kwargs


def jobs_started(persona, count):
    return lambda world: Job.objects.filter(kind=IMPORT, user=world.users[persona]).count() == count


ROWS = [
    # -- the register ------------------------------------------------------------------------------------------
    *rows("GET", "factories:factory_list", LIST),
    *rows("GET", "factories:factory_detail", READ_A1, target="factory_a1"),
    *rows("GET", "factories:factory_detail", READ_B1, target="factory_b1"),
    *rows("GET", "factories:factory_history", HISTORY_A1, target="factory_a1"),
    *rows("GET", "factories:factory_add", NO_ROLE | {"diw_admin": 200, "officer_a": 200, "officer_b": 200}),
    Row(
        "officer_a",
        "POST",
        "factories:factory_add",
        302,
        data=lambda w: {
            "registration_number": "10130000099999",
            "name": "โรงงานใหม่ ปทุม",
            "province": w.province_a.pk,
            "operating_status": "operating",
        },
        check=factory_named("โรงงานใหม่ ปทุม"),
    ),
    # Out of scope: officer A may not register a factory in province B (the form offers only province A).
    Row(
        "officer_a",
        "POST",
        "factories:factory_add",
        200,
        data=lambda w: {
            "registration_number": "10210000099999",
            "name": "โรงงานใหม่ ระยอง",
            "province": w.province_b.pk,
            "operating_status": "operating",
        },
        check=factory_named("โรงงานใหม่ ระยอง", exists=False),
    ),
    *rows(
        "POST",
        "factories:factory_add",
        {"secretary_a1": 403, "operator": 403, "consultant": 403, "anonymous": 302},
        data=lambda w: {
            "registration_number": "10130000099998",
            "name": "โรงงานแอบเพิ่ม",
            "province": w.province_a.pk,
            "operating_status": "operating",
        },
        check=factory_named("โรงงานแอบเพิ่ม", exists=False),
    ),
    *rows("GET", "factories:factory_edit", WRITE_PAGE_A1 | {"secretary_a1": 403, "operator": 403}, target="factory_a1"),
    Row(
        "officer_a",
        "POST",
        "factories:factory_edit",
        302,
        target="factory_a1",
        data=lambda w: factory_data(w, name="บริษัท บางกะดีอาหาร (ใหม่) จำกัด"),
        check=factory_named("บริษัท บางกะดีอาหาร (ใหม่) จำกัด"),
    ),
    # Moving a factory out of the officer's province is refused (province B is not offered).
    Row(
        "officer_a",
        "POST",
        "factories:factory_edit",
        200,
        target="factory_a1",
        data=lambda w: factory_data(w, province=w.province_b.pk),
        check=lambda w: Factory.objects.get(pk=w.factory_a1.pk).province_id == w.province_a.pk,
    ),
    *rows(
        "POST",
        "factories:factory_edit",
        {"officer_b": 404, "operator": 403, "secretary_a1": 403},
        target="factory_a1",
        data=lambda w: factory_data(w, name="ชื่อที่แอบแก้"),
        check=factory_named("ชื่อที่แอบแก้", exists=False),
    ),
    *rows(
        "GET",
        "factories:factory_delete",
        NO_ROLE | {"diw_admin": 200, "officer_a": 403, "officer_b": 403},
        target="factory_a1_other",
    ),
    Row(
        "diw_admin",
        "POST",
        "factories:factory_delete",
        302,
        target="factory_a1_other",
        check=lambda w: not Factory.objects.filter(pk=w.factory_a1_other.pk).exists(),
    ),
    # Years of records hang on factory A1: even DIW's delete is refused (redirected back, still there).
    Row(
        "diw_admin",
        "POST",
        "factories:factory_delete",
        302,
        target="factory_a1",
        check=lambda w: Factory.objects.filter(pk=w.factory_a1.pk).exists(),
    ),
    *rows(
        "POST",
        "factories:factory_delete",
        {"officer_a": 403, "operator": 403, "anonymous": 302},
        target="factory_a1_other",
        check=lambda w: Factory.objects.filter(pk=w.factory_a1_other.pk).exists(),
    ),
    # -- records of a factory ----------------------------------------------------------------------------------
    *[row for name, (model, data) in RECORDS.items() for row in record_rows(name, model, data)],
    # -- import ------------------------------------------------------------------------------------------------
    *rows("GET", "factories:import", IMPORTERS),
    *rows("GET", "factories:import_template", IMPORTERS),
    Row("officer_a", "POST", "factories:import", 302, data=upload, check=jobs_started("officer_a", 1)),
    *rows(
        "POST",
        "factories:import",
        {"secretary_a1": 403, "operator": 403, "anonymous": 302},
        data=upload,
        check=lambda w: not Job.objects.filter(kind=IMPORT).exists(),
    ),
    Row(
        "officer_a",
        "POST",
        "factories:import_confirm",
        302,
        target=preview_of("officer_a"),
        check=jobs_started("officer_a", 2),
    ),
    # Someone else's preview: not found, and nothing started.
    *rows(
        "POST",
        "factories:import_confirm",
        {"officer_b": 404, "diw_admin": 404},
        target=preview_of("officer_a"),
        check=jobs_started("officer_a", 1),
    ),
    *rows(
        "POST",
        "factories:import_confirm",
        {"secretary_a1": 403, "operator": 403},
        target=preview_of("officer_a"),
        check=jobs_started("officer_a", 1),
    ),
    Row("officer_a", "GET", "factories:import_errors", 200, target=preview_of("officer_a")),
    *rows(
        "GET",
        "factories:import_errors",
        {"officer_b": 404, "diw_admin": 404, "operator": 404, "anonymous": 404},
        target=preview_of("officer_a"),
    ),
    # -- an area's factories without management systems ---------------------------------------------------------
    *rows("GET", "factories:area_lacking", AREA_A1, target=lambda w: {"code": w.area_a1.code}),
    *rows("GET", "factories:area_lacking_export", AREA_A1, target=lambda w: {"code": w.area_a1.code}),
    *rows("GET", "factories:area_guideline", AREA_A1, target=lambda w: {"code": w.area_a1.code}),
    *rows(
        "GET",
        "factories:area_guideline",
        AREA_A1 | {"officer_a": 404, "officer_b": 200, "secretary_a1": 404, "auditor_a1": 404},
        target=lambda w: {"code": w.area_b1.code},
    ),
    # -- API ---------------------------------------------------------------------------------------------------
    *rows("GET", "api:factory-list", API_LIST),
    *rows("GET", "api:factory-detail", API_READ_A1, target="factory_a1"),
    *rows("GET", "api:factory-detail", READ_B1 | {"anonymous": 403}, target="factory_b1"),
    *[row for name in API_NAMES for row in api_rows(name, RECORDS[name][0], API_DATA[name])],
]


# -- mass balances: the operator enters and submits their own factory's; the province's officer reviews ------------


def balance_data(world, year="2566", **changes):
    values = {"year": year, "flows-TOTAL_FORMS": "1", "flows-INITIAL_FORMS": "0", "flows-0-direction": "in",
              "flows-0-category": "raw_material", "flows-0-name": "วัตถุดิบทดสอบ", "flows-0-quantity": "5",
              "flows-0-unit": "t"}  # fmt: skip
    return {**values, **changes}


def balances_of(attribute, year, count):
    return lambda world: MassBalance.objects.filter(factory=getattr(world, attribute), year=year).count() == count


def status_of(attribute, status):
    return lambda world: MassBalance.objects.get(pk=getattr(world, attribute).pk).status == status


def edit_balance(world):
    balance = MassBalance.objects.get(pk=world.balance_a1.pk)
    return {"year": balance.year, "notes": "แก้ไขแล้ว", "revision": balance.revision, "flows-TOTAL_FORMS": "0",
            "flows-INITIAL_FORMS": "0"}  # fmt: skip


def notes_of(attribute, notes):
    return lambda world: MassBalance.objects.get(pk=getattr(world, attribute).pk).notes == notes


BALANCE_WRITERS = NO_ROLE | {"diw_admin": 200, "officer_a": 200, "officer_b": 404, "operator": 200,
                             "secretary_a1": 403}  # fmt: skip
ROWS += [
    *rows("GET", "factories:massbalance_detail", READ_A1, target="balance_a1"),
    *rows("GET", "factories:massbalance_detail", READ_B1, target="balance_b1"),
    *rows("GET", "factories:massbalance_history", HISTORY_A1, target="balance_a1"),
    *rows("GET", "factories:massbalance_add", BALANCE_WRITERS, target=parent("factory_a1")),
    Row(
        "operator",
        "POST",
        "factories:massbalance_add",
        302,
        target=parent("factory_a1"),
        data=balance_data,
        check=balances_of("factory_a1", 2566, 1),
    ),
    # Out of scope: the operator may not enter a balance for someone else's factory.
    *rows(
        "POST",
        "factories:massbalance_add",
        {"operator": 404, "officer_a": 404, "secretary_a1": 403},
        target=parent("factory_b1"),
        data=balance_data,
        check=balances_of("factory_b1", 2566, 0),
    ),
    *rows("GET", "factories:massbalance_edit", BALANCE_WRITERS, target="balance_a1"),
    Row(
        "operator",
        "POST",
        "factories:massbalance_edit",
        302,
        target="balance_a1",
        data=edit_balance,
        check=notes_of("balance_a1", "แก้ไขแล้ว"),
    ),
    *rows(
        "POST",
        "factories:massbalance_edit",
        {"officer_b": 404, "secretary_a1": 403, "auditor_a1": 403},
        target="balance_a1",
        data=edit_balance,
        check=notes_of("balance_a1", ""),
    ),
    *rows("GET", "factories:massbalance_delete", BALANCE_WRITERS, target="balance_a1"),
    Row(
        "operator",
        "POST",
        "factories:massbalance_delete",
        302,
        target="balance_a1",
        check=lambda w: not MassBalance.objects.filter(pk=w.balance_a1.pk).exists(),
    ),
    *rows(
        "POST",
        "factories:massbalance_delete",
        {"operator": 404, "officer_a": 404, "secretary_a1": 403},
        target="balance_b1",
        check=lambda w: MassBalance.objects.filter(pk=w.balance_b1.pk).exists(),
    ),
    # Named steps: the operator submits; reviewing is the officer's (escalation refused); out of scope is 404.
    Row(
        "operator",
        "POST",
        "factories:massbalance_step",
        302,
        target="balance_a1",
        data={"step": "submit"},
        check=status_of("balance_a1", "submitted"),
    ),
    Row(
        "operator",
        "POST",
        "factories:massbalance_step",
        403,
        target="submitted_a1",
        data={"step": "accept"},
        check=status_of("submitted_a1", "submitted"),
    ),
    Row(
        "officer_a",
        "POST",
        "factories:massbalance_step",
        302,
        target="submitted_a1",
        data={"step": "return", "reason": "ตัวเลขน้ำไม่ครบ"},
        check=status_of("submitted_a1", "returned"),
    ),
    *rows(
        "POST",
        "factories:massbalance_step",
        {"officer_a": 404, "operator": 404, "public": 403, "anonymous": 302},
        target="balance_b1",
        data={"step": "submit"},
        check=status_of("balance_b1", "draft"),
    ),
    *rows("GET", "api:factory-mass-balance", API_READ_A1, target="factory_a1"),
]
