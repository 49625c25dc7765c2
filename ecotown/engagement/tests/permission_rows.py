"""Matrix rows for committees: the public reads committees, meetings and resolutions; programme staff of the
place read members, attendance and comments; the province's officer and the area's secretariat write."""

from ecotown.accounts.testing import PERSONAS
from ecotown.core.testing import Row, rows
from ecotown.engagement.models import Comment, Committee, Meeting, MemberAttendance, Membership, Resolution

EVERYONE = dict.fromkeys(PERSONAS, 200)
NO_ROLE = dict.fromkeys(PERSONAS, 403) | {"anonymous": 302}
# Staff who read the people of committee A1 (area A1): DIW, officer A, the area's secretariat and auditor.
STAFF_A1 = NO_ROLE | {"diw_admin": 200, "officer_a": 200, "secretary_a1": 200, "auditor_a1": 200, "officer_b": 404}
WRITERS_A1 = NO_ROLE | {"diw_admin": 200, "officer_a": 200, "secretary_a1": 200, "officer_b": 404}
API_STAFF_A1 = STAFF_A1 | {"anonymous": 403}
# History of a public record: any programme staff (who edited is personal data, not where).
HISTORY = EVERYONE | {"public": 403, "operator": 403, "consultant": 403, "anonymous": 302}


def parent(attribute):
    return lambda world: {"parent_pk": getattr(world, attribute).pk}


def meeting_data(**changes):
    values = {"kind": "committee", "title": "ประชุมทดสอบ", "starts_at_0": "01/02/2569", "starts_at_1": "10:00",
              "agenda-TOTAL_FORMS": "0", "agenda-INITIAL_FORMS": "0"}  # fmt: skip
    return {**values, **changes}


def meetings_titled(title, count):
    return lambda world: Meeting.objects.filter(title=title).count() == count


def committee_data(world, **changes):
    committee = Committee.objects.get(pk=world.committee_a1.pk)
    values = {"kind": committee.kind, "name_th": committee.name_th, "area": committee.area_id,
              "revision": committee.revision}  # fmt: skip
    return {**values, **changes}


def committee_named(name):
    return lambda world: Committee.objects.filter(name_th=name).exists()


def no_committee_named(name):
    return lambda world: not Committee.objects.filter(name_th=name).exists()


def resolutions_of(attribute, count):
    return lambda world: Resolution.objects.filter(meeting=getattr(world, attribute)).count() == count


RESOLUTION = {"kind": "record", "outcome": "noted", "text": "ที่ประชุมรับทราบ"}


def responded(world):
    return Comment.objects.get(pk=world.comment_a1.pk).status == "answered"


def open_comment(world):
    return Comment.objects.get(pk=world.comment_a1.pk).status == "open"


RESPONSE = {"response": "accepted", "reason": "สอดคล้องกับแผน", "what_changed": "เพิ่มโครงการเฝ้าระวังกลิ่น"}


def attendance_data(world):
    member = world.member_a1
    return {f"status_{member.pk}": "present", f"delegate_{member.pk}": "",
            **dict(_other_members(world)),
            "participants-TOTAL_FORMS": "1", "participants-INITIAL_FORMS": "0", "participants-0-sector": "community",
            "participants-0-count": "12", "participants-0-organisation": "ชุมชนบางกะดี"}  # fmt: skip


def _other_members(world):
    for member in Membership.objects.filter(committee=world.committee_a1).exclude(pk=world.member_a1.pk):
        yield f"status_{member.pk}", "absent"
        yield f"delegate_{member.pk}", ""


def attended(world):
    return MemberAttendance.objects.filter(meeting=world.meeting_a1, membership=world.member_a1).exists()


def not_attended(world):
    return not attended(world)


def area_panel(attribute):
    from ecotown.core.registry import registry

    def target(world):
        index = next(i for i, panel in enumerate(registry.panels["area"]) if panel.lazy)
        return {"page": "area", "pk": getattr(world, attribute).pk, "index": index}

    return target


