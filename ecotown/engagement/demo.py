"""Demo data for committees: every first-wave province's committee and area committees, with members, two
meetings on the draft action plan, a workshop of 50+ participants, comments with responses. Labelled demo."""

import datetime

from django.utils import timezone

from ecotown.areas.models import Area
from ecotown.core.dates import current_fiscal_year
from ecotown.engagement import choices, services
from ecotown.engagement.models import AgendaItem, Comment, Committee, MemberAttendance, Membership, Participant

DEMO = "ข้อมูลสาธิต (demo data)"
MEMBERS = (
    ("ผู้ว่าราชการจังหวัด", choices.Position.CHAIR, choices.Sector.PROVINCIAL_GOVERNMENT, "ศาลากลางจังหวัด"),
    ("รองผู้ว่าราชการจังหวัด", choices.Position.VICE_CHAIR, choices.Sector.PROVINCIAL_GOVERNMENT, "ศาลากลางจังหวัด"),
    ("อุตสาหกรรมจังหวัด", choices.Position.SECRETARY, choices.Sector.CENTRAL_GOVERNMENT, "สำนักงานอุตสาหกรรมจังหวัด"),
    ("นายกองค์การบริหารส่วนจังหวัด", choices.Position.MEMBER, choices.Sector.LOCAL_GOVERNMENT, "อบจ."),
    ("ประธานสภาอุตสาหกรรมจังหวัด", choices.Position.MEMBER, choices.Sector.INDUSTRY_FEDERATION, "สภาอุตสาหกรรมจังหวัด"),
    ("ประธานหอการค้าจังหวัด", choices.Position.MEMBER, choices.Sector.CHAMBER_OF_COMMERCE, "หอการค้าจังหวัด"),
    ("ผู้แทนชุมชน", choices.Position.MEMBER, choices.Sector.COMMUNITY, "เครือข่ายชุมชน"),
    ("ผู้แทนสถาบันการศึกษา", choices.Position.MEMBER, choices.Sector.ACADEMIA, "มหาวิทยาลัยในพื้นที่"),
    ("ทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัด", choices.Position.ASSISTANT_SECRETARY,
     choices.Sector.PROVINCIAL_GOVERNMENT, "สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัด"),
)  # fmt: skip


def _when(year_ce, month, day, hour=9):
    return timezone.make_aware(datetime.datetime(year_ce, month, day, hour, 30))


def _committee_meeting(committee, members, province, year_ce, number, month_day):
    meeting = services.schedule_meeting(
        committee, kind=choices.MeetingKind.COMMITTEE, starts_at=_when(year_ce, *month_day),
        title=f"พิจารณาร่างแผนปฏิบัติการการพัฒนาเมืองอุตสาหกรรมเชิงนิเวศ ครั้งที่ {number}",
        place=f"ห้องประชุมศาลากลางจังหวัด{province.name_th}", acting_user=None, notes=DEMO,
    )  # fmt: skip
    AgendaItem.objects.create(meeting=meeting, position=1, title="ร่างแผนปฏิบัติการ พ.ศ. 2566–2570",
                              topic=choices.Topic.ACTION_PLAN)  # fmt: skip
    for index, member in enumerate(members):
        status = choices.AttendanceStatus.PRESENT if index % 4 else choices.AttendanceStatus.REPRESENTED
        MemberAttendance.objects.create(meeting=meeting, membership=member, status=status)
    services.hold_meeting(meeting, acting_user=None, minutes=f"{DEMO}: ที่ประชุมพิจารณาร่างแผนปฏิบัติการ")
    services.record_resolution(
        meeting, kind=choices.ResolutionKind.RECORD, outcome=choices.ResolutionOutcome.NOTED,
        text="ที่ประชุมรับทราบร่างแผนและให้ฝ่ายเลขานุการปรับตามข้อเสนอแนะ", acting_user=None,
    )  # fmt: skip
    return meeting


