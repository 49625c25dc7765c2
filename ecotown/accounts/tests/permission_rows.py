"""Matrix rows for accounts: signing in, one's own account, and who may give which role where."""

from ecotown.accounts.choices import Role
from ecotown.accounts.models import RoleAssignment
from ecotown.accounts.testing import PASSWORD, PERSONAS
from ecotown.core.testing import Row, rows

SIGNED_IN_200 = {**dict.fromkeys(PERSONAS, 200), "anonymous": 302}
NOBODY = dict.fromkeys(PERSONAS, 403) | {"anonymous": 302}


def assignment_of(persona):
    return lambda world: {"pk": world.users[persona].role_assignments.get().pk}


def granted(email, role):
    return lambda world: RoleAssignment.objects.filter(user__email=email, role=role).exists()


def not_granted(email, role=None):
    def check(world):
        found = RoleAssignment.objects.filter(user__email=email)
        return not (found.filter(role=role) if role else found).exists()

    return check


def new_role(role, scope_field=None, scope=None, email="new.person@example.go.th", **extra):
    def data(world):
        values = {"email": email, "full_name": "บุคคล ใหม่", "role": role, "confirm": "1", **extra}
        if scope_field:
            values[scope_field] = getattr(world, scope).pk
        return values

    return data


def assignment_unchanged(persona, role):
    return lambda world: world.users[persona].role_assignments.get().role == role


def _email_token(world):
    from django.core import signing

    from ecotown.accounts.services import EMAIL_CHANGE_SALT

    user = world.users["public"]
    type(user).objects.filter(pk=user.pk).update(pending_email="new@example.go.th")
    return {"token": signing.dumps({"user": user.pk, "email": "new@example.go.th"}, salt=EMAIL_CHANGE_SALT)}


