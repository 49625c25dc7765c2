"""Progress of an upgrade project against the targets of its terms, computed from the records, and the figures of
an area's capacity building that the upgrade report reads (`capacity_figures`). Nothing here is typed in again.

Meetings and workshop participants come from engagement's records: the held committee meetings of the model
area's committees and its province's, and the best-attended workshop of those committees, within the project's
period (seed 001: at least two meetings per province, a workshop of at least 50 people).
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Exists, OuterRef, Q, Sum
from django.db.models.functions import Coalesce

from ecotown.core import dates
from ecotown.support.choices import Measure
from ecotown.support.models import (
    ConsultingEngagement,
    ConsultingVisit,
    StudyVisit,
    StudyVisitParticipant,
    Training,
    TrainingAttendance,
    hours_per_man_day,
)


def man_days(hours) -> Decimal:
    """Hours of consulting as man-days (1 man-day = SUPPORT_HOURS_PER_MAN_DAY hours, 6 by default), to 0.01."""
    return (Decimal(hours or 0) / hours_per_man_day()).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass
class TargetProgress:
    measure: str
    label: str
    target: int
    actual: Decimal | int

    @property
    def met(self) -> bool:
        return self.actual >= self.target

    @property
    def percent(self) -> int:
        return min(100, int(100 * self.actual / self.target)) if self.target else 100


def _committee_meetings(project):
    from ecotown.engagement.choices import MeetingStatus
    from ecotown.engagement.models import Meeting

    area = project.area
    start, end = project.starts_on, project.ends_on
    return Meeting.objects.filter(
        Q(committee__area=area) | Q(committee__province_id=area.province_id),
        starts_at__date__gte=start, starts_at__date__lte=end, status=MeetingStatus.HELD,
    )  # fmt: skip


def actuals(project) -> dict[str, Decimal | int]:
    """What the records show for each measure of the project (five queries)."""
    from ecotown.engagement.choices import MeetingKind
    from ecotown.engagement.participation import with_people

    trained = TrainingAttendance.objects.filter(training__project=project).aggregate(n=Count("factory", distinct=True))
    visited = StudyVisitParticipant.objects.filter(visit__project=project).aggregate(n=Count("factory", distinct=True))
    hours = ConsultingVisit.objects.filter(engagement__project=project).aggregate(h=Sum("hours"))["h"]
    meetings = _committee_meetings(project)
    committee_meetings = meetings.filter(kind=MeetingKind.COMMITTEE).count()
    best = 0
    for row in with_people(meetings.filter(kind=MeetingKind.WORKSHOP)).values("members_present", "others"):
        best = max(best, row["members_present"] + row["others"])
    return {
        Measure.FACTORIES_TRAINED: trained["n"],
        Measure.FACTORIES_ON_STUDY_VISITS: visited["n"],
        Measure.CONSULTING_MAN_DAYS: man_days(hours),
        Measure.MEETINGS_PER_PROVINCE: committee_meetings,
        Measure.WORKSHOP_PARTICIPANTS: best,
    }


def project_progress(project) -> list[TargetProgress]:
    """Each target of the project beside what the records show, in the order of the terms."""
    found = actuals(project)
    order = list(Measure.values)
    targets = sorted(project.targets.all(), key=lambda target: order.index(target.measure))
    return [TargetProgress(t.measure, t.get_measure_display(), t.value, found[t.measure]) for t in targets]


@dataclass
class FactoryReach:
    factory: object
    trained: bool
    visited: bool
    consulted: bool


def unreached_factories(project) -> list[FactoryReach]:
    """The model area's factories that the project has not yet trained, taken on a study visit or consulted —
    those missing at least one of the three, with which (one query)."""
    from ecotown.factories.models import Factory

    factories = (
        Factory.objects.filter(areas=project.area)
        .annotate(
            trained=Exists(TrainingAttendance.objects.filter(factory=OuterRef("pk"), training__project=project)),
            visited=Exists(StudyVisitParticipant.objects.filter(factory=OuterRef("pk"), visit__project=project)),
            consulted=Exists(ConsultingEngagement.objects.filter(factory=OuterRef("pk"), project=project)),
        )
        .filter(Q(trained=False) | Q(visited=False) | Q(consulted=False))
        .only("pk", "name", "registration_number")
    )
    return [FactoryReach(f, f.trained, f.visited, f.consulted) for f in factories]


# -- for the upgrade report -----------------------------------------------------------------------------------------


@dataclass
class CapacityFigures:
    """An area's capacity building over fiscal years (B.E.), from the records of every upgrade project there."""

    first_year: int
    last_year: int
    trainings: int
    factories_trained: int
    study_visits: int
    factories_visited: int
    man_days: Decimal
    engagements: int
    reports: int


def capacity_figures(area, first_year: int, last_year: int) -> CapacityFigures:
    """Trainings, factories trained, study visits, factories visited, consulting man-days, engagements and consulting
    reports issued in `area` from fiscal year `first_year` to `last_year` (B.E., inclusive): six queries."""
    start = dates.fiscal_year_bounds(first_year)[0]
    end = dates.fiscal_year_bounds(last_year)[1]
    trainings = Training.objects.filter(project__area=area, held_on__range=(start, end))
    visits = StudyVisit.objects.filter(project__area=area, visited_on__range=(start, end))
    consulting = ConsultingVisit.objects.filter(engagement__project__area=area, visited_on__range=(start, end))
    engagements = ConsultingEngagement.objects.filter(project__area=area)
    return CapacityFigures(
        first_year=first_year,
        last_year=last_year,
        trainings=trainings.count(),
        factories_trained=TrainingAttendance.objects.filter(training__in=trainings).aggregate(
            n=Count("factory", distinct=True))["n"],
        study_visits=visits.count(),
        factories_visited=StudyVisitParticipant.objects.filter(visit__in=visits).aggregate(
            n=Count("factory", distinct=True))["n"],
        man_days=man_days(consulting.aggregate(h=Coalesce(Sum("hours"), Decimal(0)))["h"]),
        engagements=engagements.filter(pk__in=consulting.values("engagement")).count(),
        reports=engagements.filter(report_issued_on__range=(start, end)).count(),
    )  # fmt: skip
