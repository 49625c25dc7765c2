"""The national dashboard's figures, each one aggregate query (the budget: the page in ≤ 15 queries whatever
the number of areas, certificates and balances; tests/test_queries.py, benchmarks/bench_dashboards.py)."""

from dataclasses import dataclass

from django.db.models import Count, Max, Q

from ecotown.areas.choices import AreaStatus
from ecotown.areas.models import Area, Programme
from ecotown.audits.choices import CertificateStatus
from ecotown.audits.models import Certificate
from ecotown.dashboards import outcomes
from ecotown.geo.models import Province

CERTIFIED = Q(status=AreaStatus.CERTIFIED, certified_level__isnull=False)


@dataclass(frozen=True)
class ProvinceOnMap:
    code: str
    name: str
    areas: int
    certified: int
    best_level: int | None


def provinces_on_map(areas) -> list[ProvinceOnMap]:
    """Every province with its areas, its certified areas and the best level certified among them (two
    queries: the provinces, and the areas grouped by province)."""
    by_province = {
        row["province_id"]: row
        for row in areas.order_by()
        .values("province_id")
        .annotate(
            areas=Count("pk"), certified=Count("pk", filter=CERTIFIED), best=Max("certified_level", filter=CERTIFIED)
        )
    }
    shown = []
    for province in Province.objects.order_by("code"):
        row = by_province.get(province.pk, {})
        shown.append(ProvinceOnMap(province.code, province.name, row.get("areas", 0), row.get("certified", 0),
                                   row.get("best")))  # fmt: skip
    return shown


def levels_by_year(certificates) -> list[dict]:
    """Areas certified at each level in each year of issue (B.E.); a withdrawn certificate does not count."""
    return list(
        certificates.exclude(status=CertificateStatus.WITHDRAWN).order_by("year_be", "level__number")
        .values("year_be", "level__number").annotate(areas=Count("area", distinct=True))
    )  # fmt: skip


@dataclass(frozen=True)
class ProgrammeProgress:
    programme: Programme | None
    provinces: int
    areas: int
    certified_provinces: int
    certified_areas: int

    @property
    def rows(self) -> list[tuple]:
        """(what, target, in the programme, certified) for the table and the chart."""
        programme = self.programme
        return [
            ("provinces", programme.target_provinces if programme else None, self.provinces,
             self.certified_provinces),
            ("areas", programme.target_areas if programme else None, self.areas, self.certified_areas),
        ]  # fmt: skip


def programme_progress(areas) -> ProgrammeProgress:
    """The programme's target (data: 39 provinces, 54 areas) against the areas in it and those certified."""
    counts = areas.aggregate(
        provinces=Count("province", distinct=True),
        areas=Count("pk"),
        certified_provinces=Count("province", distinct=True, filter=CERTIFIED),
        certified_areas=Count("pk", filter=CERTIFIED),
    )
    return ProgrammeProgress(Programme.objects.order_by("pk").first(), **counts)


def national_figures(user) -> dict:
    areas = Area.objects.for_user(user)
    return {
        "provinces": provinces_on_map(areas),
        "levels": levels_by_year(Certificate.objects.for_user(user)),
        "programme": programme_progress(areas),
        "outcomes": outcomes.outcome_totals(outcomes.accepted_balances()),
    }
