import datetime
import shutil
import subprocess

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from ecotown.core.evidence import attach_file
from ecotown.engagement import choices, participation, services
from ecotown.engagement.models import Committee, Meeting, MemberAttendance, Participant, ParticipationTarget
from ecotown.engagement.testing import make_committee, make_meeting, make_member

pytestmark = pytest.mark.django_db
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def at(year_ce, month, day, hour=9):
    return timezone.make_aware(datetime.datetime(year_ce, month, day, hour))


# -- committees -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "place", "error"),
    [
        ("provincial", {}, "province"),
        ("provincial", {"area": "area_a1"}, "area"),
        ("area", {"province": "province_a"}, "area"),
        ("national_expert", {"area": "area_a1"}, "area"),
    ],
)
def test_a_committee_belongs_where_its_kind_says(world, kind, place, error):
    committee = Committee(kind=kind, name_th="x", **{key: getattr(world, value) for key, value in place.items()})
    with pytest.raises(ValidationError) as refused:
        committee.full_clean()
    assert error in refused.value.message_dict


def test_a_national_committee_is_reached_by_diw_only(world):
    national = make_committee(choices.CommitteeKind.NATIONAL_EXPERT, name_th="คณะกรรมการชำนาญการ")
    assert not Committee.objects.filter(pk=national.pk).for_user(world.officer_a, "change").exists()
    assert Committee.objects.filter(pk=national.pk).for_user(world.diw_admin, "change").exists()
    assert Committee.objects.filter(pk=national.pk).for_user(world.public).exists()  # public to read


# -- meetings: numbered the Thai way -----------------------------------------------------------------------------


def test_meetings_are_numbered_per_committee_and_buddhist_year(world):
    committee = make_committee(area=world.area_a1)
    other = make_committee(area=world.area_a2)
    first = make_meeting(committee, when=at(2026, 1, 20))
    second = make_meeting(committee, when=at(2026, 5, 15))
    elsewhere = make_meeting(other, when=at(2026, 2, 1))
    next_year = make_meeting(committee, when=at(2027, 1, 10))
    assert [m.numbered for m in (first, second, elsewhere, next_year)] == [
        "no. 1/2569", "no. 2/2569", "no. 1/2569", "no. 1/2570"
    ]  # fmt: skip


def test_the_year_of_a_meeting_is_read_in_bangkok_time(world):
    committee = make_committee(area=world.area_a1)
    new_year = datetime.datetime(2025, 12, 31, 18, 0, tzinfo=datetime.UTC)  # 1 January 2026, 01:00 in Bangkok
    meeting = make_meeting(committee, when=new_year)
    assert meeting.year_be == 2569


def test_a_number_taken_by_a_concurrent_insert_is_retried(world, monkeypatch):
    committee = make_committee(area=world.area_a1)
    make_meeting(committee, when=at(2026, 1, 20))
    calls = {"n": 0}
    real = Meeting.save

    def clashing_save(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 1:  # the first attempt meets a concurrent meeting with the same number
            raise IntegrityError("engagement_meeting_unique_committee_year_be_number")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Meeting, "save", clashing_save)
    meeting = services.schedule_meeting(committee, kind="committee", title="x", starts_at=at(2026, 2, 1),
                                        acting_user=None)  # fmt: skip
    assert calls["n"] == 2
    assert meeting.number == 2


def test_a_cancelled_meeting_resolves_nothing(world):
    meeting = make_meeting(make_committee(area=world.area_a1), held=False)
    services.cancel_meeting(meeting, acting_user=world.diw_admin, reason="เลื่อนการประชุม")
    with pytest.raises(ValidationError):
        services.record_resolution(meeting, kind="record", outcome="noted", text="x", acting_user=world.diw_admin)


# -- resolutions approve what other apps registered ---------------------------------------------------------