ROWS = [
    # Signing in and one's own account.
    *rows("GET", "accounts:login", {"anonymous": 200, "officer_a": 302}),
    Row("anonymous", "POST", "accounts:login", 302, data={"username": "officer_a", "password": PASSWORD}),
    Row("anonymous", "POST", "accounts:login", 200, data={"username": "officer_a", "password": "wrong"}),
    *rows("POST", "accounts:logout", {"officer_a": 302, "anonymous": 302}),
    *rows("GET", "accounts:profile", SIGNED_IN_200),
    Row("public", "POST", "accounts:profile", 302, data={"first_name": "ประชา", "last_name": "ชน"}),
    Row("anonymous", "POST", "accounts:profile", 302, data={"first_name": "x"}),
    *rows("GET", "accounts:password_change", SIGNED_IN_200),
    Row("public", "POST", "accounts:password_change", 200, data={"old_password": "wrong"}),
    Row("anonymous", "POST", "accounts:password_change", 302, data={"old_password": "wrong"}),
    *rows("GET", "accounts:password_reset", {"anonymous": 200}),
    Row("anonymous", "POST", "accounts:password_reset", 302, data={"email": "nobody@example.go.th"}),
    *rows("GET", "accounts:password_reset_done", {"anonymous": 200}),
    *rows("GET", "accounts:password_reset_complete", {"anonymous": 200}),
    Row("anonymous", "GET", "accounts:password_reset_confirm", 200, target=lambda w: {"uidb64": "MQ", "token": "x-y"}),
    Row("anonymous", "POST", "accounts:password_reset_confirm", 200, target=lambda w: {"uidb64": "MQ", "token": "x-y"}),
    # Confirming a new e-mail address: whoever holds the link (it is signed for one account and address).
    *rows("GET", "accounts:email_confirm", {"anonymous": 200, "public": 200}, target=lambda w: {"token": "bad"}),
    Row("anonymous", "POST", "accounts:email_confirm", 200, target=lambda w: {"token": "bad"}),
    Row(
        "anonymous",
        "POST",
        "accounts:email_confirm",
        302,
        target=_email_token,
        check=lambda w: w.users["public"].__class__.objects.get(pk=w.users["public"].pk).email == "new@example.go.th",
    ),
    # Users and roles: national for DIW, a province's for its officer, an area's for its secretariat (read).
    *rows(
        "GET",
        "accounts:roleassignment_list",
        NOBODY | {"diw_admin": 200, "officer_a": 200, "officer_b": 200, "secretary_a1": 200},
    ),
    *rows(
        "GET",
        "accounts:roleassignment_detail",
        NOBODY | {"diw_admin": 200, "officer_a": 200, "officer_b": 404, "secretary_a1": 200},
        target=assignment_of("auditor_a1"),
    ),
    *rows(
        "GET",
        "accounts:roleassignment_detail",
        NOBODY | {"diw_admin": 200, "officer_a": 404, "officer_b": 200, "secretary_a1": 404},
        target=assignment_of("officer_b"),
    ),
    *rows(
        "GET",
        "accounts:roleassignment_history",
        NOBODY | {"diw_admin": 200, "officer_a": 200, "officer_b": 404, "secretary_a1": 200},
        target=assignment_of("auditor_a1"),
    ),
    *rows("GET", "accounts:roleassignment_add", NOBODY | {"diw_admin": 200, "officer_a": 200, "officer_b": 200}),
    # Granting: in scope succeeds; another province's area, a role above one's own, or no role at all fails.
    Row(
        "officer_a",
        "POST",
        "accounts:roleassignment_add",
        302,
        data=new_role(Role.AREA_SECRETARY, "area", "area_a2"),
        check=granted("new.person@example.go.th", Role.AREA_SECRETARY),
    ),
    Row(
        "officer_a",
        "POST",
        "accounts:roleassignment_add",
        200,
        data=new_role(Role.AREA_SECRETARY, "area", "area_b1"),
        check=not_granted("new.person@example.go.th"),
    ),
    Row(
        "officer_a",
        "POST",
        "accounts:roleassignment_add",
        200,
        data=new_role(Role.DIW_ADMIN),
        check=not_granted("new.person@example.go.th"),
    ),
    Row(
        "officer_a",
        "POST",
        "accounts:roleassignment_add",
        200,
        data=new_role(Role.PROVINCIAL_OFFICER, "province", "province_b"),
        check=not_granted("new.person@example.go.th"),
    ),
    Row(
        "officer_a",
        "POST",
        "accounts:roleassignment_add",
        200,
        data=new_role(Role.PROVINCIAL_OFFICER, "province", "province_a"),
        check=not_granted("new.person@example.go.th"),
    ),
    Row(
        "diw_admin",
        "POST",
        "accounts:roleassignment_add",
        302,
        data=new_role(Role.PROVINCIAL_OFFICER, "province", "province_b"),
        check=granted("new.person@example.go.th", Role.PROVINCIAL_OFFICER),
    ),
    *rows(
        "POST",
        "accounts:roleassignment_add",
        {"secretary_a1": 403, "auditor_a1": 403, "public": 403, "operator": 403, "anonymous": 302},
        data=new_role(Role.AREA_SECRETARY, "area", "area_a1"),
        check=not_granted("new.person@example.go.th"),
    ),
    # Editing an assignment: in scope only, never one's own, never to a role above one's own.
    *rows(
        "GET",
        "accounts:roleassignment_edit",
        NOBODY | {"diw_admin": 200, "officer_a": 200, "officer_b": 404},
        target=assignment_of("auditor_a1"),
    ),
    Row(
        "officer_a",
        "POST",
        "accounts:roleassignment_edit",
        302,
        target=assignment_of("auditor_a1"),
        data=lambda w: _edit(w, "auditor_a1", role=Role.AREA_SECRETARY),
        check=assignment_unchanged("auditor_a1", Role.AREA_SECRETARY),
    ),
    Row(
        "officer_a",
        "POST",
        "accounts:roleassignment_edit",
        200,
        target=assignment_of("auditor_a1"),
        data=lambda w: _edit(w, "auditor_a1", role=Role.DIW_ADMIN, area=""),
        check=assignment_unchanged("auditor_a1", Role.INTERNAL_AUDITOR),
    ),
    Row(
        "officer_a",
        "POST",
        "accounts:roleassignment_edit",
        200,
        target=assignment_of("auditor_a1"),
        data=lambda w: _edit(w, "auditor_a1", area=w.area_b1.pk),
        check=lambda w: w.users["auditor_a1"].role_assignments.get().area_id == w.area_a1.pk,
    ),
    Row(
        "officer_a",
        "POST",
        "accounts:roleassignment_edit",
        404,
        target=assignment_of("officer_a"),
        data=lambda w: _edit(w, "officer_a", notes="mine"),
        check=lambda w: w.users["officer_a"].role_assignments.get().notes == "",
    ),
    Row(
        "officer_b",
        "POST",
        "accounts:roleassignment_edit",
        404,
        target=assignment_of("auditor_a1"),
        data=lambda w: _edit(w, "auditor_a1", notes="x"),
        check=assignment_unchanged("auditor_a1", Role.INTERNAL_AUDITOR),
    ),
    Row(
        "secretary_a1",
        "POST",
        "accounts:roleassignment_edit",
        403,
        target=assignment_of("auditor_a1"),
        data=lambda w: _edit(w, "auditor_a1", notes="x"),
    ),
    # Deleting: in scope, never one's own (the last DIW administrator cannot remove themself).
    *rows(
        "GET",
        "accounts:roleassignment_delete",
        NOBODY | {"diw_admin": 200, "officer_a": 200, "officer_b": 404},
        target=assignment_of("auditor_a1"),
    ),
    Row(
        "officer_a",
        "POST",
        "accounts:roleassignment_delete",
        302,
        target=assignment_of("auditor_a1"),
        check=lambda w: not w.users["auditor_a1"].role_assignments.exists(),
    ),
    Row(
        "officer_b",
        "POST",
        "accounts:roleassignment_delete",
        404,
        target=assignment_of("auditor_a1"),
        check=lambda w: w.users["auditor_a1"].role_assignments.exists(),
    ),
    Row(
        "officer_a",
        "POST",
        "accounts:roleassignment_delete",
        404,
        target=assignment_of("officer_a"),
        check=lambda w: w.users["officer_a"].role_assignments.exists(),
    ),
    Row(
        "diw_admin",
        "POST",
        "accounts:roleassignment_delete",
        404,
        target=assignment_of("diw_admin"),
        check=lambda w: w.users["diw_admin"].role_assignments.exists(),
    ),
    Row("secretary_a1", "POST", "accounts:roleassignment_delete", 403, target=assignment_of("auditor_a1")),
    # The API: the same rules, and the user of an assignment never changes.
    *rows(
        "GET",
        "api:roleassignment-list",
        NOBODY | {"diw_admin": 200, "officer_a": 200, "officer_b": 200, "secretary_a1": 200, "anonymous": 403},
    ),
    *rows(
        "GET",
        "api:roleassignment-detail",
        NOBODY | {"diw_admin": 200, "officer_a": 200, "officer_b": 404, "secretary_a1": 200, "anonymous": 403},
        target=assignment_of("auditor_a1"),
    ),
    Row(
        "officer_a",
        "POST",
        "api:roleassignment-list",
        201,
        data=lambda w: {"email": "public@example.go.th", "role": Role.INTERNAL_AUDITOR, "area": w.area_a2.pk},
        check=lambda w: w.users["public"].role_assignments.filter(role=Role.INTERNAL_AUDITOR).exists(),
    ),
    Row(
        "officer_a",
        "POST",
        "api:roleassignment-list",
        400,
        data=lambda w: {"email": "public@example.go.th", "role": Role.DIW_ADMIN},
        check=lambda w: not w.users["public"].role_assignments.filter(role=Role.DIW_ADMIN).exists(),
    ),
    Row(
        "officer_a",
        "POST",
        "api:roleassignment-list",
        403,
        data=lambda w: {"email": "public@example.go.th", "role": Role.INTERNAL_AUDITOR, "area": w.area_b1.pk},
        check=lambda w: not w.users["public"].role_assignments.filter(role=Role.INTERNAL_AUDITOR).exists(),
    ),
    Row(
        "officer_a",
        "POST",
        "api:roleassignment-list",
        400,
        data=lambda w: {"email": "auditor_a1@example.go.th", "role": Role.INTERNAL_AUDITOR, "area": w.area_a1.pk},
        check=lambda w: w.users["auditor_a1"].role_assignments.count() == 1,
    ),
    # An address without an account: an invitation (this answered 500 before; found by tests/test_api_fuzz.py).
    Row(
        "officer_a",
        "POST",
        "api:roleassignment-list",
        201,
        data=lambda w: {
            "email": "new.auditor@example.go.th",
            "full_name": "สมศรี ใจดี",
            "role": Role.INTERNAL_AUDITOR,
            "area": w.area_a2.pk,
        },
        check=lambda w: RoleAssignment.objects.filter(
            user__email="new.auditor@example.go.th", role=Role.INTERNAL_AUDITOR, area=w.area_a2
        ).exists(),
    ),
    Row(
        "officer_a",
        "POST",
        "api:roleassignment-list",
        400,
        data=lambda w: {"email": "new.admin@example.go.th", "role": Role.DIW_ADMIN},
        check=lambda w: not RoleAssignment.objects.filter(user__email="new.admin@example.go.th").exists(),
    ),
    *rows(
        "POST",
        "api:roleassignment-list",
        {"secretary_a1": 403, "public": 403, "anonymous": 403},
        data=lambda w: {"email": "public@example.go.th", "role": Role.INTERNAL_AUDITOR, "area": w.area_a1.pk},
    ),
    Row(
        "officer_a",
        "PATCH",
        "api:roleassignment-detail",
        200,
        target=assignment_of("auditor_a1"),
        data={"notes": "ตรวจประเมินปี 2569"},
        check=lambda w: w.users["auditor_a1"].role_assignments.get().notes == "ตรวจประเมินปี 2569",
    ),
    Row(
        "officer_a",
        "PATCH",
        "api:roleassignment-detail",
        200,
        target=assignment_of("auditor_a1"),
        data=lambda w: {"user": w.users["public"].pk},
        check=lambda w: w.users["auditor_a1"].role_assignments.exists(),
    ),
    Row(
        "officer_a",
        "PATCH",
        "api:roleassignment-detail",
        404,
        target=assignment_of("officer_a"),
        data=lambda w: {"user": w.users["public"].pk},
        check=lambda w: w.users["officer_a"].role_assignments.exists(),
    ),
    Row(
        "officer_a",
        "PATCH",
        "api:roleassignment-detail",
        400,
        target=assignment_of("auditor_a1"),
        data={"role": Role.DIW_ADMIN, "area": None},
        check=assignment_unchanged("auditor_a1", Role.INTERNAL_AUDITOR),
    ),
    Row(
        "officer_b", "PATCH", "api:roleassignment-detail", 404, target=assignment_of("auditor_a1"), data={"notes": "x"}
    ),
    Row(
        "officer_a",
        "DELETE",
        "api:roleassignment-detail",
        204,
        target=assignment_of("auditor_a1"),
        check=lambda w: not w.users["auditor_a1"].role_assignments.exists(),
    ),
    Row(
        "officer_a",
        "DELETE",
        "api:roleassignment-detail",
        404,
        target=assignment_of("officer_a"),
        check=lambda w: w.users["officer_a"].role_assignments.exists(),
    ),
    Row("officer_b", "DELETE", "api:roleassignment-detail", 404, target=assignment_of("auditor_a1")),
    Row("public", "DELETE", "api:roleassignment-detail", 403, target=assignment_of("auditor_a1")),
]


def _edit(world, persona, **changes):
    assignment = world.users[persona].role_assignments.get()
    values = {
        "role": assignment.role,
        "province": assignment.province_id or "",
        "area": assignment.area_id or "",
        "valid_from": "",
        "valid_until": "",
        "notes": assignment.notes,
        "revision": assignment.revision,
    }
    return {**values, **changes}
