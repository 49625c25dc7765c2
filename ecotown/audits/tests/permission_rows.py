"""Matrix rows for audits. Audits are read by the province's officers, the area's secretariat and the auditors
of the team — an auditor not on the team, or on it but with a conflict of interest (`auditor_excluded` sits on
A1's area committee), gets 404. The team records results and findings and verifies corrective actions; the
secretariat answers them; the province plans internal audits and DIW external ones. Certificates and the
verification page are public."""

from ecotown.accounts.testing import PERSONAS
from ecotown.audits.models import Assessment, AuditTeamMember, Certificate, CorrectiveAction, Finding, RequirementResult
from ecotown.core.testing import Row, rows

ALL = (*PERSONAS, "auditor_free", "auditor_excluded")
EVERYONE = dict.fromkeys(ALL, 200)
NO_ROLE = dict.fromkeys(ALL, 403) | {"anonymous": 302}
# Who reads A1's internal audit (led by auditor_a1): 404 for auditors not on the team or excluded.
READERS_A1 = ("diw_admin", "officer_a", "secretary_a1", "auditor_a1")
OUTSIDE_A1 = ("officer_b", "external_auditor", "auditor_free", "auditor_excluded")
READ_A1 = NO_ROLE | dict.fromkeys(READERS_A1, 200) | dict.fromkeys(OUTSIDE_A1, 404)
# A1's external audit: external_auditor leads; auditor_excluded is on the team but sits on A1's committee.
READ_EXTERNAL_A1 = READ_A1 | {"external_auditor": 200, "auditor_a1": 404}
API_READ_A1 = READ_A1 | {"anonymous": 403}
PLANNERS_A1 = NO_ROLE | {"diw_admin": 200, "officer_a": 200, "officer_b": 404}
LISTS = NO_ROLE | dict.fromkeys((*READERS_A1, *OUTSIDE_A1), 200)
API_LISTS = LISTS | {"anonymous": 403}
HISTORY = EVERYONE | {"public": 403, "operator": 403, "consultant": 403, "anonymous": 302}


def result_url(attribute="assessment_a1", requirement="requirement"):
    return lambda w: {"pk": getattr(w, attribute).pk, "requirement_pk": getattr(w, requirement).pk}


def result_is(value):
    return lambda w: RequirementResult.objects.get(pk=w.result_a1.pk).result == value


def result_data(value):
    return lambda w: {
        "result": value,
        "notes": "",
        "revision": RequirementResult.objects.get(pk=w.result_a1.pk).revision,
    }


def status_of(attribute, status):
    return lambda w: Assessment.objects.get(pk=getattr(w, attribute).pk).status == status


def on_team(user):
    return lambda w: AuditTeamMember.objects.filter(assessment=w.assessment_a1, user=w.users[user]).exists()


def not_on_team(user):
    return lambda w: not on_team(user)(w)


def findings_of_a1(count):
    return lambda w: Finding.objects.filter(assessment=w.assessment_a1).count() == count


FINDING = lambda w: {"requirement": w.requirement.pk, "grade": "minor", "statement": "ไม่มีบันทึก",  # noqa: E731
                     "objective_evidence": "แฟ้ม", "criterion": "G1-01"}  # fmt: skip
ACTION = {"root_cause": "ไม่มีผู้รับผิดชอบ", "action": "แต่งตั้ง", "responsible": "เลขานุการ", "due_on": "31/12/2569"}


def answered(attribute, yes=True):
    return lambda w: CorrectiveAction.objects.filter(finding=getattr(w, attribute)).exists() is yes


def action_status(status):
    return lambda w: CorrectiveAction.objects.get(pk=w.action_a1.pk).status == status


def plan_data(w, **changes):
    assessment = Assessment.objects.get(pk=w.assessment_a1.pk)
    values = {"area": w.area_a1.pk, "fiscal_year": 2569, "catalogue": w.catalogue.pk, "kind": "internal",
              "level_applied_for": 1, "places": "เทศบาล", "revision": assessment.revision}  # fmt: skip
    return values | changes


def planned(area, kind="internal", year=2571):
    return lambda w: Assessment.objects.filter(area=getattr(w, area), kind=kind, fiscal_year=year).exists()


def not_planned(area, kind="internal", year=2571):
    return lambda w: not planned(area, kind, year)(w)


