"""Matrix rows for capacity building. The province's officers and the area's secretariat read their place's
upgrade projects; a consultant reads the projects whose team they are on and the engagements they carry out
(`consultant` is on project A1's team; `consultant_b` on project B1's, out of reach of A1 and vice versa). DIW
records the contract; the consultant's team records deliverables, trainings, study visits and consulting; DIW
alone accepts or returns a deliverable. Nothing is public."""

from ecotown.accounts.testing import PERSONAS
from ecotown.core.testing import Row, rows
from ecotown.support.models import (
    ConsultingEngagement,
    ConsultingVisit,
    Deliverable,
    StudyVisit,
    Training,
    UpgradeProject,
)

ALL = (*PERSONAS, "consultant_b")
NO_ROLE = dict.fromkeys(ALL, 403) | {"anonymous": 302}
READERS = ("diw_admin", "officer_a", "officer_b", "secretary_a1", "consultant", "consultant_b")
LISTS = NO_ROLE | dict.fromkeys(READERS, 200)
API_LISTS = LISTS | {"anonymous": 403}
# Project A1's records: read by DIW, province A, area A1's secretariat and the consultant on the team.
READ_A1 = NO_ROLE | dict.fromkeys(READERS, 200) | {"officer_b": 404, "consultant_b": 404}
API_READ_A1 = READ_A1 | {"anonymous": 403}
# The consultant's team writes A1's work; consultant_b (another project's) gets 404; others hold no grant.
WRITE_A1 = NO_ROLE | {"diw_admin": 200, "consultant": 200, "consultant_b": 404}
HISTORY = READ_A1 | {"consultant": 403, "consultant_b": 403}
DIW_ONLY = NO_ROLE | {"diw_admin": 200}


def pk(attribute):
    return lambda w: {"pk": getattr(w, attribute).pk}


def parent(attribute):
    return lambda w: {"parent_pk": getattr(w, attribute).pk}


def exists(model, **lookups):
    return lambda w: model.objects.filter(**{k: v(w) if callable(v) else v for k, v in lookups.items()}).exists()


def missing(model, **lookups):
    return lambda w: not exists(model, **lookups)(w)


def field_is(model, attribute, name, value):
    return lambda w: getattr(model.objects.get(pk=getattr(w, attribute).pk), name) == value


def field_is_not(model, attribute, name, value):
    return lambda w: not field_is(model, attribute, name, value)(w)


def revision(model, attribute):
    return model.objects.get(pk=attribute.pk).revision


PROJECT_FORMSETS = {"team-TOTAL_FORMS": 0, "team-INITIAL_FORMS": 0, "targets-TOTAL_FORMS": 0,
                    "targets-INITIAL_FORMS": 0}  # fmt: skip


def project_data(w, **changes):
    project = UpgradeProject.objects.get(pk=w.upgrade_a1.pk)
    values = {"title": project.title, "consultant_firm": project.consultant_firm, "area": w.area_a1.pk,
              "target_level": 2, "starts_on": "01/10/2568", "ends_on": "30/09/2569",
              "revision": project.revision}  # fmt: skip
    return values | PROJECT_FORMSETS | changes


NEW_PROJECT = lambda w: project_data(w, title="โครงการใหม่", area=w.area_a2.pk) | {"revision": ""}  # noqa: E731
DELIVERABLE = {"kind": "factory_database", "title": "ฐานข้อมูลโรงงานใหม่", "due_on": "31/03/2569"}


def deliverable_data(w, **changes):
    item = Deliverable.objects.get(pk=w.deliverable_a1.pk)
    return {"kind": item.kind, "title": "ชื่อใหม่", "due_on": "31/01/2569", "revision": item.revision} | changes


FORMSETS_EMPTY = {"attendance-TOTAL_FORMS": 0, "attendance-INITIAL_FORMS": 0}
TRAINING = {"topic": "อบรมใหม่", "held_on": "15/02/2569", "place": "ศาลากลาง", "trainers": "วิทยากร"} | FORMSETS_EMPTY


