"""A province's dashboard: its areas, participation against the programme's KPIs, its plans' progress, how
many of its factories hold management systems, CSR-DIW and Green Industry, and their outcomes."""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ecotown.areas.models import Area
from ecotown.dashboards import outcomes
from ecotown.engagement import participation
from ecotown.engagement.models import Meeting
from ecotown.factories import management_systems
from ecotown.factories.choices import OperatingStatus, Scheme
from ecotown.factories.models import Certification, Factory
from ecotown.plans.models import Plan
from ecotown.plans.progress import with_plan_figures

COVERAGE_LABELS = {
    "environmental": _("Environmental management (ISO 14001, Eco Factory, Green Industry level 3+)"),
    "safety": _("Safety management (ISO 45001)"),
    "csr": "CSR-DIW",
    "green_industry": _("Green Industry (any level)"),
    "complete": _("All three: environment, safety and CSR-DIW"),
}


@dataclass(frozen=True)
class Coverage:
    """The province's factories and how many hold each kind of management on the day (seed 001's list)."""

    factories: int
    environmental: int
    safety: int
    csr: int
    green_industry: int
    complete: int

    def share(self, count: int) -> int | None:
        return round(100 * count / self.factories) if self.factories else None

    @property
    def rows(self) -> list[tuple[str, int, int | None]]:
        """(what, factories holding it, % of the register) in COVERAGE_LABELS' order."""
        return [(name, getattr(self, name), self.share(getattr(self, name))) for name in COVERAGE_LABELS]


def factory_coverage(factories, day) -> Coverage:
    """One query: EXISTS per kind of certificate valid on `day`, counted over the factories."""
    valid = Q(valid_from__lte=day) & (Q(valid_until__isnull=True) | Q(valid_until__gte=day))
    green = Exists(Certification.objects.filter(valid, scheme=Scheme.GREEN_INDUSTRY, factory=OuterRef("pk")))
    standing = management_systems.with_standing(factories, day).annotate(has_green=green)
    counts = standing.aggregate(
        factories=Count("pk"),
        environmental=Count("pk", filter=Q(has_environmental=True)),
        safety=Count("pk", filter=Q(has_safety=True)),
        csr=Count("pk", filter=Q(has_csr=True)),
        green_industry=Count("pk", filter=Q(has_green=True)),
        complete=Count("pk", filter=Q(has_environmental=True, has_safety=True, has_csr=True)),
    )
    return Coverage(**counts)


def participation_of(province, fiscal_year: int, user):
    """The province's participation KPIs for the year, from the meetings the user may see (public: all)."""
    meetings = Meeting.objects.for_user(user).filter(
        Q(committee__province=province) | Q(committee__area__province=province)
    )
    kpis = participation.participation_kpis(fiscal_year, meetings)
    return kpis.get(province.pk, participation.Kpis(province.pk))


def province_figures(province, user, fiscal_year: int) -> dict:
    today = timezone.localdate()
    factories = Factory.objects.filter(province=province)
    plans = with_plan_figures(
        Plan.objects.for_user(user).filter(Q(province=province) | Q(area__province=province)).select_related("area")
    ).order_by("level", "pk")
    return {
        "areas": list(Area.objects.for_user(user).filter(province=province).order_by("code")),
        "kpis": participation_of(province, fiscal_year, user),
        "kpi_targets": participation.targets(),
        "plans": list(plans),
        # Struck-off factories are history: coverage counts the register as it stands; outcomes keep their years.
        "coverage": factory_coverage(factories.exclude(operating_status=OperatingStatus.STRUCK_OFF), today),
        "outcomes": outcomes.outcome_totals(outcomes.accepted_balances(factories)),
    }
