"""Matrix rows for areas and their contacts: officers in their province, secretariats in their area, the DIW
administrator everywhere; the public reads areas but never contacts or who changed what."""

from ecotown.accounts.testing import PERSONAS
from ecotown.areas.models import Area, AreaContact
from ecotown.core.testing import Row, rows

EVERYONE = dict.fromkeys(PERSONAS, 200)
NO_ROLE = dict.fromkeys(PERSONAS, 403) | {"anonymous": 302}
STAFF_READ = dict.fromkeys(PERSONAS, 200) | {"public": 403, "operator": 403, "consultant": 403, "anonymous": 302}


def form(attribute, **changes):
    def data(world):
        area = Area.objects.get(pk=getattr(world, attribute).pk)
        values = {"code": area.code, "name_th": area.name_th, "name_en": area.name_en, "province": area.province_id,
                  "kind": area.kind, "revision": area.revision}  # fmt: skip
        return {**values, **{k: (v(world) if callable(v) else v) for k, v in changes.items()}}

    return data


def population_is(attribute, value):
    return lambda world: Area.objects.get(pk=getattr(world, attribute).pk).population == value


def still_in(attribute, province):
    return lambda world: Area.objects.get(pk=getattr(world, attribute).pk).province_id == getattr(world, province).pk


def exists(attribute, model=Area):
    return lambda world: model.objects.filter(pk=getattr(world, attribute).pk).exists()


def gone(attribute, model=Area):
    return lambda world: not model.objects.filter(pk=getattr(world, attribute).pk).exists()


def parent(attribute):
    return lambda world: {"parent_pk": getattr(world, attribute).pk}


NEW_AREA = {"code": "pte-new", "name_th": "พื้นที่ใหม่", "kind": "district"}


def new_area(province):
    return lambda world: {**NEW_AREA, "province": getattr(world, province).pk}


def created(code="pte-new"):
    return lambda world: Area.objects.filter(code=code).exists()


def not_created(code="pte-new"):
    return lambda world: not Area.objects.filter(code=code).exists()


def contact_named(name):
    return lambda world: AreaContact.objects.filter(name=name).exists()


def no_contact_named(name):
    return lambda world: not AreaContact.objects.filter(name=name).exists()