def test_an_approving_resolution_runs_the_registered_decision_in_its_transaction(world, monkeypatch):
    decided = []
    monkeypatch.setattr(services, "_decisions", {Committee: lambda record, resolution, user: decided.append(
        (record, resolution.number, user))})  # fmt: skip
    committee = make_committee(area=world.area_a1)
    meeting = make_meeting(committee)
    subject = make_committee(area=world.area_a2)
    services.record_resolution(meeting, kind="record", outcome="not_approved", text="x", subject=subject,
                               acting_user=world.secretary_a1)  # fmt: skip
    assert decided == []
    resolution = services.record_resolution(meeting, kind="approve_plan", outcome="approved", text="อนุมัติ",
                                            subject=subject, acting_user=world.secretary_a1)  # fmt: skip
    assert decided == [(subject, 2, world.secretary_a1)]
    assert resolution.subject == subject
    assert str(resolution) == "resolution 2 of meeting no. 1/2569"


def test_a_failing_decision_leaves_no_resolution(world, monkeypatch):
    def refuse(record, resolution, user):
        raise ValidationError("the plan has changed")

    monkeypatch.setattr(services, "_decisions", {Committee: refuse})
    meeting = make_meeting(make_committee(area=world.area_a1))
    with pytest.raises(ValidationError):
        services.record_resolution(meeting, kind="approve_plan", outcome="approved", text="x",
                                   subject=make_committee(area=world.area_a2), acting_user=None)  # fmt: skip
    assert not meeting.resolutions.exists()


# -- comments --------------------------------------------------------------------------------------------------


def test_an_accepted_comment_must_say_what_changed(world):
    committee = make_committee(area=world.area_a1)
    comment = committee.comments.create(channel="submitted", received_on=datetime.date(2026, 3, 1), sector="community",
                                        topic="กลิ่น", text="x")  # fmt: skip
    with pytest.raises(ValidationError):
        services.respond_to_comment(comment, response="accepted", reason="ดี", acting_user=world.secretary_a1)
    services.respond_to_comment(comment, response="accepted", reason="ดี", what_changed="เพิ่มโครงการ",
                                changed=world.area_a1, acting_user=world.secretary_a1)  # fmt: skip
    comment.refresh_from_db()
    assert (comment.status, comment.changed) == ("answered", world.area_a1)
    assert comment.history.first().history_user == world.secretary_a1


def test_a_participant_is_named_only_with_consent(world):
    meeting = make_meeting(make_committee(area=world.area_a1))
    with pytest.raises(ValidationError):
        Participant(meeting=meeting, name="นาย ก", consent=False, sector="community").full_clean()
    with pytest.raises(ValidationError):
        Participant(meeting=meeting, name="นาย ก", consent=True, sector="community", count=3).full_clean()


# -- participation KPIs and the disclosure, from the records ------------------------------------------------


@pytest.fixture
def year_of_records(world):
    """Province A in FY 2569: two committee meetings on the draft plan (one planned only), a workshop of 45 + 8,
    another of 20; comments, one answered."""
    committee = make_committee(choices.CommitteeKind.PROVINCIAL, province=world.province_a, name_th="จังหวัด A")
    members = [make_member(committee, f"กรรมการ {n}", sector=sector) for n, sector in
               enumerate(["provincial_government", "industry_federation", "community"])]  # fmt: skip
    for month in (1, 5):
        meeting = make_meeting(committee, when=at(2026, month, 10), topics=[choices.Topic.ACTION_PLAN])
        for member in members:
            MemberAttendance.objects.create(meeting=meeting, membership=member, status="present")
    make_meeting(committee, when=at(2026, 6, 10), topics=[choices.Topic.ACTION_PLAN], held=False)
    make_meeting(committee, when=at(2025, 9, 10), topics=[choices.Topic.ACTION_PLAN])  # FY 2568
    workshop = make_meeting(committee, when=at(2026, 3, 10), kind=choices.MeetingKind.WORKSHOP)
    Participant.objects.create(meeting=workshop, sector="factories", count=45, organisation="โรงงานในพื้นที่")
    Participant.objects.create(meeting=workshop, sector="academia", count=1, name="ดร. สมหญิง", consent=True)
    for member in members:
        MemberAttendance.objects.create(meeting=workshop, membership=member, status="present")
    small = make_meeting(committee, when=at(2026, 4, 10), kind=choices.MeetingKind.WORKSHOP)
    Participant.objects.create(meeting=small, sector="community", count=20)
    answered = committee.comments.create(channel="meeting", meeting=workshop, received_on=datetime.date(2026, 3, 10),
                                         sector="community", topic="น้ำเสีย", text="x", raised_by="นาง ข")  # fmt: skip
    services.respond_to_comment(answered, response="partly", reason="บางส่วน", what_changed="เพิ่มจุดตรวจวัด",
                                acting_user=None)  # fmt: skip
    committee.comments.create(channel="submitted", received_on=datetime.date(2026, 4, 1), sector="factories",
                              topic="กาก", text="y")  # fmt: skip
    attach_file(workshop, SimpleUploadedFile("กิจกรรม.png", PNG), acting_user=None)
    attach_file(workshop, SimpleUploadedFile("รายงานการประชุม.pdf", b"%PDF-1.4 names"), acting_user=None)
    return committee, workshop


