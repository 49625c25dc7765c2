"""Participation (engagement): the meetings, workshops and hearings the area's committees held in each fiscal
year with the people who took part, and the comments received and answered."""

import datetime

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from ecotown.engagement import choices
from ecotown.engagement.models import Comment, Meeting
from ecotown.engagement.participation import fiscal_year_range, with_people
from ecotown.reports.charts import Chart
from ecotown.reports.sections import Table

KINDS = (choices.MeetingKind.COMMITTEE, choices.MeetingKind.WORKSHOP, choices.MeetingKind.PUBLIC_HEARING,
         choices.MeetingKind.ONLINE_BRIEFING)  # fmt: skip


def _end_of(day) -> datetime.datetime:
    return datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min,
                                     tzinfo=timezone.get_current_timezone())  # fmt: skip


def build(inp, result) -> None:
    meetings = with_people(Meeting.objects.filter(committee__area=inp.area, status=choices.MeetingStatus.HELD,
                                                  starts_at__lt=_end_of(inp.cut_off)))  # fmt: skip
    comments = Comment.objects.filter(committee__area=inp.area, received_on__lte=inp.cut_off)
    rows, chart_meetings, chart_comments = [], {k: [] for k in KINDS}, {"received": [], "answered": []}
    for year in inp.years:
        start, end = fiscal_year_range(year)
        held = list(meetings.filter(starts_at__gte=start, starts_at__lt=end).values("kind", "members_present",
                                                                                     "others"))  # fmt: skip
        by_kind = {kind: sum(1 for m in held if m["kind"] == kind) for kind in KINDS}
        people = sum(m["members_present"] + m["others"] for m in held)
        first, last = inp.year_bounds(year)
        counted = comments.filter(received_on__gte=first, received_on__lte=last).aggregate(
            received=Count("pk"),
            answered=Count("pk", filter=Q(responded_on__isnull=False, responded_on__lte=inp.cut_off)),
            accepted=Count("pk", filter=Q(response=choices.ResponseKind.ACCEPTED, responded_on__lte=inp.cut_off)),
            partly=Count("pk", filter=Q(response=choices.ResponseKind.PARTLY, responded_on__lte=inp.cut_off)),
        )  # fmt: skip
        rows.append([year, *by_kind.values(), people, counted["received"], counted["answered"], counted["accepted"],
                     counted["partly"]])  # fmt: skip
        for kind in KINDS:
            chart_meetings[kind].append(by_kind[kind])
        chart_comments["received"].append(counted["received"])
        chart_comments["answered"].append(counted["answered"])
        if not held:
            result.missing.append(_("Participation: no meeting of the area's committees is recorded as held in "
                                    "fiscal year {year}.").format(year=year))  # fmt: skip
    labels = dict(choices.MeetingKind.choices)
    result.tables.append(Table("participation", _("Meetings, participants and comments by fiscal year"), [
        _("Fiscal year"), *[str(labels[kind]) for kind in KINDS], _("People taking part"), _("Comments received"),
        _("Comments answered"), _("Accepted"), _("Partly accepted")], rows))  # fmt: skip
    years = [str(year) for year in inp.years]
    result.charts.append(Chart(_("Meetings held by kind"), _("meetings"), years,
                               [(str(labels[k]), v) for k, v in chart_meetings.items()], stacked=True))  # fmt: skip
    result.charts.append(Chart(_("Comments received and answered"), _("comments"), years,
                               [(_("received"), chart_comments["received"]),
                                (_("answered"), chart_comments["answered"])]))  # fmt: skip