ROWS = [
    # Reading: areas are public.
    *rows("GET", "areas:area_list", EVERYONE),
    *rows("GET", "areas:area_detail", EVERYONE, target="area_a1"),
    *rows("GET", "areas:area_by_code", dict.fromkeys(PERSONAS, 302), target=lambda w: {"code": w.area_b1.code}),
    *rows("GET", "areas:area_history", STAFF_READ, target="area_a1"),
    # Adding: provincial officers in their province; the province field never leads elsewhere.
    *rows("GET", "areas:area_add", NO_ROLE | {"diw_admin": 200, "officer_a": 200, "officer_b": 200}),
    Row("officer_a", "POST", "areas:area_add", 302, data=new_area("province_a"), check=created()),
    Row("officer_a", "POST", "areas:area_add", 200, data=new_area("province_b"), check=not_created()),
    *rows(
        "POST",
        "areas:area_add",
        {"secretary_a1": 403, "auditor_a1": 403, "public": 403, "anonymous": 302},
        data=new_area("province_a"),
        check=not_created(),
    ),
    # Editing: the province's officers and the area's secretariat; others never learn it exists.
    *rows(
        "GET",
        "areas:area_edit",
        NO_ROLE | {"diw_admin": 200, "officer_a": 200, "secretary_a1": 200, "officer_b": 404},
        target="area_a1",
    ),
    *rows(
        "POST",
        "areas:area_edit",
        {"officer_a": 302, "secretary_a1": 302, "diw_admin": 302},
        target="area_a1",
        data=form("area_a1", population=1234),
        check=population_is("area_a1", 1234),
    ),
    *rows(
        "POST",
        "areas:area_edit",
        {"officer_b": 404, "auditor_a1": 403, "public": 403, "anonymous": 302},
        target="area_a1",
        data=form("area_a1", population=1234),
        check=population_is("area_a1", None),
    ),
    Row(
        "secretary_a1",
        "POST",
        "areas:area_edit",
        404,
        target="area_a2",
        data=form("area_a2", population=7),
        check=population_is("area_a2", None),
    ),
    # Moving an area out of one's province is refused and nothing is saved.
    Row(
        "officer_a",
        "POST",
        "areas:area_edit",
        200,
        target="area_a1",
        data=form("area_a1", province=lambda w: w.province_b.pk),
        check=still_in("area_a1", "province_a"),
    ),
    # A stale form does not overwrite a newer save.
    Row(
        "officer_a",
        "POST",
        "areas:area_edit",
        200,
        target="area_a1",
        data=form("area_a1", population=99, revision=0),
        check=population_is("area_a1", None),
    ),
    # The programme status: the DIW administrator only, with a reason.
    *rows("GET", "areas:area_status", NO_ROLE | {"diw_admin": 200}, target="area_a1"),
    Row(
        "diw_admin",
        "POST",
        "areas:area_status",
        302,
        target="area_a1",
        data={"step": "start_development", "reason": "มติคณะกรรมการจังหวัด ครั้งที่ 1/2569"},
        check=lambda w: Area.objects.get(pk=w.area_a1.pk).status == "developing",
    ),
    *rows(
        "POST",
        "areas:area_status",
        {"officer_a": 403, "secretary_a1": 403, "public": 403, "anonymous": 302},
        target="area_a1",
        data={"step": "record_certification", "certified_level": 5, "certified_until": "30/09/2570", "reason": "x"},
        check=lambda w: Area.objects.get(pk=w.area_a1.pk).certified_level is None,
    ),
    # Deleting: only the DIW administrator, and never an area that records hang on.
    *rows("GET", "areas:area_delete", NO_ROLE | {"diw_admin": 200}, target="area_a2"),
    Row("diw_admin", "POST", "areas:area_delete", 302, target="area_a2", check=gone("area_a2")),
    Row("diw_admin", "POST", "areas:area_delete", 302, target="area_a1", check=exists("area_a1")),
    *rows(
        "POST",
        "areas:area_delete",
        {"officer_a": 403, "secretary_a1": 403, "anonymous": 302},
        target="area_a2",
        check=exists("area_a2"),
    ),
    # Contacts: personal data, programme staff of the area only.
    *rows(
        "GET",
        "areas:areacontact_detail",
        NO_ROLE | {"diw_admin": 200, "officer_a": 200, "secretary_a1": 200, "auditor_a1": 200, "officer_b": 404},
        target="contact_a1",
    ),
    *rows(
        "GET",
        "areas:areacontact_history",
        NO_ROLE | {"diw_admin": 200, "officer_a": 200, "secretary_a1": 200, "auditor_a1": 200, "officer_b": 404},
        target="contact_a1",
    ),
    *rows(
        "GET",
        "areas:areacontact_add",
        NO_ROLE | {"diw_admin": 200, "officer_a": 200, "secretary_a1": 200, "officer_b": 404},
        target=parent("area_a1"),
    ),
    Row(
        "secretary_a1",
        "POST",
        "areas:areacontact_add",
        302,
        target=parent("area_a1"),
        data={"name": "สมหญิง ประสานงาน"},
        check=contact_named("สมหญิง ประสานงาน"),
    ),
    *rows(
        "POST",
        "areas:areacontact_add",
        {"secretary_a1": 404, "officer_a": 404},
        target=parent("area_b1"),
        data={"name": "สมหญิง ประสานงาน"},
        check=no_contact_named("สมหญิง ประสานงาน"),
    ),
    *rows(
        "POST",
        "areas:areacontact_add",
        {"auditor_a1": 403, "public": 403, "anonymous": 302},
        target=parent("area_a1"),
        data={"name": "สมหญิง ประสานงาน"},
        check=no_contact_named("สมหญิง ประสานงาน"),
    ),
    *rows(
        "GET",
        "areas:areacontact_edit",
        NO_ROLE | {"diw_admin": 200, "officer_a": 200, "secretary_a1": 200, "officer_b": 404},
        target="contact_a1",
    ),
    Row(
        "secretary_a1",
        "POST",
        "areas:areacontact_edit",
        302,
        target="contact_a1",
        data=lambda w: {"name": "ชื่อใหม่", "revision": AreaContact.objects.get(pk=w.contact_a1.pk).revision},
        check=contact_named("ชื่อใหม่"),
    ),
    *rows(
        "POST",
        "areas:areacontact_edit",
        {"officer_b": 404, "auditor_a1": 403, "anonymous": 302},
        target="contact_a1",
        data={"name": "ชื่อใหม่", "revision": 1},
        check=no_contact_named("ชื่อใหม่"),
    ),
    *rows(
        "GET",
        "areas:areacontact_delete",
        NO_ROLE | {"diw_admin": 200, "officer_a": 200, "secretary_a1": 200, "officer_b": 404},
        target="contact_a1",
    ),
    Row(
        "secretary_a1",
        "POST",
        "areas:areacontact_delete",
        302,
        target="contact_a1",
        check=gone("contact_a1", AreaContact),
    ),
    *rows(
        "POST",
        "areas:areacontact_delete",
        {"officer_b": 404, "auditor_a1": 403, "anonymous": 302},
        target="contact_a1",
        check=exists("contact_a1", AreaContact),
    ),
    # The API: the same rules.
    *rows("GET", "api:area-list", EVERYONE),
    *rows("GET", "api:area-detail", EVERYONE, target="area_b1"),
    Row(
        "officer_a",
        "POST",
        "api:area-list",
        201,
        data=lambda w: {**NEW_AREA, "province": w.province_a.code},
        check=created(),
    ),
    Row(
        "officer_a",
        "POST",
        "api:area-list",
        403,
        data=lambda w: {**NEW_AREA, "province": w.province_b.code},
        check=not_created(),
    ),
    *rows(
        "POST",
        "api:area-list",
        {"secretary_a1": 403, "public": 403, "anonymous": 403},
        data=lambda w: {**NEW_AREA, "province": w.province_a.code},
        check=not_created(),
    ),
    *rows(
        "PATCH",
        "api:area-detail",
        {"diw_admin": 200, "officer_a": 200, "secretary_a1": 200},
        target="area_a1",
        data={"population": 1234},
        check=population_is("area_a1", 1234),
    ),
    # Areas are public, so refusing a change reveals nothing: 403 rather than 404.
    *rows(
        "PATCH",
        "api:area-detail",
        {"officer_b": 403, "auditor_a1": 403, "public": 403, "anonymous": 403},
        target="area_a1",
        data={"population": 1234},
        check=population_is("area_a1", None),
    ),
    Row(
        "officer_a",
        "PATCH",
        "api:area-detail",
        403,
        target="area_a1",
        data=lambda w: {"province": w.province_b.code},
        check=still_in("area_a1", "province_a"),
    ),
    Row(
        "officer_a",
        "PATCH",
        "api:area-detail",
        409,
        target="area_a1",
        data={"population": 5, "revision": 0},
        check=population_is("area_a1", None),
    ),
    # Status and level are not API fields: they change through named steps only.
    Row(
        "officer_a",
        "PATCH",
        "api:area-detail",
        200,
        target="area_a1",
        data={"status": "certified", "certified_level": 5},
        check=lambda w: Area.objects.get(pk=w.area_a1.pk).certified_level is None,
    ),
    Row("diw_admin", "DELETE", "api:area-detail", 204, target="area_a2", check=gone("area_a2")),
    Row("diw_admin", "DELETE", "api:area-detail", 409, target="area_a1", check=exists("area_a1")),
    *rows(
        "DELETE",
        "api:area-detail",
        {"officer_a": 403, "secretary_a1": 403, "anonymous": 403},
        target="area_a2",
        check=exists("area_a2"),
    ),
    *rows(
        "GET",
        "api:areacontact-list",
        dict.fromkeys(PERSONAS, 200)
        | {"public": 403, "anonymous": 403, "external_auditor": 403, "operator": 403, "consultant": 403},
    ),
    *rows(
        "GET",
        "api:areacontact-detail",
        {"diw_admin": 200, "officer_a": 200, "officer_b": 404, "public": 403, "anonymous": 403},
        target="contact_a1",
    ),
    Row(
        "secretary_a1",
        "POST",
        "api:areacontact-list",
        201,
        data=lambda w: {"area": w.area_a1.pk, "name": "คนใหม่"},
        check=contact_named("คนใหม่"),
    ),
    Row(
        "secretary_a1",
        "POST",
        "api:areacontact-list",
        403,
        data=lambda w: {"area": w.area_b1.pk, "name": "คนใหม่"},
        check=no_contact_named("คนใหม่"),
    ),
    Row(
        "secretary_a1",
        "PATCH",
        "api:areacontact-detail",
        200,
        target="contact_a1",
        data={"phone": "02-111-1111"},
        check=lambda w: AreaContact.objects.get(pk=w.contact_a1.pk).phone == "02-111-1111",
    ),
    Row("officer_b", "PATCH", "api:areacontact-detail", 404, target="contact_a1", data={"phone": "x"}),
    Row(
        "secretary_a1",
        "PATCH",
        "api:areacontact-detail",
        403,
        target="contact_a1",
        data=lambda w: {"area": w.area_b1.pk},
        check=lambda w: AreaContact.objects.get(pk=w.contact_a1.pk).area_id == w.area_a1.pk,
    ),
    Row(
        "secretary_a1",
        "DELETE",
        "api:areacontact-detail",
        204,
        target="contact_a1",
        check=gone("contact_a1", AreaContact),
    ),
    Row(
        "auditor_a1",
        "DELETE",
        "api:areacontact-detail",
        403,
        target="contact_a1",
        check=exists("contact_a1", AreaContact),
    ),
]