def test_the_kpis_are_computed_from_the_records(world, year_of_records, django_assert_max_num_queries):
    with django_assert_max_num_queries(5):
        kpi = participation.participation_kpis(2569)[world.province_a.pk]
    assert kpi.meetings_on_plan == 2  # the planned one and the one of FY 2568 do not count
    assert kpi.best_workshop == 3 + 45 + 1
    assert kpi.sectors == {"provincial_government", "industry_federation", "community", "factories", "academia"}
    assert (kpi.comments, kpi.answered, kpi.answered_share) == (2, 1, 50)


def test_the_kpi_targets_are_data(world, client):
    ParticipationTarget.objects.create(code="workshop-participants", name_th="ผู้เข้าร่วม", value=50)
    response = client.get(reverse("engagement:kpis"), {"year": 2569})
    assert response.context["targets"]["workshop_participants"].value == 50


def test_the_disclosure_has_the_five_headings_and_no_ones_name(world, client, year_of_records):
    html = client.get(reverse("engagement:disclosure"), {"province": "13", "year": 2569}).content.decode()
    for heading in ("ประเด็นหรือเรื่องในการมีส่วนร่วม", "สรุปข้อมูลของผู้มีส่วนร่วม", "ผลจากการมีส่วนร่วม",
                    "การนำผลจากการมีส่วนร่วมไปพัฒนาปรับปรุงการดำเนินงาน", "ภาพกิจกรรม"):  # fmt: skip
        assert heading in html
    assert "เพิ่มจุดตรวจวัด" in html  # how a comment's result was used
    assert "โรงงานในพื้นที่" in html  # organisations are shown
    for name in ("ดร. สมหญิง", "นาง ข", "กรรมการ 0"):
        assert name not in html
    assert "กิจกรรม.png" in html
    assert "รายงานการประชุม.pdf" not in html


def test_a_meetings_photos_are_public_and_its_minutes_file_is_not(world, client_for, year_of_records):
    _committee, workshop = year_of_records
    photo, minutes = workshop.evidence.order_by("pk")
    public = client_for(world.public)
    assert public.get(photo.get_absolute_url()).status_code == 200
    assert public.get(minutes.get_absolute_url()).status_code == 404
    assert client_for(world.officer_a).get(minutes.get_absolute_url()).status_code == 200


def pdf_text(content: bytes, tmp_path) -> str:
    path = tmp_path / "document.pdf"
    path.write_bytes(content)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_the_disclosure_pdf_is_thai_text_with_the_photos(world, client, year_of_records, tmp_path):
    response = client.get(reverse("engagement:disclosure_pdf"), {"province": "13", "year": 2569})
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content, tmp_path)
    assert "2569" in text
    assert "ผลจากการมีส่วนร่วม" in text.replace(" ", "")
    assert "ดร. สมหญิง" not in text


def test_the_minutes_and_the_attendance_sheet_print_in_thai(world, client_for, year_of_records, tmp_path):
    _committee, workshop = year_of_records
    client = client_for(world.officer_a)
    minutes = client.get(reverse("engagement:meeting_minutes_pdf", kwargs={"pk": workshop.pk}))
    assert "กรรมการ0" in pdf_text(minutes.content, tmp_path).replace(" ", "")
    sheet = client.get(reverse("engagement:meeting_attendance_pdf", kwargs={"pk": workshop.pk}))
    text = pdf_text(sheet.content, tmp_path).replace(" ", "")
    assert "ลายมือชื่อ" in text
    assert "2569" in text
    if shutil.which("pdftoppm"):
        (tmp_path / "sheet.pdf").write_bytes(sheet.content)
        subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(tmp_path / "sheet.pdf"),
                        str(tmp_path / "page")], check=True)  # fmt: skip
        assert (tmp_path / "page-1.png").stat().st_size > 1000