ROWS = [
    # Committees: public to read; the place's officer or secretariat to write.
    *rows("GET", "engagement:committee_list", EVERYONE),
    *rows("GET", "engagement:committee_detail", EVERYONE, target="committee_a1"),
    *rows("GET", "engagement:committee_history", HISTORY, target="committee_a1"),
    *rows(
        "GET",
        "engagement:committee_add",
        NO_ROLE | {"diw_admin": 200, "officer_a": 200, "officer_b": 200, "secretary_a1": 200},
    ),
    Row(
        "secretary_a1",
        "POST",
        "engagement:committee_add",
        302,
        check=committee_named("คณะกรรมการใหม่"),
        data=lambda w: {"kind": "area", "name_th": "คณะกรรมการใหม่", "area": w.area_a1.pk},
    ),
    Row(
        "secretary_a1",
        "POST",
        "engagement:committee_add",
        200,
        check=no_committee_named("คณะกรรมการใหม่"),
        data=lambda w: {"kind": "area", "name_th": "คณะกรรมการใหม่", "area": w.area_b1.pk},
    ),
    Row(
        "officer_a",
        "POST",
        "engagement:committee_add",
        200,
        check=no_committee_named("คณะกรรมการชาติ"),
        data={"kind": "national_expert", "name_th": "คณะกรรมการชาติ"},
    ),
    *rows(
        "POST",
        "engagement:committee_add",
        {"auditor_a1": 403, "public": 403, "anonymous": 302},
        data=lambda w: {"kind": "area", "name_th": "คณะกรรมการใหม่", "area": w.area_a1.pk},
        check=no_committee_named("คณะกรรมการใหม่"),
    ),
    *rows("GET", "engagement:committee_edit", WRITERS_A1, target="committee_a1"),
    Row(
        "secretary_a1",
        "POST",
        "engagement:committee_edit",
        302,
        target="committee_a1",
        data=lambda w: committee_data(w, name_th="ชื่อใหม่"),
        check=committee_named("ชื่อใหม่"),
    ),
    *rows(
        "POST",
        "engagement:committee_edit",
        {"officer_b": 404, "auditor_a1": 403, "anonymous": 302},
        target="committee_a1",
        data=lambda w: committee_data(w, name_th="ชื่อใหม่"),
        check=no_committee_named("ชื่อใหม่"),
    ),
    Row(
        "secretary_a1",
        "POST",
        "engagement:committee_edit",
        200,
        target="committee_a1",
        data=lambda w: committee_data(w, area=w.area_b1.pk),
        check=lambda w: Committee.objects.get(pk=w.committee_a1.pk).area_id == w.area_a1.pk,
    ),
    *rows("GET", "engagement:committee_delete", WRITERS_A1, target="committee_a1"),
    Row(
        "secretary_a1",
        "POST",
        "engagement:committee_delete",
        302,
        target="committee_a1",
        check=lambda w: Committee.objects.filter(pk=w.committee_a1.pk).exists(),
    ),  # members and meetings hang on it
    *rows(
        "POST",
        "engagement:committee_delete",
        {"officer_b": 404, "auditor_a1": 403},
        target="committee_a1",
        check=lambda w: Committee.objects.filter(pk=w.committee_a1.pk).exists(),
    ),
    # Members: personal data.
    *rows("GET", "engagement:membership_detail", STAFF_A1, target="member_a1"),
    *rows("GET", "engagement:membership_history", STAFF_A1, target="member_a1"),
    *rows("GET", "engagement:membership_add", WRITERS_A1, target=parent("committee_a1")),
    Row(
        "secretary_a1",
        "POST",
        "engagement:membership_add",
        302,
        target=parent("committee_a1"),
        data={"person_name": "สมศรี ใหม่", "position": "member", "sector": "community"},
        check=lambda w: Membership.objects.filter(person_name="สมศรี ใหม่").exists(),
    ),
    *rows(
        "POST",
        "engagement:membership_add",
        {"secretary_a1": 404, "officer_a": 404},
        target=parent("committee_b"),
        data={"person_name": "สมศรี ใหม่", "position": "member", "sector": "community"},
        check=lambda w: not Membership.objects.filter(person_name="สมศรี ใหม่").exists(),
    ),
    *rows(
        "POST",
        "engagement:membership_add",
        {"auditor_a1": 403, "anonymous": 302},
        target=parent("committee_a1"),
        data={"person_name": "สมศรี ใหม่", "position": "member", "sector": "community"},
        check=lambda w: not Membership.objects.filter(person_name="สมศรี ใหม่").exists(),
    ),
    *rows("GET", "engagement:membership_edit", WRITERS_A1, target="member_a1"),
    Row(
        "secretary_a1",
        "POST",
        "engagement:membership_edit",
        302,
        target="member_a1",
        data=lambda w: {
            "person_name": "ชื่อแก้",
            "position": "chair",
            "sector": "local_government",
            "revision": Membership.objects.get(pk=w.member_a1.pk).revision,
        },
        check=lambda w: Membership.objects.get(pk=w.member_a1.pk).person_name == "ชื่อแก้",
    ),
    *rows(
        "POST",
        "engagement:membership_edit",
        {"officer_b": 404, "auditor_a1": 403},
        target="member_a1",
        data={"person_name": "ชื่อแก้", "position": "chair", "sector": "local_government", "revision": 1},
        check=lambda w: Membership.objects.get(pk=w.member_a1.pk).person_name != "ชื่อแก้",
    ),
    *rows("GET", "engagement:membership_delete", WRITERS_A1, target="member_a1"),
    Row(
        "officer_a",
        "POST",
        "engagement:membership_delete",
        302,
        target="member_a1",
        check=lambda w: not Membership.objects.filter(pk=w.member_a1.pk).exists(),
    ),
    *rows(
        "POST",
        "engagement:membership_delete",
        {"officer_b": 404, "auditor_a1": 403},
        target="member_a1",
        check=lambda w: Membership.objects.filter(pk=w.member_a1.pk).exists(),
    ),
    # Meetings: public to read, numbered by the server.
    *rows("GET", "engagement:meeting_list", EVERYONE),
    *rows("GET", "engagement:meeting_detail", EVERYONE, target="meeting_a1"),
    *rows("GET", "engagement:meeting_history", HISTORY, target="meeting_a1"),
    *rows("GET", "engagement:meeting_add", WRITERS_A1, target=parent("committee_a1")),
    Row(
        "secretary_a1",
        "POST",
        "engagement:meeting_add",
        302,
        target=parent("committee_a1"),
        data=meeting_data(),
        check=meetings_titled("ประชุมทดสอบ", 1),
    ),
    *rows(
        "POST",
        "engagement:meeting_add",
        {"officer_b": 404, "auditor_a1": 403, "public": 403, "anonymous": 302},
        target=parent("committee_a1"),
        data=meeting_data(),
        check=meetings_titled("ประชุมทดสอบ", 0),
    ),
    *rows("GET", "engagement:meeting_edit", WRITERS_A1, target="meeting_a1"),
    Row(
        "secretary_a1",
        "POST",
        "engagement:meeting_edit",
        302,
        target="meeting_a1",
        data=lambda w: meeting_data(title="หัวข้อใหม่", revision=Meeting.objects.get(pk=w.meeting_a1.pk).revision),
        check=meetings_titled("หัวข้อใหม่", 1),
    ),
    *rows(
        "POST",
        "engagement:meeting_edit",
        {"officer_b": 404, "auditor_a1": 403},
        target="meeting_a1",
        data=meeting_data(title="หัวข้อใหม่", revision=1),
        check=meetings_titled("หัวข้อใหม่", 0),
    ),
    *rows("GET", "engagement:meeting_delete", WRITERS_A1, target="meeting_a1"),
    Row(
        "secretary_a1",
        "POST",
        "engagement:meeting_delete",
        302,
        target="meeting_a1",
        check=lambda w: Meeting.objects.filter(pk=w.meeting_a1.pk).exists(),
    ),  # a comment hangs on it
    *rows(
        "POST",
        "engagement:meeting_delete",
        {"officer_b": 404, "auditor_a1": 403},
        target="meeting_a1",
        check=lambda w: Meeting.objects.filter(pk=w.meeting_a1.pk).exists(),
    ),
    *rows("GET", "engagement:meeting_attendance", WRITERS_A1, target="meeting_a1"),
    Row(
        "secretary_a1",
        "POST",
        "engagement:meeting_attendance",
        302,
        target="meeting_a1",
        data=attendance_data,
        check=attended,
    ),
    *rows(
        "POST",
        "engagement:meeting_attendance",
        {"officer_b": 404, "auditor_a1": 403, "anonymous": 302},
        target="meeting_a1",
        data=attendance_data,
        check=not_attended,
    ),
    Row(
        "officer_b",
        "POST",
        "engagement:meeting_step",
        302,
        target="meeting_b",
        data={"step": "hold"},
        check=lambda w: Meeting.objects.get(pk=w.meeting_b.pk).status == "held",
    ),
    *rows(
        "POST",
        "engagement:meeting_step",
        {"secretary_a1": 404, "auditor_a1": 403, "anonymous": 302},
        target="meeting_b",
        data={"step": "cancel", "reason": "x"},
        check=lambda w: Meeting.objects.get(pk=w.meeting_b.pk).status == "planned",
    ),
    *rows("GET", "engagement:meeting_minutes_pdf", STAFF_A1, target="meeting_a1"),
    *rows("GET", "engagement:meeting_attendance_pdf", STAFF_A1, target="meeting_a1"),
    # Resolutions: public to read, recorded by the committee's people.
    *rows("GET", "engagement:resolution_add", WRITERS_A1, target="meeting_a1"),
    Row(
        "secretary_a1",
        "POST",
        "engagement:resolution_add",
        302,
        target="meeting_a1",
        data=RESOLUTION,
        check=resolutions_of("meeting_a1", 2),
    ),
    *rows(
        "POST",
        "engagement:resolution_add",
        {"officer_b": 404, "auditor_a1": 403, "public": 403, "anonymous": 302},
        target="meeting_a1",
        data=RESOLUTION,
        check=resolutions_of("meeting_a1", 1),
    ),
    *rows("GET", "engagement:resolution_detail", EVERYONE, target="resolution_a1"),
    *rows("GET", "engagement:resolution_history", HISTORY, target="resolution_a1"),
    # Comments: personal data of who raised them; answered by the committee's people.
    *rows("GET", "engagement:comment_list", STAFF_A1 | {"officer_b": 200}),
    *rows("GET", "engagement:comment_detail", STAFF_A1, target="comment_a1"),
    *rows("GET", "engagement:comment_history", STAFF_A1, target="comment_a1"),
    *rows("GET", "engagement:comment_add", WRITERS_A1, target=parent("committee_a1")),
    Row(
        "secretary_a1",
        "POST",
        "engagement:comment_add",
        302,
        target=parent("committee_a1"),
        data={
            "channel": "submitted",
            "received_on": "01/03/2569",
            "sector": "factories",
            "topic": "หัวข้อใหม่",
            "text": "ข้อความ",
        },
        check=lambda w: Comment.objects.filter(topic="หัวข้อใหม่").exists(),
    ),
    *rows(
        "POST",
        "engagement:comment_add",
        {"officer_b": 404, "auditor_a1": 403, "anonymous": 302},
        target=parent("committee_a1"),
        data={
            "channel": "submitted",
            "received_on": "01/03/2569",
            "sector": "factories",
            "topic": "หัวข้อใหม่",
            "text": "ข้อความ",
        },
        check=lambda w: not Comment.objects.filter(topic="หัวข้อใหม่").exists(),
    ),
    *rows("GET", "engagement:comment_edit", WRITERS_A1, target="comment_a1"),
    Row(
        "secretary_a1",
        "POST",
        "engagement:comment_edit",
        302,
        target="comment_a1",
        data=lambda w: {
            "channel": "meeting",
            "meeting": w.meeting_a1.pk,
            "received_on": "15/03/2569",
            "sector": "community",
            "topic": "หัวข้อแก้",
            "text": "x",
            "revision": Comment.objects.get(pk=w.comment_a1.pk).revision,
        },
        check=lambda w: Comment.objects.filter(topic="หัวข้อแก้").exists(),
    ),
    *rows(
        "POST",
        "engagement:comment_edit",
        {"officer_b": 404, "auditor_a1": 403},
        target="comment_a1",
        data={
            "channel": "submitted",
            "received_on": "15/03/2569",
            "sector": "community",
            "topic": "หัวข้อแก้",
            "text": "x",
            "revision": 1,
        },
        check=lambda w: not Comment.objects.filter(topic="หัวข้อแก้").exists(),
    ),
    *rows("GET", "engagement:comment_delete", WRITERS_A1, target="comment_a1"),
    Row(
        "secretary_a1",
        "POST",
        "engagement:comment_delete",
        302,
        target="comment_a1",
        check=lambda w: not Comment.objects.filter(pk=w.comment_a1.pk).exists(),
    ),
    *rows(
        "POST",
        "engagement:comment_delete",
        {"officer_b": 404, "auditor_a1": 403},
        target="comment_a1",
        check=lambda w: Comment.objects.filter(pk=w.comment_a1.pk).exists(),
    ),
    *rows("GET", "engagement:comment_respond", WRITERS_A1, target="comment_a1"),
    Row("secretary_a1", "POST", "engagement:comment_respond", 302, target="comment_a1", data=RESPONSE, check=responded),
    Row(
        "secretary_a1",
        "POST",
        "engagement:comment_respond",
        200,
        target="comment_a1",
        data={**RESPONSE, "what_changed": ""},
        check=open_comment,
    ),
    *rows(
        "POST",
        "engagement:comment_respond",
        {"officer_b": 404, "auditor_a1": 403, "anonymous": 302},
        target="comment_a1",
        data=RESPONSE,
        check=open_comment,
    ),
    # Participation: public, from the records.
    *rows("GET", "engagement:disclosure", EVERYONE),
    *rows("GET", "engagement:disclosure_pdf", EVERYONE, query="province=13&year=2569"),
    *rows("GET", "engagement:kpis", EVERYONE),
    # The area page's lazy panel: whoever may see the area.
    *rows("GET", "core:panel", EVERYONE, target=area_panel("area_a1")),
    # The API.
    *rows("GET", "api:committee-list", EVERYONE),
    *rows("GET", "api:committee-detail", EVERYONE, target="committee_a1"),
    *rows("GET", "api:meeting-list", EVERYONE),
    *rows("GET", "api:meeting-detail", EVERYONE, target="meeting_a1"),
    *rows("GET", "api:resolution-list", EVERYONE),
    *rows("GET", "api:resolution-detail", EVERYONE, target="resolution_a1"),
    *rows("GET", "api:comment-list", API_STAFF_A1 | {"officer_b": 200}),
    *rows("GET", "api:comment-detail", API_STAFF_A1, target="comment_a1"),
    Row(
        "secretary_a1",
        "POST",
        "api:committee-list",
        201,
        data=lambda w: {"kind": "area", "name_th": "คณะกรรมการใหม่", "area": w.area_a1.pk},
        check=committee_named("คณะกรรมการใหม่"),
    ),
    *rows(
        "POST",
        "api:committee-list",
        {"secretary_a1": 403, "public": 403, "anonymous": 403},
        data=lambda w: {"kind": "area", "name_th": "คณะกรรมการใหม่", "area": w.area_b1.pk},
        check=no_committee_named("คณะกรรมการใหม่"),
    ),
    Row(
        "secretary_a1",
        "PATCH",
        "api:committee-detail",
        200,
        target="committee_a1",
        data={"appointment_order": "คำสั่งที่ 1/2569"},
        check=lambda w: Committee.objects.get(pk=w.committee_a1.pk).appointment_order == "คำสั่งที่ 1/2569",
    ),
    *rows(
        "PATCH",
        "api:committee-detail",
        {"officer_b": 403, "auditor_a1": 403},
        target="committee_a1",
        data={"appointment_order": "x"},
        check=lambda w: Committee.objects.get(pk=w.committee_a1.pk).appointment_order == "",
    ),
    Row(
        "diw_admin",
        "DELETE",
        "api:committee-detail",
        409,
        target="committee_a1",
        check=lambda w: Committee.objects.filter(pk=w.committee_a1.pk).exists(),
    ),
    Row(
        "secretary_a1",
        "DELETE",
        "api:committee-detail",
        403,
        target="committee_b",
        check=lambda w: Committee.objects.filter(pk=w.committee_b.pk).exists(),
    ),
    Row(
        "secretary_a1",
        "POST",
        "api:meeting-list",
        201,
        data=lambda w: {
            "committee": w.committee_a1.pk,
            "kind": "workshop",
            "title": "ประชุมทดสอบ",
            "starts_at": "2026-02-01T10:00:00+07:00",
        },
        check=meetings_titled("ประชุมทดสอบ", 1),
    ),
    *rows(
        "POST",
        "api:meeting-list",
        {"secretary_a1": 403, "officer_a": 403, "public": 403},
        data=lambda w: {
            "committee": w.committee_b.pk,
            "kind": "workshop",
            "title": "ประชุมทดสอบ",
            "starts_at": "2026-02-01T10:00:00+07:00",
        },
        check=meetings_titled("ประชุมทดสอบ", 0),
    ),
    Row(
        "secretary_a1",
        "PATCH",
        "api:meeting-detail",
        200,
        target="meeting_a1",
        data={"place": "ห้องประชุมเทศบาล"},
        check=lambda w: Meeting.objects.get(pk=w.meeting_a1.pk).place == "ห้องประชุมเทศบาล",
    ),
    *rows(
        "PATCH",
        "api:meeting-detail",
        {"officer_b": 403, "public": 403},
        target="meeting_a1",
        data={"place": "x"},
        check=lambda w: Meeting.objects.get(pk=w.meeting_a1.pk).place == "",
    ),
    Row(
        "secretary_a1",
        "DELETE",
        "api:meeting-detail",
        409,
        target="meeting_a1",
        check=lambda w: Meeting.objects.filter(pk=w.meeting_a1.pk).exists(),
    ),
    Row(
        "officer_a",
        "DELETE",
        "api:meeting-detail",
        403,
        target="meeting_b",
        check=lambda w: Meeting.objects.filter(pk=w.meeting_b.pk).exists(),
    ),
    Row(
        "secretary_a1",
        "POST",
        "api:comment-list",
        201,
        data=lambda w: {
            "committee": w.committee_a1.pk,
            "channel": "submitted",
            "received_on": "2026-03-01",
            "sector": "factories",
            "topic": "หัวข้อใหม่",
            "text": "x",
        },
        check=lambda w: Comment.objects.filter(topic="หัวข้อใหม่").exists(),
    ),
    *rows(
        "POST",
        "api:comment-list",
        {"secretary_a1": 403, "auditor_a1": 403},
        data=lambda w: {
            "committee": w.committee_b.pk,
            "channel": "submitted",
            "received_on": "2026-03-01",
            "sector": "factories",
            "topic": "หัวข้อใหม่",
            "text": "x",
        },
        check=lambda w: not Comment.objects.filter(topic="หัวข้อใหม่").exists(),
    ),
    Row(
        "secretary_a1",
        "PATCH",
        "api:comment-detail",
        200,
        target="comment_a1",
        data={"topic": "แก้หัวข้อ"},
        check=lambda w: Comment.objects.get(pk=w.comment_a1.pk).topic == "แก้หัวข้อ",
    ),
    *rows(
        "PATCH",
        "api:comment-detail",
        {"officer_b": 404, "auditor_a1": 403},
        target="comment_a1",
        data={"topic": "แก้หัวข้อ"},
        check=lambda w: Comment.objects.get(pk=w.comment_a1.pk).topic != "แก้หัวข้อ",
    ),
    Row(
        "secretary_a1",
        "DELETE",
        "api:comment-detail",
        204,
        target="comment_a1",
        check=lambda w: not Comment.objects.filter(pk=w.comment_a1.pk).exists(),
    ),
    Row(
        "officer_b",
        "DELETE",
        "api:comment-detail",
        404,
        target="comment_a1",
        check=lambda w: Comment.objects.filter(pk=w.comment_a1.pk).exists(),
    ),
]