def seed_demo() -> str:
    if Committee.objects.filter(notes=DEMO).exists():
        return "already present"
    fiscal_year = current_fiscal_year() - 1  # a year with its meetings done
    year_ce = fiscal_year - 543
    provinces = {}
    for area in Area.objects.select_related("province").order_by("province__code", "code"):
        provinces.setdefault(area.province, []).append(area)
    count = 0
    for province, areas in provinces.items():
        committee = Committee.objects.create(
            kind=choices.CommitteeKind.PROVINCIAL, province=province, notes=DEMO,
            name_th=f"คณะกรรมการพัฒนาเมืองอุตสาหกรรมเชิงนิเวศจังหวัด{province.name_th}",
            appointment_order=f"คำสั่งจังหวัด{province.name_th} (สาธิต)",
        )  # fmt: skip
        members = [
            Membership.objects.create(committee=committee, person_name=f"{title} ({DEMO})", title=title,
                                      position=position, sector=sector, organisation=organisation)
            for title, position, sector, organisation in MEMBERS
        ]  # fmt: skip
        # In date order, so that the numbers follow the calendar: meeting 1 (January), the workshop (March),
        # meeting 2 (May).
        _committee_meeting(committee, members, province, year_ce, 1, (1, 20))
        workshop = services.schedule_meeting(
            committee, kind=choices.MeetingKind.WORKSHOP, starts_at=_when(year_ce, 3, 10),
            title="ประชุมเชิงปฏิบัติการรับฟังความคิดเห็นต่อร่างแผนปฏิบัติการ", acting_user=None, notes=DEMO,
            place=f"โรงแรมในจังหวัด{province.name_th}",
        )  # fmt: skip
        AgendaItem.objects.create(meeting=workshop, position=1, title="ระดมความคิดเห็นต่อร่างแผนปฏิบัติการ",
                                  topic=choices.Topic.ACTION_PLAN)  # fmt: skip
        for sector, people, organisation in (
            (choices.Sector.FACTORIES, 22, "ผู้ประกอบการโรงงานในพื้นที่"),
            (choices.Sector.COMMUNITY, 15, "ผู้นำชุมชน"),
            (choices.Sector.LOCAL_GOVERNMENT, 8, "เทศบาลและ อบต."),
            (choices.Sector.ACADEMIA, 4, "มหาวิทยาลัยในพื้นที่"),
            (choices.Sector.CIVIL_SOCIETY, 3, "มูลนิธิด้านสิ่งแวดล้อม"),
        ):
            Participant.objects.create(meeting=workshop, sector=sector, count=people, organisation=organisation)
        services.hold_meeting(workshop, acting_user=None)
        _committee_meeting(committee, members, province, year_ce, 2, (5, 15))
        answered = Comment.objects.create(
            committee=committee, meeting=workshop, channel=choices.CommentChannel.MEETING,
            received_on=_when(year_ce, 3, 10).date(), sector=choices.Sector.COMMUNITY, organisation="ผู้นำชุมชน",
            topic="กลิ่นและน้ำเสียจากโรงงานใกล้ชุมชน", notes=DEMO,
            text="ขอให้แผนมีโครงการตรวจวัดคุณภาพน้ำและกลิ่นร่วมกับชุมชน",
        )  # fmt: skip
        services.respond_to_comment(
            answered, response=choices.ResponseKind.ACCEPTED, acting_user=None,
            reason="สอดคล้องกับข้อกำหนดด้านสิ่งแวดล้อม",
            what_changed="เพิ่มโครงการเฝ้าระวังคุณภาพน้ำและกลิ่นโดยชุมชนในแผนปฏิบัติการ",
        )  # fmt: skip
        Comment.objects.create(
            committee=committee, channel=choices.CommentChannel.SUBMITTED, received_on=_when(year_ce, 6, 1).date(),
            sector=choices.Sector.FACTORIES, organisation="ผู้ประกอบการโรงงานในพื้นที่", notes=DEMO,
            topic="การใช้ประโยชน์กากอุตสาหกรรมร่วมกัน", text="เสนอให้มีเวทีจับคู่ของเสียกับวัตถุดิบระหว่างโรงงาน",
        )  # fmt: skip
        for area in areas:
            if area.kind == "province":
                continue
            Committee.objects.create(
                kind=choices.CommitteeKind.AREA, area=area, notes=DEMO,
                name_th=f"คณะกรรมการพัฒนาเมืองอุตสาหกรรมเชิงนิเวศระดับพื้นที่ {area.name_th}",
            )  # fmt: skip
        count += 1
    return f"committees, meetings and comments in {count} provinces (fiscal year {fiscal_year})"