def new_plan(area, kind="internal"):
    return lambda w: {"area": getattr(w, area).pk, "fiscal_year": 2571, "catalogue": w.catalogue.pk, "kind": kind,
                      "level_applied_for": 1}  # fmt: skip


def places_are(text):
    return lambda w: Assessment.objects.get(pk=w.assessment_a1.pk).places == text


def certificate_status(status):
    return lambda w: Certificate.objects.get(pk=w.certificate_a1.pk).status == status


def number(attribute="certificate_a1"):
    return lambda w: {"number": getattr(w, attribute).number}


UNKNOWN = lambda w: {"number": "EIT-2569-9999"}  # noqa: E731

ROWS = [
    # Assessments: list, plan, read, steps.
    *rows("GET", "audits:assessment_list", LISTS),
    *rows("GET", "audits:assessment_list", {"auditor_free": 200}, query="status=planned"),
    *rows("GET", "audits:assessment_add", NO_ROLE | {"diw_admin": 200, "officer_a": 200, "officer_b": 200}),
    Row("officer_a", "POST", "audits:assessment_add", 302, data=new_plan("area_a2"), check=planned("area_a2")),
    Row("officer_b", "POST", "audits:assessment_add", 200, data=new_plan("area_a2"), check=not_planned("area_a2")),
    # Escalation: only DIW plans an external audit.
    Row(
        "officer_a",
        "POST",
        "audits:assessment_add",
        403,
        data=new_plan("area_a2", "external"),
        check=not_planned("area_a2", "external"),
    ),
    Row(
        "diw_admin",
        "POST",
        "audits:assessment_add",
        302,
        data=new_plan("area_a2", "external"),
        check=planned("area_a2", "external"),
    ),
    *rows(
        "POST",
        "audits:assessment_add",
        {"auditor_a1": 403, "secretary_a1": 403, "anonymous": 302},
        data=new_plan("area_a1"),
        check=not_planned("area_a1"),
    ),
    *rows("GET", "audits:assessment_detail", READ_A1, target="assessment_a1"),
    *rows("GET", "audits:assessment_detail", READ_EXTERNAL_A1, target="external_a1"),
    *rows(
        "GET",
        "audits:assessment_report",
        {"officer_a": 200, "officer_b": 404, "auditor_excluded": 404, "public": 403},
        target="assessment_a1",
    ),
    *rows("GET", "audits:assessment_history", READ_A1 | {"public": 403}, target="assessment_a1"),
    *rows("GET", "audits:assessment_edit", PLANNERS_A1, target="assessment_a1"),
    Row(
        "officer_a",
        "POST",
        "audits:assessment_edit",
        302,
        target="assessment_a1",
        data=lambda w: plan_data(w, places="ศาลากลาง"),
        check=places_are("ศาลากลาง"),
    ),
    *rows(
        "POST",
        "audits:assessment_edit",
        {"officer_b": 404, "auditor_a1": 403, "secretary_a1": 403},
        target="assessment_a1",
        data=lambda w: plan_data(w, places="ศาลากลาง"),
        check=lambda w: not places_are("ศาลากลาง")(w),
    ),
    # Moving the audit out of the officer's province is refused.
    Row(
        "officer_a",
        "POST",
        "audits:assessment_edit",
        200,
        target="assessment_a1",
        data=lambda w: plan_data(w, area=w.area_b1.pk),
        check=lambda w: Assessment.objects.get(pk=w.assessment_a1.pk).area_id == w.area_a1.pk,
    ),
    Row(
        "auditor_a1",
        "POST",
        "audits:assessment_step",
        302,
        target="next_a1",
        data={"step": "start"},
        check=status_of("next_a1", "in_progress"),
    ),
    *rows(
        "POST",
        "audits:assessment_step",
        {"secretary_a1": 302, "external_auditor": 404, "auditor_free": 404, "operator": 403, "anonymous": 302},
        target="next_a1",
        data={"step": "start"},
        check=status_of("next_a1", "planned"),
    ),
    # The team: the province manages it; the conflicted auditor is refused (the page says why).
    *rows("GET", "audits:auditteammember_add", PLANNERS_A1, target="assessment_a1"),
    Row(
        "officer_a",
        "POST",
        "audits:auditteammember_add",
        302,
        target="assessment_a1",
        data=lambda w: {"user": w.auditor_free.pk, "role": "auditor"},
        check=on_team("auditor_free"),
    ),
    Row(
        "officer_a",
        "POST",
        "audits:auditteammember_add",
        200,
        target="assessment_a1",
        data=lambda w: {"user": w.auditor_excluded.pk, "role": "auditor"},
        check=not_on_team("auditor_excluded"),
    ),
    *rows(
        "POST",
        "audits:auditteammember_add",
        {"officer_b": 404, "auditor_a1": 403, "anonymous": 302},
        target="assessment_a1",
        data=lambda w: {"user": w.auditor_free.pk, "role": "auditor"},
        check=not_on_team("auditor_free"),
    ),
    Row(
        "officer_a",
        "POST",
        "audits:auditteammember_remove",
        302,
        target="lead_next_a1",
        check=lambda w: not AuditTeamMember.objects.filter(pk=w.lead_next_a1.pk).exists(),
    ),
    *rows(
        "POST",
        "audits:auditteammember_remove",
        {"officer_b": 404, "secretary_a1": 403, "auditor_a1": 403},
        target="lead_next_a1",
        check=lambda w: AuditTeamMember.objects.filter(pk=w.lead_next_a1.pk).exists(),
    ),
    # Results: the team records them, against the revision read.
    *rows(
        "GET",
        "audits:requirementresult_record",
        {
            "auditor_a1": 200,
            "diw_admin": 200,
            "auditor_free": 404,
            "auditor_excluded": 404,
            "secretary_a1": 403,
            "officer_a": 403,
            "anonymous": 302,
        },
        target=result_url(),
    ),
    Row(
        "auditor_a1",
        "POST",
        "audits:requirementresult_record",
        302,
        target=result_url(),
        data=result_data("nonconform"),
        check=result_is("nonconform"),
    ),
    Row(
        "auditor_a1",
        "POST",
        "audits:requirementresult_record",
        200,
        target=result_url(),
        data={"result": "nonconform", "revision": 0},
        check=result_is("conform"),
    ),  # a stale form
    *rows(
        "POST",
        "audits:requirementresult_record",
        {"auditor_free": 404, "external_auditor": 404, "secretary_a1": 403, "officer_a": 403},
        target=result_url(),
        data=result_data("nonconform"),
        check=result_is("conform"),
    ),
    # Findings.
    *rows(
        "GET",
        "audits:finding_add",
        {"auditor_a1": 200, "auditor_free": 404, "secretary_a1": 403},
        target="assessment_a1",
    ),
    Row("auditor_a1", "POST", "audits:finding_add", 302, target="assessment_a1", data=FINDING, check=findings_of_a1(3)),
    *rows(
        "POST",
        "audits:finding_add",
        {"external_auditor": 404, "auditor_excluded": 404, "secretary_a1": 403, "officer_a": 403, "anonymous": 302},
        target="assessment_a1",
        data=FINDING,
        check=findings_of_a1(2),
    ),
    *rows("GET", "audits:finding_detail", READ_A1, target="finding_a1"),
    *rows("GET", "audits:finding_history", READ_A1 | {"public": 403}, target="finding_a1"),
    # Corrective actions: the secretariat answers, the team verifies.
    *rows(
        "GET",
        "audits:correctiveaction_add",
        {"secretary_a1": 200, "auditor_a1": 403, "officer_a": 403},
        target="minor_a1",
    ),
    Row(
        "secretary_a1",
        "POST",
        "audits:correctiveaction_add",
        302,
        target="minor_a1",
        data=ACTION,
        check=answered("minor_a1"),
    ),
    Row(
        "secretary_a1",
        "POST",
        "audits:correctiveaction_add",
        404,
        target="finding_b1",
        data=ACTION,
        check=lambda w: CorrectiveAction.objects.filter(finding=w.finding_b1).count() == 1,
    ),
    *rows(
        "POST",
        "audits:correctiveaction_add",
        {"auditor_a1": 403, "officer_a": 403, "anonymous": 302},
        target="minor_a1",
        data=ACTION,
        check=answered("minor_a1", False),
    ),
    Row(
        "auditor_a1",
        "POST",
        "audits:correctiveaction_verify",
        302,
        target="action_a1",
        data={"effective": "yes", "note": "ตรวจแล้ว"},
        check=action_status("effective"),
    ),
    *rows(
        "POST",
        "audits:correctiveaction_verify",
        {"secretary_a1": 403, "external_auditor": 404, "auditor_excluded": 404, "anonymous": 302},
        target="action_a1",
        data={"effective": "yes"},
        check=action_status("proposed"),
    ),
    # Certificates: public; DIW suspends or withdraws.
    *rows("GET", "audits:certificate_list", EVERYONE),
    *rows("GET", "audits:certificate_detail", EVERYONE, target="certificate_a1"),
    *rows("GET", "audits:certificate_history", HISTORY, target="certificate_a1"),
    *rows("GET", "audits:certificate_pdf", {"anonymous": 200}, target="certificate_a1"),
    Row(
        "diw_admin",
        "POST",
        "audits:certificate_step",
        302,
        target="certificate_a1",
        data={"step": "suspend", "reason": "ข้อร้องเรียน"},
        check=certificate_status("suspended"),
    ),
    *rows(
        "POST",
        "audits:certificate_step",
        {"officer_a": 403, "auditor_a1": 403, "public": 403, "anonymous": 302},
        target="certificate_a1",
        data={"step": "suspend", "reason": "x"},
        check=certificate_status("valid"),
    ),
    *rows("GET", "audits:verify", {"anonymous": 200, "public": 200, "operator": 200}, target=number()),
    Row("anonymous", "GET", "audits:verify", 404, target=UNKNOWN),
    *rows("GET", "audits:dashboard", LISTS),
    # API.
    *rows("GET", "api:assessment-list", API_LISTS),
    *rows("GET", "api:assessment-detail", API_READ_A1, target="assessment_a1"),
    *rows("GET", "api:assessment-detail", {"external_auditor": 200, "auditor_excluded": 404}, target="external_a1"),
    *rows(
        "GET",
        "api:assessment-gap",
        {"officer_a": 200, "auditor_a1": 200, "officer_b": 404, "public": 403},
        target="assessment_a1",
    ),
    *rows("GET", "api:requirementresult-list", API_LISTS),
    *rows("GET", "api:requirementresult-detail", API_READ_A1, target="result_a1"),
    Row(
        "auditor_a1",
        "POST",
        "api:requirementresult-list",
        201,
        data=lambda w: {
            "assessment": w.assessment_a1.pk,
            "requirement": w.specific.pk,
            "result": "conform",
            "revision": 0,
        },
        check=lambda w: RequirementResult.objects.filter(assessment=w.assessment_a1, requirement=w.specific).exists(),
    ),
    *rows(
        "POST",
        "api:requirementresult-list",
        {"auditor_free": 404, "secretary_a1": 403, "anonymous": 403},
        data=lambda w: {
            "assessment": w.assessment_a1.pk,
            "requirement": w.specific.pk,
            "result": "conform",
            "revision": 0,
        },
        check=lambda w: not RequirementResult.objects.filter(requirement=w.specific).exists(),
    ),
    Row(
        "auditor_a1",
        "PATCH",
        "api:requirementresult-detail",
        200,
        target="result_a1",
        data=lambda w: {"result": "nonconform", "revision": w.result_a1.revision},
        check=result_is("nonconform"),
    ),
    Row(
        "auditor_a1",
        "PATCH",
        "api:requirementresult-detail",
        409,
        target="result_a1",
        data={"result": "nonconform", "revision": 0},
        check=result_is("conform"),
    ),
    *rows(
        "PATCH",
        "api:requirementresult-detail",
        {"auditor_free": 404, "auditor_excluded": 404, "secretary_a1": 403, "officer_b": 403},
        target="result_a1",
        data=lambda w: {"result": "nonconform", "revision": w.result_a1.revision},
        check=result_is("conform"),
    ),
    *rows("GET", "api:finding-list", API_LISTS),
    *rows("GET", "api:finding-detail", API_READ_A1, target="finding_a1"),
    *rows("GET", "api:correctiveaction-list", API_LISTS),
    *rows("GET", "api:correctiveaction-detail", API_READ_A1, target="action_a1"),
    *rows("GET", "api:certificate-list", EVERYONE),
    *rows("GET", "api:certificate-detail", EVERYONE, target="certificate_a1"),
    *rows("GET", "api:certificate-verify", {"anonymous": 200, "public": 200}, target=number()),
    Row("anonymous", "GET", "api:certificate-verify", 404, target=UNKNOWN),
]