def test_photos_are_scaled_to_print_size_before_they_go_into_the_pdf(world, year_of_records):
    """A camera's photo is embedded at 800 px on its longest side (the 5 s budget: benchmarks/bench_engagement.py)."""
    import base64
    import io

    from PIL import Image

    from ecotown.engagement.views import PHOTO_PIXELS, _data_uri

    _committee, workshop = year_of_records
    buffer = io.BytesIO()
    Image.new("RGB", (4000, 3000), "green").save(buffer, "JPEG")
    evidence = attach_file(workshop, SimpleUploadedFile("กล้อง.jpg", buffer.getvalue()), acting_user=None)
    uri = _data_uri(evidence)
    assert uri.startswith("data:image/jpeg;base64,")
    embedded = Image.open(io.BytesIO(base64.b64decode(uri.split(",", 1)[1])))
    assert max(embedded.size) == PHOTO_PIXELS
    assert embedded.size == (PHOTO_PIXELS, PHOTO_PIXELS * 3 // 4)


# -- pages ----------------------------------------------------------------------------------------------------


def test_the_secretariat_schedules_a_meeting_with_its_agenda(world, client_for):
    committee = make_committee(area=world.area_a1)
    url = reverse("engagement:meeting_add", kwargs={"parent_pk": committee.pk})
    response = client_for(world.secretary_a1).post(url, {
        "kind": "committee", "title": "พิจารณาร่างแผน", "starts_at_0": "20/01/2569", "starts_at_1": "09:30",
        "agenda-TOTAL_FORMS": "1", "agenda-INITIAL_FORMS": "0", "agenda-0-position": "1",
        "agenda-0-title": "ร่างแผนปฏิบัติการ", "agenda-0-topic": "action_plan",
    })  # fmt: skip
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert (meeting.numbered, meeting.local_date) == ("no. 1/2569", datetime.date(2026, 1, 20))
    assert list(meeting.agenda_items.values_list("topic", flat=True)) == ["action_plan"]


def test_attendance_is_recorded_from_the_member_list(world, client_for):
    committee = make_committee(area=world.area_a1)
    serving = make_member(committee, "อยู่ในวาระ")
    make_member(committee, "พ้นวาระ", term_end=datetime.date(2025, 12, 31))
    meeting = make_meeting(committee, when=at(2026, 1, 20))
    client = client_for(world.secretary_a1)
    page = client.get(reverse("engagement:meeting_attendance", kwargs={"pk": meeting.pk})).content.decode()
    assert "อยู่ในวาระ" in page
    assert "พ้นวาระ" not in page
    client.post(reverse("engagement:meeting_attendance", kwargs={"pk": meeting.pk}), {
        f"status_{serving.pk}": "represented", f"delegate_{serving.pk}": "ผู้แทน",
        "participants-TOTAL_FORMS": "1", "participants-INITIAL_FORMS": "0", "participants-0-sector": "community",
        "participants-0-count": "7",
    })  # fmt: skip
    assert MemberAttendance.objects.get(meeting=meeting).delegate == "ผู้แทน"
    summary = participation.with_people(Meeting.objects.filter(pk=meeting.pk)).values("members_present", "others")
    assert summary.get() == {"members_present": 1, "others": 7}


@pytest.mark.parametrize("url", ["engagement:committee_list", "engagement:meeting_list", "engagement:comment_list"])
def test_the_lists_stay_flat_when_data_grows_tenfold(world, client_for, url, django_assert_max_num_queries):
    client = client_for(world.officer_a)
    for size in (3, 30):
        for number in range(size):
            committee = make_committee(area=world.area_a1, name_th=f"คณะ {size}-{number}")
            make_meeting(committee)
            committee.comments.create(channel="submitted", received_on=datetime.date(2026, 3, 1), sector="community",
                                      topic="x", text="x")  # fmt: skip
        with django_assert_max_num_queries(10):
            assert client.get(reverse(url)).status_code == 200
