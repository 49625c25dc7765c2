"""Which requirements of the catalogue in force a plan's projects serve, and which none does (issue 14)."""

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q

from ecotown.core.dates import current_fiscal_year
from ecotown.criteria.choices import RequirementKind
from ecotown.criteria.models import AreaRequirementSelection, Requirement
from ecotown.criteria.versions import catalogue_for


@dataclass
class Coverage:
    catalogue: object
    covered: list = field(default_factory=list)
    uncovered: list = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.covered) + len(self.uncovered)

    @property
    def percent(self) -> float | None:
        return 100 * len(self.covered) / self.total if self.total else None


def split(requirements, served_codes) -> tuple[list, list]:
    """Requirements served by at least one project (by code, so a project linked to a requirement of an
    earlier catalogue version still serves the same requirement in the version in force) and the rest."""
    covered = [r for r in requirements if r.code in served_codes]
    uncovered = [r for r in requirements if r.code not in served_codes]
    return covered, uncovered


def catalogue_for_plan(plan):
    """The catalogue version in force for the current fiscal year, kept within the plan's period."""
    year = min(max(current_fiscal_year(), plan.first_year), plan.last_year)
    return catalogue_for(year)


def requirements_for(plan, catalogue) -> list:
    """The requirements a plan answers for: those that apply to its area (basic, general and the specific ones
    the area selected or its kind takes); for a provincial or national plan, the basic and general ones."""
    requirements = Requirement.objects.filter(catalogue=catalogue).order_by("position", "code")
    if plan.area_id is None:
        return list(requirements.exclude(kind=RequirementKind.SPECIFIC))
    selected = AreaRequirementSelection.objects.filter(area_id=plan.area_id, requirement=OuterRef("pk"))
    requirements = list(requirements.annotate(selected_by_area=Exists(selected)))
    chosen = {r.pk for r in requirements if r.selected_by_area}
    return [r for r in requirements if r.applies_to(plan.area, chosen)]


def served_codes(version) -> set[str]:
    """Codes of the requirements the version's projects serve, directly or through a target they serve (one
    query: two subqueries)."""
    from ecotown.plans.models import Project
    from ecotown.targets.models import Target

    direct = Project.requirements.through.objects.filter(project__version=version).values("requirement_id")
    through = Target.objects.filter(plan_projects__version=version).values("requirement_id")
    served = Requirement.objects.filter(Q(pk__in=direct) | Q(pk__in=through)).order_by()
    return set(served.values_list("code", flat=True))


def coverage(version, catalogue=None) -> Coverage:
    plan = version.plan
    catalogue = catalogue or catalogue_for_plan(plan)
    if catalogue is None:
        return Coverage(None)
    covered, uncovered = split(requirements_for(plan, catalogue), served_codes(version))
    return Coverage(catalogue, covered, uncovered)
