"""Test helpers for committees, and the permission matrix's sample records."""

import datetime

from django.utils import timezone

from ecotown.engagement import choices
from ecotown.engagement.models import AgendaItem, Comment, Committee, Membership


def make_committee(kind=choices.CommitteeKind.AREA, *, area=None, province=None, **fields) -> Committee:
    fields.setdefault("name_th", f"คณะกรรมการ {area or province or 'ชำนาญการ'}")
    return Committee.objects.create(kind=kind, area=area, province=province, **fields)


def make_member(committee, name="สมชาย ใจดี", position=choices.Position.MEMBER,
                sector=choices.Sector.PROVINCIAL_GOVERNMENT, **fields) -> Membership:  # fmt: skip
    return Membership.objects.create(committee=committee, person_name=name, position=position, sector=sector, **fields)


def make_meeting(committee, *, when=None, kind=choices.MeetingKind.COMMITTEE, title="การประชุมคณะกรรมการ",
                 topics=(), user=None, held=True):  # fmt: skip
    from ecotown.engagement import services

    when = when or timezone.make_aware(datetime.datetime(2026, 3, 15, 9, 30))
    meeting = services.schedule_meeting(committee, kind=kind, title=title, starts_at=when, acting_user=user)
    for position, topic in enumerate(topics, start=1):
        AgendaItem.objects.create(meeting=meeting, position=position, title=str(topic), topic=topic)
    if held:
        meeting.status = choices.MeetingStatus.HELD
        meeting.save()
    return meeting


def add_samples(world) -> None:
    from ecotown.engagement import services

    """An area committee of A1 with two members and a held meeting; the provincial committee of B; a comment."""
    world.committee_a1 = make_committee(area=world.area_a1, name_th="คณะกรรมการพื้นที่บางกะดี")
    world.member_a1 = make_member(world.committee_a1, "นายก เทศบาล", choices.Position.CHAIR)
    make_member(world.committee_a1, "ผู้แทน สภาอุตสาหกรรม", sector=choices.Sector.INDUSTRY_FEDERATION)
    world.meeting_a1 = make_meeting(world.committee_a1, topics=[choices.Topic.ACTION_PLAN])
    world.resolution_a1 = services.record_resolution(
        world.meeting_a1,
        kind=choices.ResolutionKind.RECORD,
        outcome=choices.ResolutionOutcome.NOTED,
        text="ที่ประชุมรับทราบร่างแผน",
        acting_user=None,
    )
    world.committee_b = make_committee(choices.CommitteeKind.PROVINCIAL, province=world.province_b,
                                       name_th="คณะกรรมการจังหวัดระยอง")  # fmt: skip
    world.meeting_b = make_meeting(world.committee_b, held=False)
    world.comment_a1 = Comment.objects.create(
        committee=world.committee_a1, meeting=world.meeting_a1, channel=choices.CommentChannel.MEETING,
        received_on=datetime.date(2026, 3, 15), sector=choices.Sector.COMMUNITY, topic="กลิ่นจากบ่อบำบัด",
        text="ขอให้ตรวจวัดกลิ่นทุกเดือน", raised_by="ชาวบ้าน หมู่ 3",
    )  # fmt: skip
