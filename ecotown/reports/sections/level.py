"""Level then and now (audits, criteria): the certified level at the end of each of the two fiscal years, the
level each year's audit supports, and the requirements whose result changed between the two audits."""

from django.db.models import Q
from django.utils.translation import gettext as _

from ecotown.audits import readiness
from ecotown.audits.choices import AssessmentKind, AssessmentStatus, CertificateStatus, Result
from ecotown.audits.models import Assessment, Certificate, RequirementResult
from ecotown.core.dates import format_be
from ecotown.reports.sections import Table

# The audit whose results stand for a year: an external audit over a surveillance audit over an internal one,
# a later stage (closed) over an earlier one.
KIND_RANK = {AssessmentKind.EXTERNAL: 0, AssessmentKind.SURVEILLANCE: 1, AssessmentKind.INTERNAL: 2}
STAGE_RANK = {AssessmentStatus.CLOSED: 0, AssessmentStatus.REVIEWED: 1, AssessmentStatus.SUBMITTED: 2,
              AssessmentStatus.IN_PROGRESS: 3}  # fmt: skip


def certified_level(area, day) -> Certificate | None:
    """The highest-level certificate in force on `day` (withdrawn ones never count)."""
    in_force = Certificate.objects.filter(
        Q(area=area, valid_from__lte=day, valid_until__gte=day) & ~Q(status=CertificateStatus.WITHDRAWN)
    )
    return in_force.select_related("level").order_by("-level__number", "-valid_from").first()


def audit_of_year(area, year: int, cut_off) -> Assessment | None:
    audits = Assessment.objects.filter(area=area, fiscal_year=year).exclude(status=AssessmentStatus.PLANNED)
    audits = [a for a in audits.select_related("catalogue", "area") if a.starts_on is None or a.starts_on <= cut_off]
    audits.sort(key=lambda a: (KIND_RANK.get(a.kind, 9), STAGE_RANK.get(a.status, 9)))
    return audits[0] if audits else None


def supported_level(assessment: Assessment) -> int:
    """The level the team recommended at review, else the level its results support today."""
    if assessment.recommended_level is not None:
        return assessment.recommended_level
    return readiness.decision_for(assessment).level


def build(inp, result) -> None:
    area = inp.area
    standing = []
    for year in (inp.baseline, inp.current):
        day = inp.year_end(year)
        certificate = certified_level(area, day)
        audit = audit_of_year(area, year, inp.cut_off)
        standing.append((year, day, certificate, audit))
        if audit is None:
            result.missing.append(_("Level: no audit of fiscal year {year} is recorded.").format(year=year))
    rows = []
    for year, day, certificate, audit in standing:
        rows.append([
            year, format_be(day),
            certificate.level.number if certificate else 0,
            certificate.number if certificate else "",
            str(audit.get_kind_display()) if audit else "",
            supported_level(audit) if audit else None,
        ])  # fmt: skip
    result.tables.append(Table("levels", _("Level then and now"), [
        _("Fiscal year"), _("Standing on"), _("Certified level"), _("Certificate"), _("Audit"),
        _("Level the audit supports")], rows))  # fmt: skip
    before, after = rows[0][2], rows[1][2]
    result.paragraphs.append(
        _(
            "Certified level at the end of fiscal year {baseline}: {before}; at the end of fiscal year {current}: "
            "{after}."
        ).format(
            baseline=inp.baseline,
            before=before or _("not certified"),
            current=inp.current,
            after=after or _("not certified"),
        )
    )
    then_audit, now_audit = standing[0][3], standing[1][3]
    if then_audit and now_audit:
        result.tables.append(_changed_requirements(then_audit, now_audit))


def _changed_requirements(then_audit, now_audit) -> Table:
    """Requirements (by code, so that catalogue versions compare) whose result differs between the audits."""
    labels = dict(Result.choices)

    def results(audit):
        rows = RequirementResult.objects.filter(assessment=audit).select_related("requirement__level")
        return {row.requirement.code: row for row in rows}

    then, now = results(then_audit), results(now_audit)
    rows = []
    for code in sorted(set(then) | set(now)):
        before, after = then.get(code), now.get(code)
        if before is not None and after is not None and before.result == after.result:
            continue
        requirement = (after or before).requirement
        rows.append([
            code, requirement.title_th, requirement.level.number if requirement.level_id else 0,
            str(labels[before.result]) if before else _("not assessed"),
            str(labels[after.result]) if after else _("not assessed"),
        ])  # fmt: skip
    return Table("requirements_changed", _("Requirements whose result changed"),
                 [_("Code"), _("Requirement"), _("Level"), _("Result then"), _("Result now")], rows,
                 pdf_rows=60)  # fmt: skip
