"""Participation computed from the records: the programme's KPIs per province and fiscal year, and the yearly
disclosure in DIW's five headings (the first seed is such a page). Nothing here is typed in again.

Counts by sector come from the members' attendance (their sector is on the member list) and the participants
recorded at each meeting (named with consent, or counted by sector).
"""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from ecotown.core import dates
from ecotown.engagement import choices
from ecotown.engagement.models import Comment, Meeting, MemberAttendance, Participant, ParticipationTarget, Resolution

ATTENDED = (choices.AttendanceStatus.PRESENT, choices.AttendanceStatus.REPRESENTED)
PROVINCE = Coalesce(F("committee__province_id"), F("committee__area__province_id"))


def fiscal_year_range(fiscal_year: int) -> tuple[datetime.datetime, datetime.datetime]:
    """The fiscal year as aware date-times in Bangkok time: [1 October, next 1 October)."""
    first, last = dates.fiscal_year_bounds(fiscal_year)
    zone = timezone.get_current_timezone()
    start = datetime.datetime.combine(first, datetime.time.min, tzinfo=zone)
    end = datetime.datetime.combine(last + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone)
    return start, end


def meetings_of_year(fiscal_year: int, meetings=None):
    start, end = fiscal_year_range(fiscal_year)
    meetings = Meeting.objects.all() if meetings is None else meetings
    return meetings.filter(starts_at__gte=start, starts_at__lt=end).exclude(status=choices.MeetingStatus.CANCELLED)


def with_people(meetings):
    """Annotate each meeting with `members_present` and `others` (participants counted), in one query."""
    present = (
        MemberAttendance.objects.filter(meeting=OuterRef("pk"), status__in=ATTENDED)
        .values("meeting")
        .annotate(n=Count("pk"))
        .values("n")
    )
    others = Participant.objects.filter(meeting=OuterRef("pk")).values("meeting").annotate(n=Sum("count")).values("n")
    return meetings.annotate(
        members_present=Coalesce(Subquery(present, output_field=IntegerField()), Value(0)),
        others=Coalesce(Subquery(others, output_field=IntegerField()), Value(0)),
    )


# -- KPIs ---------------------------------------------------------------------------------------------------------


@dataclass
class Kpis:
    """One province's (or the nation's) participation in a fiscal year, beside the programme's targets."""

    province_id: int | None
    meetings_on_plan: int = 0
    best_workshop: int = 0
    sectors: set = field(default_factory=set)
    comments: int = 0
    answered: int = 0

    @property
    def sector_count(self) -> int:
        return len(self.sectors)

    @property
    def answered_share(self) -> int | None:
        return round(100 * self.answered / self.comments) if self.comments else None


def participation_kpis(fiscal_year: int, meetings=None) -> dict[int, Kpis]:
    """KPIs per province for `fiscal_year` over `meetings` (a scoped queryset; all by default): four queries."""
    meetings = meetings_of_year(fiscal_year, meetings)
    kpis: dict[int, Kpis] = {}

    def of(province_id):
        return kpis.setdefault(province_id, Kpis(province_id))

    on_plan = (
        meetings.filter(
            kind=choices.MeetingKind.COMMITTEE,
            status=choices.MeetingStatus.HELD,
            agenda_items__topic=choices.Topic.ACTION_PLAN,
        )
        .annotate(province=PROVINCE)
        .values("province")
        .annotate(n=Count("pk", distinct=True))
    )
    for row in on_plan:
        of(row["province"]).meetings_on_plan = row["n"]
    for row in (
        with_people(meetings.filter(kind=choices.MeetingKind.WORKSHOP))
        .annotate(province=PROVINCE)
        .values("province", "members_present", "others")
    ):
        kpi = of(row["province"])
        kpi.best_workshop = max(kpi.best_workshop, row["members_present"] + row["others"])
    sectors = (
        MemberAttendance.objects.filter(meeting__in=meetings.values("pk"), status__in=ATTENDED)
        .annotate(province=Coalesce(F("meeting__committee__province_id"), F("meeting__committee__area__province_id")))
        .values_list("province", "membership__sector")
        .distinct()
    )
    outside = (
        Participant.objects.filter(meeting__in=meetings.values("pk"))
        .annotate(province=Coalesce(F("meeting__committee__province_id"), F("meeting__committee__area__province_id")))
        .values_list("province", "sector")
        .distinct()
    )
    for province_id, sector in [*sectors, *outside]:
        of(province_id).sectors.add(sector)
    start, end = fiscal_year_range(fiscal_year)
    comments = (
        Comment.objects.filter(
            committee__in=meetings.values("committee"), received_on__gte=start.date(), received_on__lt=end.date()
        )
        .annotate(province=PROVINCE)
        .values("province")
        .annotate(total=Count("pk"), answered=Count("pk", filter=Q(status=choices.CommentStatus.ANSWERED)))
    )
    for row in comments:
        kpi = of(row["province"])
        kpi.comments, kpi.answered = row["total"], row["answered"]
    return kpis


