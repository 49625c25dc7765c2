"""What audits shows on shared pages, and what it offers the expert committee to decide on."""

from django.utils.translation import gettext as _

from ecotown.audits import choices, readiness
from ecotown.audits.models import Assessment, Certificate


def area_panel(request, area):
    """The area's current certificate and its history (public), and — for those who may read its audits — the
    latest audit with the level it supports and what the next level still misses."""
    certificates = list(Certificate.objects.filter(area=area).select_related("level").order_by("-valid_from")[:10])
    current = next((c for c in certificates if c.is_in_force), None)
    latest = (
        Assessment.objects.filter(area=area).for_user(request.user).select_related("area", "catalogue")
        .order_by("-fiscal_year", "-pk").first()
    )  # fmt: skip
    gap = readiness.gap_to_next_level(latest, request.user) if latest is not None else None
    return {"area": area, "current": current, "certificates": certificates, "latest": latest, "gap": gap}


def assessments_to_decide(committee, user):
    """A certification resolution of the national expert committee decides on a reviewed external or
    surveillance audit that recommends a level."""
    from ecotown.engagement.choices import CommitteeKind

    if committee.kind != CommitteeKind.NATIONAL_EXPERT:
        return []
    ready = (
        Assessment.objects.filter(status__in=(choices.AssessmentStatus.REVIEWED, choices.AssessmentStatus.CLOSED),
                                  recommended_level__gte=1, certificates__isnull=True)
        .exclude(kind=choices.AssessmentKind.INTERNAL)
        .select_related("area")
        .for_user(user)
    )  # fmt: skip
    return [(_("Audits awaiting the certification decision"), ready)]


def actuals_as_evidence(owner, user):
    """A requirement's result may cite the area's recorded actual values for the same requirement (any year):
    data entered once serves the audit."""
    from ecotown.targets.models import Actual

    requirement = getattr(owner, "requirement", None)
    if getattr(owner, "assessment", None) is None or requirement is None:
        return []
    actuals = (
        Actual.objects.filter(target__area_id=owner.assessment.area_id, target__requirement__code=requirement.code)
        .select_related("target__requirement")
        .order_by("-target__fiscal_year")
        .for_user(user)[:20]
    )
    return [(_("Actual values of the area's targets for this requirement"), actuals)]
