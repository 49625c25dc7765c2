"""What an assessment's records say about the level: the requirements that apply, the results, the open major
nonconformities, the level decision (levels.decide) and the gap to the next level.

Reads a handful of queries whatever the size of the catalogue, so the assessment page, the area panel, the API
and "what if" during an internal audit in progress all ask the same function.
"""

from dataclasses import dataclass, field

from django.utils import timezone

from ecotown.audits import choices, levels
from ecotown.audits.models import Assessment, CorrectiveAction, Finding, RequirementResult
from ecotown.criteria.models import Requirement


@dataclass(frozen=True)
class Applicable:
    """A requirement as levels.decide reads it."""

    code: str
    kind: str
    level: int | None


def applicable_requirements(assessment: Assessment) -> list[Requirement]:
    area = assessment.area
    selected = set(area.requirement_selections.values_list("requirement_id", flat=True))
    requirements = Requirement.objects.filter(catalogue=assessment.catalogue_id).select_related("level")
    return [r for r in requirements.order_by("position", "code") if r.applies_to(area, selected)]


def applicable_ids(assessment: Assessment) -> set[int]:
    return {requirement.pk for requirement in applicable_requirements(assessment)}


def open_major_codes(area_id: int) -> set[str]:
    """Codes with an open major nonconformity in any of the area's audits: it blocks its level until closed."""
    return set(
        Finding.objects.filter(
            assessment__area=area_id, grade=choices.Grade.MAJOR, status=choices.FindingStatus.OPEN
        ).values_list("requirement__code", flat=True)
    )


def decide(requirements, results: dict, majors) -> levels.Decision:
    plain = [Applicable(r.code, r.kind, r.level.number if r.level_id else None) for r in requirements]
    return levels.decide(plain, results, majors)


def decision_for(assessment: Assessment, requirements=None) -> levels.Decision:
    requirements = applicable_requirements(assessment) if requirements is None else requirements
    results = dict(RequirementResult.objects.filter(assessment=assessment).values_list("requirement__code", "result"))
    return decide(requirements, results, open_major_codes(assessment.area_id))


def unassessed(assessment: Assessment) -> list[str]:
    recorded = set(RequirementResult.objects.filter(assessment=assessment).values_list("requirement_id", flat=True))
    return [r.code for r in applicable_requirements(assessment) if r.pk not in recorded]


@dataclass
class Gap:
    """What a requirement blocking the next level still lacks, and what addresses it (targets; plan projects
    once the plans app registers them) — `addressed_by` empty is the warning that nothing does."""

    requirement: Requirement
    reasons: tuple
    open_findings: list = field(default_factory=list)
    overdue_actions: list = field(default_factory=list)
    missing_evidence: bool = False
    addressed_by: list = field(default_factory=list)


# Sources of records that address a requirement: `fn(area, codes, fiscal_year, user)` → {code: [records]}. The
# audits app registers the area's targets; the plans app registers its projects (audits knows no plans).
_addressing: list = []


def register_addressing(source) -> None:
    _addressing.append(source)


def targets_addressing(area, codes, fiscal_year, user) -> dict:
    from ecotown.targets.models import Target

    found: dict = {}
    targets = Target.objects.filter(area=area, requirement__code__in=codes, fiscal_year=fiscal_year)
    if user is not None:
        targets = targets.for_user(user)
    for target in targets.select_related("requirement"):
        found.setdefault(target.requirement.code, []).append(target)
    return found


@dataclass
class Readiness:
    assessment: Assessment
    decision: levels.Decision
    gaps: list


def gap_to_next_level(assessment: Assessment, user=None) -> Readiness:
    """For the level above the one the assessment supports: each blocking requirement with its open findings,
    overdue corrective actions and whether it has no evidence. (Plan projects and targets that address it are
    added by the plans app when it exists; until then the page says none is linked.)"""
    requirements = applicable_requirements(assessment)
    decision = decision_for(assessment, requirements)
    target = decision.next_level if 0 not in decision.blocking else 0
    blocks = decision.blocks(target) if target is not None else ()
    by_code = {r.code: r for r in requirements}
    codes = [block.code for block in blocks]
    findings = list(
        Finding.objects.filter(assessment__area=assessment.area_id, requirement__code__in=codes,
                               status=choices.FindingStatus.OPEN).select_related("requirement")
    )  # fmt: skip
    overdue = list(
        CorrectiveAction.objects.filter(finding__in=[f.pk for f in findings], status=choices.ActionStatus.PROPOSED,
                                        due_on__lt=timezone.localdate()).select_related("finding__requirement")
    )  # fmt: skip
    with_evidence = set(
        RequirementResult.objects.filter(
            assessment=assessment, requirement__code__in=codes, evidence__isnull=False
        ).values_list("requirement__code", flat=True)
    )
    addressing: dict = {}
    for source in _addressing:
        for code, records in (source(assessment.area, codes, assessment.fiscal_year, user) or {}).items():
            addressing.setdefault(code, []).extend(records)
    gaps = [
        Gap(
            requirement=by_code[block.code],
            reasons=block.reasons,
            open_findings=[f for f in findings if f.requirement.code == block.code],
            overdue_actions=[a for a in overdue if a.finding.requirement.code == block.code],
            missing_evidence=block.code not in with_evidence,
            addressed_by=addressing.get(block.code, []),
        )
        for block in blocks
    ]
    return Readiness(assessment, decision, gaps)


def decisions_for(assessments) -> dict[int, levels.Decision]:
    """The level decision of many assessments at once (the national picture) in five queries: each catalogue's
    requirements are read and turned into plain values once, results are keyed by requirement id."""
    from ecotown.criteria.models import AreaRequirementSelection

    assessments = list(assessments.select_related("area"))
    area_ids = {a.area_id for a in assessments}
    by_catalogue: dict[int, list] = {}
    codes: dict[int, str] = {}
    for requirement in Requirement.objects.filter(catalogue__in={a.catalogue_id for a in assessments}).select_related(
        "level"
    ):
        plain = Applicable(
            requirement.code, requirement.kind, requirement.level.number if requirement.level_id else None
        )
        by_catalogue.setdefault(requirement.catalogue_id, []).append((requirement, plain))
        codes[requirement.pk] = requirement.code
    selected: dict[int, set] = {}
    for area_id, requirement_id in AreaRequirementSelection.objects.filter(area__in=area_ids).values_list(
        "area_id", "requirement_id"
    ):
        selected.setdefault(area_id, set()).add(requirement_id)
    results: dict[int, dict] = {}
    for assessment_id, requirement_id, result in RequirementResult.objects.filter(
        assessment__in=[a.pk for a in assessments]
    ).values_list("assessment_id", "requirement_id", "result"):
        if requirement_id in codes:
            results.setdefault(assessment_id, {})[codes[requirement_id]] = result
    majors: dict[int, set] = {}
    for area_id, code in Finding.objects.filter(
        assessment__area__in=area_ids, grade=choices.Grade.MAJOR, status=choices.FindingStatus.OPEN
    ).values_list("assessment__area_id", "requirement__code"):
        majors.setdefault(area_id, set()).add(code)
    decided = {}
    for assessment in assessments:
        chosen = selected.get(assessment.area_id, set())
        applicable = [
            plain for requirement, plain in by_catalogue.get(assessment.catalogue_id, [])
            if requirement.applies_to(assessment.area, chosen)
        ]  # fmt: skip
        decided[assessment.pk] = levels.decide(
            applicable, results.get(assessment.pk, {}), majors.get(assessment.area_id, ())
        )
    return decided