def national(kpis: dict[int, Kpis]) -> Kpis:
    total = Kpis(None)
    for kpi in kpis.values():
        total.meetings_on_plan += kpi.meetings_on_plan
        total.best_workshop = max(total.best_workshop, kpi.best_workshop)
        total.sectors |= kpi.sectors
        total.comments += kpi.comments
        total.answered += kpi.answered
    return total


def targets() -> dict[str, ParticipationTarget]:
    return {target.code: target for target in ParticipationTarget.objects.all()}


# -- the yearly disclosure -----------------------------------------------------------------------------------------


@dataclass
class MeetingSummary:
    meeting: Meeting
    agenda: list
    by_sector: Counter
    people: int


@dataclass
class Disclosure:
    """DIW's yearly participation page (seed 000) in its five headings, built from the records."""

    fiscal_year: int
    meetings: list[MeetingSummary] = field(default_factory=list)
    by_sector: Counter = field(default_factory=Counter)
    organisations: list[str] = field(default_factory=list)
    resolutions: list = field(default_factory=list)
    responses: list = field(default_factory=list)  # answered comments: what the participation changed
    open_comments: int = 0
    photos: list = field(default_factory=list)

    @property
    def people(self) -> int:
        return sum(self.by_sector.values())


def build_disclosure(fiscal_year: int, meetings) -> Disclosure:
    """The disclosure for `meetings` (one committee's, a province's or every meeting, already scoped) in a
    fiscal year. People appear only as counts by sector and their organisations, never by name."""
    from ecotown.core.models import Evidence

    meetings = list(
        meetings_of_year(fiscal_year, meetings)
        .select_related("committee")
        .prefetch_related("agenda_items")
        .order_by("starts_at", "pk")
    )
    disclosure = Disclosure(fiscal_year)
    ids = [meeting.pk for meeting in meetings]
    by_meeting = defaultdict(Counter)
    for meeting_id, sector in MemberAttendance.objects.filter(meeting_id__in=ids, status__in=ATTENDED).values_list(
        "meeting_id", "membership__sector"
    ):
        by_meeting[meeting_id][sector] += 1
    organisations = set()
    for meeting_id, sector, count, organisation in Participant.objects.filter(meeting_id__in=ids).values_list(
        "meeting_id", "sector", "count", "organisation"
    ):
        by_meeting[meeting_id][sector] += count
        if organisation:
            organisations.add(organisation)
    organisations.update(
        MemberAttendance.objects.filter(meeting_id__in=ids, status__in=ATTENDED)
        .exclude(membership__organisation="")
        .values_list("membership__organisation", flat=True)
    )
    for meeting in meetings:
        counts = by_meeting[meeting.pk]
        disclosure.meetings.append(
            MeetingSummary(meeting, list(meeting.agenda_items.all()), counts, sum(counts.values()))
        )
        disclosure.by_sector.update(counts)
    disclosure.organisations = sorted(organisations)
    disclosure.resolutions = list(
        Resolution.objects.filter(meeting_id__in=ids).select_related("meeting").order_by("meeting__starts_at", "number")
    )
    comments = Comment.objects.filter(Q(meeting_id__in=ids) | Q(committee__in={m.committee_id for m in meetings}))
    start, end = fiscal_year_range(fiscal_year)
    comments = comments.filter(received_on__gte=start.date(), received_on__lt=end.date())
    disclosure.responses = list(comments.filter(status=choices.CommentStatus.ANSWERED).order_by("received_on"))
    disclosure.open_comments = comments.filter(status=choices.CommentStatus.OPEN).count()
    disclosure.photos = [
        item
        for item in Evidence.objects.filter(
            owner_type__model="meeting", owner_type__app_label="engagement", owner_id__in=ids
        ).select_related("file")
        if item.file and item.file.content_type.startswith("image/")
    ]
    return disclosure
