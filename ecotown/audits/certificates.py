"""What the assessment page, the audit report and the certificate print: one sheet of an assessment read in a
fixed number of queries, the certificate's QR code and its PDF."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.translation import override

from ecotown.audits import choices, readiness
from ecotown.audits.models import CorrectiveAction, Finding, RequirementResult
from ecotown.core.models import Evidence
from ecotown.core.pdf import pdf_response
from ecotown.criteria.models import AreaRequirementSelection, Requirement


def assessment_sheet(assessment, *, for_print: bool = False) -> dict:
    """Requirements with their result, evidence and findings; findings with their corrective actions; the team;
    the level decision and the gap to the next level. Queries do not grow with the number of requirements."""
    requirements, majors = _requirements_and_majors(assessment)
    results = {r.requirement_id: r for r in RequirementResult.objects.filter(assessment=assessment)}
    evidence = {}
    for item in Evidence.objects.filter(
        owner_type=ContentType.objects.get_for_model(RequirementResult), owner_id__in=[r.pk for r in results.values()]
    ).select_related("file", "linked_type"):
        evidence.setdefault(item.owner_id, []).append(item)
    findings = list(Finding.objects.filter(assessment=assessment).select_related("requirement").order_by("pk"))
    actions = {}
    for action in CorrectiveAction.objects.filter(finding__assessment=assessment).select_related("verified_by"):
        actions.setdefault(action.finding_id, []).append(action)
    by_requirement = {}
    for finding in findings:
        finding.actions = actions.get(finding.pk, [])
        by_requirement.setdefault(finding.requirement_id, []).append(finding)
    codes = {requirement.pk: requirement.code for requirement in requirements}
    recorded = {codes[pk]: result.result for pk, result in results.items() if pk in codes}
    decision = readiness.decide(requirements, recorded, majors)
    next_level = decision.next_level if 0 not in decision.blocking else 0
    rows = []
    for requirement in requirements:
        result = results.get(requirement.pk)
        rows.append({
            "requirement": requirement, "result": result,
            "evidence": evidence.get(result.pk, []) if result else [],
            "findings": by_requirement.get(requirement.pk, []),
        })  # fmt: skip
    return {
        "assessment": assessment,
        "rows": rows,
        "findings": findings,
        "team": list(assessment.team.select_related("user")),
        "decision": decision,
        "next_level": next_level,
        "blocking_next": decision.blocks(next_level) if next_level is not None else (),
        "certificates": list(assessment.certificates.select_related("level")) if for_print else [],
    }  # fmt: skip


def _requirements_and_majors(assessment) -> tuple[list, set[str]]:
    """The applicable requirements (readiness.applicable_requirements) and the codes with an open major finding in
    any of the area's audits (readiness.open_major_codes) in one query: the area's selections and its open majors
    are read as subqueries of the catalogue's requirements."""
    area = assessment.area
    catalogue = (
        Requirement.objects.filter(catalogue=assessment.catalogue_id)
        .select_related("level")
        .annotate(
            selected=Exists(AreaRequirementSelection.objects.filter(area=area, requirement=OuterRef("pk"))),
            open_major=Exists(
                Finding.objects.filter(
                    assessment__area=area, grade=choices.Grade.MAJOR, status=choices.FindingStatus.OPEN,
                    requirement__code=OuterRef("code"),
                )
            ),
        )
        .order_by("position", "code")
    )  # fmt: skip
    catalogue = list(catalogue)
    selected = {r.pk for r in catalogue if r.selected}
    requirements = [r for r in catalogue if r.applies_to(area, selected)]
    return requirements, {r.code for r in catalogue if r.open_major}


def verify_url(certificate, request=None) -> str:
    path = reverse("audits:verify", kwargs={"number": certificate.number})
    return request.build_absolute_uri(path) if request is not None else path


def qr_data_uri(url: str) -> str:
    import segno

    return segno.make(url, error="m").png_data_uri(scale=5, border=2)


def certificate_pdf(certificate, request, *, english: bool = False):
    url = verify_url(certificate, request)
    context = {"certificate": certificate, "qr": qr_data_uri(url), "verify_url": url}
    with override("en" if english else "th"):
        return pdf_response("audits/pdf/certificate.html", context, f"{certificate.number}.pdf", request)