def training_data(w, **changes):
    training = Training.objects.get(pk=w.training_a1.pk)
    values = {"topic": training.topic, "held_on": "31/10/2568", "place": "ห้องใหม่", "trainers": training.trainers,
              "revision": training.revision}  # fmt: skip
    return values | FORMSETS_EMPTY | changes


VISIT_FORMSETS = {"participants-TOTAL_FORMS": 0, "participants-INITIAL_FORMS": 0}
STUDY_VISIT = {"topics": "ดูงานใหม่", "host_name": "โรงงานต้นแบบใหม่", "visited_on": "15/03/2569"} | VISIT_FORMSETS


def study_visit_data(w, **changes):
    visit = StudyVisit.objects.get(pk=w.study_visit_a1.pk)
    values = {"topics": visit.topics, "host_name": visit.host_name, "visited_on": "30/11/2568", "place": "ระยอง",
              "revision": visit.revision}  # fmt: skip
    return values | VISIT_FORMSETS | changes


def engagement_data(w, **changes):
    values = {"consultant": w.consultant.pk, "factory": w.factory_a1_other.pk, "topics": ["safety", "csr_diw"]}
    return values | changes


def engagement_edit(w, **changes):
    engagement = ConsultingEngagement.objects.get(pk=w.engagement_a1.pk)
    values = {"consultant": w.consultant.pk, "factory": w.factory_a1.pk, "topics": ["energy"], "notes": "แก้ไข",
              "revision": engagement.revision}  # fmt: skip
    return values | changes


VISIT = {"visited_on": "10/03/2569", "hours": "4.5", "findings": "พบ", "recommendations": "แนะนำ"}


def visit_data(w, **changes):
    visit = ConsultingVisit.objects.get(pk=w.visit_a1.pk)
    return VISIT | {"hours": "7", "revision": visit.revision} | changes


ENGAGEMENT_A1 = lambda w: w.engagement_a1  # noqa: E731

ROWS = [
    # Upgrade projects: read in scope; only DIW records the contract.
    *rows("GET", "support:upgradeproject_list", LISTS),
    *rows("GET", "support:upgradeproject_detail", READ_A1, target="upgrade_a1"),
    *rows(
        "GET",
        "support:upgradeproject_detail",
        {"officer_b": 200, "consultant_b": 200, "officer_a": 404, "consultant": 404},
        target="upgrade_b1",
    ),
    *rows("GET", "support:upgradeproject_history", HISTORY, target="upgrade_a1"),
    *rows("GET", "support:upgradeproject_add", DIW_ONLY),
    Row(
        "diw_admin",
        "POST",
        "support:upgradeproject_add",
        302,
        data=NEW_PROJECT,
        check=exists(UpgradeProject, title="โครงการใหม่"),
    ),
    *rows(
        "POST",
        "support:upgradeproject_add",
        {"officer_a": 403, "secretary_a1": 403, "consultant": 403, "anonymous": 302},
        data=NEW_PROJECT,
        check=missing(UpgradeProject, title="โครงการใหม่"),
    ),
    *rows("GET", "support:upgradeproject_edit", DIW_ONLY, target="upgrade_a1"),
    Row(
        "diw_admin",
        "POST",
        "support:upgradeproject_edit",
        302,
        target="upgrade_a1",
        data=lambda w: project_data(w, consultant_firm="บริษัทใหม่"),
        check=field_is(UpgradeProject, "upgrade_a1", "consultant_firm", "บริษัทใหม่"),
    ),
    *rows(
        "POST",
        "support:upgradeproject_edit",
        {"consultant": 403, "officer_a": 403, "consultant_b": 403},
        target="upgrade_a1",
        data=lambda w: project_data(w, consultant_firm="บริษัทใหม่"),
        check=field_is_not(UpgradeProject, "upgrade_a1", "consultant_firm", "บริษัทใหม่"),
    ),
    # Deliverables: the team adds and edits, submits; DIW accepts or returns.
    *rows("GET", "support:deliverable_list", LISTS),
    *rows("GET", "support:deliverable_detail", READ_A1, target="deliverable_a1"),
    *rows("GET", "support:deliverable_history", HISTORY, target="deliverable_a1"),
    *rows("GET", "support:deliverable_add", WRITE_A1, target=parent("upgrade_a1")),
    Row(
        "consultant",
        "POST",
        "support:deliverable_add",
        302,
        target=parent("upgrade_a1"),
        data=DELIVERABLE,
        check=exists(Deliverable, title="ฐานข้อมูลโรงงานใหม่"),
    ),
    *rows(
        "POST",
        "support:deliverable_add",
        {"consultant_b": 404, "officer_a": 403, "secretary_a1": 403},
        target=parent("upgrade_a1"),
        data=DELIVERABLE,
        check=missing(Deliverable, title="ฐานข้อมูลโรงงานใหม่"),
    ),
    *rows("GET", "support:deliverable_edit", WRITE_A1, target="deliverable_a1"),
    Row(
        "consultant",
        "POST",
        "support:deliverable_edit",
        302,
        target="deliverable_a1",
        data=deliverable_data,
        check=field_is(Deliverable, "deliverable_a1", "title", "ชื่อใหม่"),
    ),
    *rows(
        "POST",
        "support:deliverable_edit",
        {"consultant_b": 404, "officer_a": 403},
        target="deliverable_a1",
        data=deliverable_data,
        check=field_is_not(Deliverable, "deliverable_a1", "title", "ชื่อใหม่"),
    ),
    # Moving a deliverable to another project is not offered: the project stays.
    Row(
        "consultant",
        "POST",
        "support:deliverable_edit",
        302,
        target="deliverable_a1",
        data=lambda w: deliverable_data(w, project=w.upgrade_b1.pk),
        check=lambda w: Deliverable.objects.get(pk=w.deliverable_a1.pk).project_id == w.upgrade_a1.pk,
    ),
    Row(
        "consultant",
        "POST",
        "support:deliverable_step",
        302,
        target="deliverable_a1",
        data={"step": "submit"},
        check=field_is(Deliverable, "deliverable_a1", "status", "submitted"),
    ),
    Row(
        "diw_admin",
        "POST",
        "support:deliverable_step",
        302,
        target="submitted_deliverable_a1",
        data={"step": "accept"},
        check=field_is(Deliverable, "submitted_deliverable_a1", "status", "accepted"),
    ),
    # Escalation: the consultant may not accept their own deliverable; nor may the province.
    *rows(
        "POST",
        "support:deliverable_step",
        {"consultant": 403, "officer_a": 403, "consultant_b": 404, "operator": 403, "anonymous": 302},
        target="submitted_deliverable_a1",
        data={"step": "accept"},
        check=field_is(Deliverable, "submitted_deliverable_a1", "status", "submitted"),
    ),
    # Trainings.
    *rows("GET", "support:training_list", LISTS),
    *rows("GET", "support:training_export", LISTS),
    *rows("GET", "support:training_detail", READ_A1, target="training_a1"),
    *rows("GET", "support:training_history", HISTORY, target="training_a1"),
    *rows("GET", "support:training_add", WRITE_A1, target=parent("upgrade_a1")),
    Row(
        "consultant",
        "POST",
        "support:training_add",
        302,
        target=parent("upgrade_a1"),
        data=TRAINING,
        check=exists(Training, topic="อบรมใหม่"),
    ),
    *rows(
        "POST",
        "support:training_add",
        {"consultant_b": 404, "officer_a": 403, "anonymous": 302},
        target=parent("upgrade_a1"),
        data=TRAINING,
        check=missing(Training, topic="อบรมใหม่"),
    ),
    *rows("GET", "support:training_edit", WRITE_A1, target="training_a1"),
    Row(
        "consultant",
        "POST",
        "support:training_edit",
        302,
        target="training_a1",
        data=training_data,
        check=field_is(Training, "training_a1", "place", "ห้องใหม่"),
    ),
    *rows(
        "POST",
        "support:training_edit",
        {"consultant_b": 404, "secretary_a1": 403},
        target="training_a1",
        data=training_data,
        check=field_is_not(Training, "training_a1", "place", "ห้องใหม่"),
    ),
    *rows("GET", "support:training_delete", WRITE_A1, target="training_a1"),
    Row(
        "consultant",
        "POST",
        "support:training_delete",
        302,
        target="training_a1",
        check=missing(Training, pk=lambda w: w.training_a1.pk),
    ),
    *rows(
        "POST",
        "support:training_delete",
        {"consultant_b": 404, "officer_a": 403},
        target="training_a1",
        check=exists(Training, pk=lambda w: w.training_a1.pk),
    ),
    # Study visits.
    *rows("GET", "support:studyvisit_list", LISTS),
    *rows("GET", "support:studyvisit_detail", READ_A1, target="study_visit_a1"),
    *rows("GET", "support:studyvisit_history", HISTORY, target="study_visit_a1"),
    *rows("GET", "support:studyvisit_add", WRITE_A1, target=parent("upgrade_a1")),
    Row(
        "consultant",
        "POST",
        "support:studyvisit_add",
        302,
        target=parent("upgrade_a1"),
        data=STUDY_VISIT,
        check=exists(StudyVisit, topics="ดูงานใหม่"),
    ),
    *rows(
        "POST",
        "support:studyvisit_add",
        {"consultant_b": 404, "officer_a": 403},
        target=parent("upgrade_a1"),
        data=STUDY_VISIT,
        check=missing(StudyVisit, topics="ดูงานใหม่"),
    ),
    *rows("GET", "support:studyvisit_edit", WRITE_A1, target="study_visit_a1"),
    Row(
        "consultant",
        "POST",
        "support:studyvisit_edit",
        302,
        target="study_visit_a1",
        data=study_visit_data,
        check=field_is(StudyVisit, "study_visit_a1", "place", "ระยอง"),
    ),
    *rows(
        "POST",
        "support:studyvisit_edit",
        {"consultant_b": 404, "officer_a": 403},
        target="study_visit_a1",
        data=study_visit_data,
        check=field_is_not(StudyVisit, "study_visit_a1", "place", "ระยอง"),
    ),
    *rows("GET", "support:studyvisit_delete", WRITE_A1, target="study_visit_a1"),
    Row(
        "consultant",
        "POST",
        "support:studyvisit_delete",
        302,
        target="study_visit_a1",
        check=missing(StudyVisit, pk=lambda w: w.study_visit_a1.pk),
    ),
    *rows(
        "POST",
        "support:studyvisit_delete",
        {"consultant_b": 404, "secretary_a1": 403},
        target="study_visit_a1",
        check=exists(StudyVisit, pk=lambda w: w.study_visit_a1.pk),
    ),
    # Consulting engagements and their visits; the consulting report.
    *rows("GET", "support:consultingengagement_list", LISTS),
    *rows("GET", "support:consultingengagement_export", LISTS),
    *rows("GET", "support:consultingengagement_detail", READ_A1, target="engagement_a1"),
    *rows("GET", "support:consultingengagement_report", READ_A1, target="engagement_a1"),
    *rows("GET", "support:consultingengagement_history", HISTORY, target="engagement_a1"),
    *rows("GET", "support:consultingengagement_add", WRITE_A1, target=parent("upgrade_a1")),
    Row(
        "consultant",
        "POST",
        "support:consultingengagement_add",
        302,
        target=parent("upgrade_a1"),
        data=engagement_data,
        check=exists(ConsultingEngagement, factory=lambda w: w.factory_a1_other),
    ),
    *rows(
        "POST",
        "support:consultingengagement_add",
        {"consultant_b": 404, "officer_a": 403},
        target=parent("upgrade_a1"),
        data=engagement_data,
        check=missing(ConsultingEngagement, factory=lambda w: w.factory_a1_other),
    ),
    # A factory of another area is refused (the form offers the model area's factories only).
    Row(
        "consultant",
        "POST",
        "support:consultingengagement_add",
        200,
        target=parent("upgrade_a1"),
        data=lambda w: engagement_data(w, factory=w.factory_b1.pk),
        check=missing(ConsultingEngagement, factory=lambda w: w.factory_b1, project=lambda w: w.upgrade_a1),
    ),
    *rows("GET", "support:consultingengagement_edit", WRITE_A1, target="engagement_a1"),
    Row(
        "consultant",
        "POST",
        "support:consultingengagement_edit",
        302,
        target="engagement_a1",
        data=engagement_edit,
        check=field_is(ConsultingEngagement, "engagement_a1", "notes", "แก้ไข"),
    ),
    *rows(
        "POST",
        "support:consultingengagement_edit",
        {"consultant_b": 404, "officer_a": 403},
        target="engagement_a1",
        data=engagement_edit,
        check=field_is_not(ConsultingEngagement, "engagement_a1", "notes", "แก้ไข"),
    ),
    Row(
        "consultant",
        "POST",
        "support:consultingengagement_issue",
        302,
        target="engagement_a1",
        check=field_is_not(ConsultingEngagement, "engagement_a1", "report_issued_on", None),
    ),
    *rows(
        "POST",
        "support:consultingengagement_issue",
        {"consultant_b": 404, "officer_a": 403, "anonymous": 302},
        target="engagement_a1",
        check=field_is(ConsultingEngagement, "engagement_a1", "report_issued_on", None),
    ),
    *rows("GET", "support:consultingvisit_add", WRITE_A1, target=parent("engagement_a1")),
    Row(
        "consultant",
        "POST",
        "support:consultingvisit_add",
        302,
        target=parent("engagement_a1"),
        data=VISIT,
        check=lambda w: w.engagement_a1.visits.count() == 2,
    ),
    *rows(
        "POST",
        "support:consultingvisit_add",
        {"consultant_b": 404, "officer_a": 403},
        target=parent("engagement_a1"),
        data=VISIT,
        check=lambda w: w.engagement_a1.visits.count() == 1,
    ),
    *rows("GET", "support:consultingvisit_edit", WRITE_A1, target="visit_a1"),
    Row(
        "consultant",
        "POST",
        "support:consultingvisit_edit",
        302,
        target="visit_a1",
        data=visit_data,
        check=lambda w: ConsultingVisit.objects.get(pk=w.visit_a1.pk).hours == 7,
    ),
    *rows(
        "POST",
        "support:consultingvisit_edit",
        {"consultant_b": 404, "officer_a": 403},
        target="visit_a1",
        data=visit_data,
        check=lambda w: ConsultingVisit.objects.get(pk=w.visit_a1.pk).hours == 6,
    ),
    *rows("GET", "support:consultingvisit_delete", WRITE_A1, target="visit_a1"),
    Row(
        "consultant",
        "POST",
        "support:consultingvisit_delete",
        302,
        target="visit_a1",
        check=missing(ConsultingVisit, pk=lambda w: w.visit_a1.pk),
    ),
    *rows(
        "POST",
        "support:consultingvisit_delete",
        {"consultant_b": 404, "officer_a": 403},
        target="visit_a1",
        check=exists(ConsultingVisit, pk=lambda w: w.visit_a1.pk),
    ),
    # API: read only, in scope.
    *rows("GET", "api:upgradeproject-list", API_LISTS),
    *rows("GET", "api:upgradeproject-detail", API_READ_A1, target="upgrade_a1"),
    *rows("GET", "api:deliverable-list", API_LISTS),
    *rows("GET", "api:deliverable-detail", API_READ_A1, target="deliverable_a1"),
    *rows("GET", "api:training-list", API_LISTS),
    *rows("GET", "api:training-detail", API_READ_A1, target="training_a1"),
    *rows("GET", "api:studyvisit-list", API_LISTS),
    *rows("GET", "api:studyvisit-detail", API_READ_A1, target="study_visit_a1"),
    *rows("GET", "api:consultingengagement-list", API_LISTS),
    *rows("GET", "api:consultingengagement-detail", API_READ_A1, target="engagement_a1"),
]
