"""Capacity building under an upgrade project (การพัฒนาศักยภาพ, seed 001 5.6): the DIW contract that raises a model
area (its terms of reference, consultant team, targets and deliverables), trainings with their attendance, study
visits to model factories, and in-depth consulting engagements with their visits and man-days.

The upgrade project is a scope root reached by its area's province and secretariat and by the consultants on its
team; a consulting engagement is a root of its own, so that a consultant also reaches the engagements they carry
out (and, through `Factory.scope`, those engagements' factories).
"""

import datetime
from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.fields.related_lookups import RelatedExact
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ecotown.accounts.choices import Role
from ecotown.core.dates import format_be
from ecotown.core.models import EcoTownModel
from ecotown.core.scopes import Scope
from ecotown.support import choices

EVIDENCE = {"content_type_field": "owner_type", "object_id_field": "owner_id"}
# ISO/IEC 17021-1 5.2 as issue 16 words it: an auditor who consulted one of an area's factories in the last two
# years may not audit the area.
CONFLICT_YEARS = 2


def hours_per_man_day() -> Decimal:
    """1 man-day = 6 hours unless SUPPORT_HOURS_PER_MAN_DAY says otherwise (issue 17)."""
    return Decimal(str(getattr(settings, "SUPPORT_HOURS_PER_MAN_DAY", 6)))


class UpgradeProject(EcoTownModel):
    """A DIW contract to raise a model area (โครงการยกระดับพื้นที่): its terms of reference (evidence), the consultant
    firm and team, the period, the area it raises and the level it aims at, its targets and its deliverables."""

    contract_number = models.CharField(_("contract number"), max_length=60, blank=True)
    title = models.CharField(_("project title"), max_length=300)
    consultant_firm = models.CharField(_("consultant firm"), max_length=200)
    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="upgrade_projects",
                             verbose_name=_("model area"))  # fmt: skip
    target_level = models.PositiveSmallIntegerField(
        _("target level"), default=2, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"))
    evidence = GenericRelation("core.Evidence", **EVIDENCE)

    scope = Scope.root(province="area__province", area="area", assigned={Role.CONSULTANT: "team__user"})
    select_related_fields = ("area__province",)
    history_related = ("team", "targets", "evidence")

    class Meta:
        verbose_name = _("upgrade project")
        verbose_name_plural = _("upgrade projects")
        ordering = ["-starts_on", "pk"]

    def __str__(self):
        return self.title

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The project cannot end before it starts.")})


class ProjectTeamMember(EcoTownModel):
    """A member of the consultant's team named in the contract; linked to their account (with the consultant role)
    when they have one, which lets them record the project's work."""

    project = models.ForeignKey(UpgradeProject, on_delete=models.CASCADE, related_name="team",
                                verbose_name=_("upgrade project"))  # fmt: skip
    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position in the team"), max_length=20, choices=choices.TeamPosition.choices)
    user = models.ForeignKey("accounts.User", on_delete=models.PROTECT, null=True, blank=True,
                             related_name="upgrade_teams", verbose_name=_("account"))  # fmt: skip

    scope = Scope.child_of("project")

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        ordering = ["project", "position", "name"]

    def __str__(self):
        return f"{self.name} ({self.get_position_display()})"


class ProjectTarget(EcoTownModel):
    """A target from the terms of reference, kept as data (seed 001: ≥ 30 factories trained, ≥ 30 on study visits,
    ≥ 60 consulting man-days, ≥ 2 meetings per province, ≥ 50 workshop participants)."""

    project = models.ForeignKey(UpgradeProject, on_delete=models.CASCADE, related_name="targets",
                                verbose_name=_("upgrade project"))  # fmt: skip
    measure = models.CharField(_("measure"), max_length=30, choices=choices.Measure.choices)
    value = models.PositiveIntegerField(_("target value"))
    source = models.CharField(_("clause of the terms of reference"), max_length=100, blank=True)

    scope = Scope.child_of("project")

    class Meta:
        verbose_name = _("project target")
        verbose_name_plural = _("project targets")
        ordering = ["project", "measure"]
        constraints = [
            models.UniqueConstraint(fields=["project", "measure"], name="support_projecttarget_unique_project_measure",
                                    violation_error_message=_("This project already has a target for this measure."))
        ]  # fmt: skip

    def __str__(self):
        return f"{self.get_measure_display()} ≥ {self.value}"


class Deliverable(EcoTownModel):
    """A deliverable of the contract with its due date (inception report, action plans, the factory database,
    training, study visits, consulting reports, the upgrade report): submitted by the consultant, accepted or
    returned with comments by DIW, resubmitted after a return. Files are its evidence."""

    project = models.ForeignKey(UpgradeProject, on_delete=models.PROTECT, related_name="deliverables",
                                verbose_name=_("upgrade project"))  # fmt: skip
    kind = models.CharField(_("kind of deliverable"), max_length=24, choices=choices.DeliverableKind.choices)
    title = models.CharField(_("title"), max_length=300, blank=True)
    due_on = models.DateField(_("due date"))
    status = models.CharField(_("status"), max_length=10, choices=choices.DeliverableStatus.choices,
                              default=choices.DeliverableStatus.DRAFT, editable=False)  # fmt: skip
    submitted_on = models.DateField(_("submitted on"), null=True, blank=True, editable=False)
    accepted_on = models.DateField(_("accepted on"), null=True, blank=True, editable=False)
    comments = models.TextField(_("DIW's comments"), blank=True, editable=False)
    evidence = GenericRelation("core.Evidence", **EVIDENCE)

    scope = Scope.child_of("project")
    select_related_fields = ("project__area__province",)
    history_related = ("evidence",)

    class Meta:
        verbose_name = _("deliverable")
        verbose_name_plural = _("deliverables")
        ordering = ["project", "due_on", "pk"]
        permissions = [("review_deliverable", _("Accept or return a deliverable (DIW)"))]

    def __str__(self):
        return self.title or self.get_kind_display()

    @property
    def is_overdue(self) -> bool:
        return self.status != choices.DeliverableStatus.ACCEPTED and self.due_on < timezone.localdate()


class Training(EcoTownModel):
    """A training (การฝึกอบรม) of factory staff under the project: topic, date, place, trainers, materials, who
    attended from which factory, and the post-training evaluation score."""

    project = models.ForeignKey(UpgradeProject, on_delete=models.PROTECT, related_name="trainings",
                                verbose_name=_("upgrade project"))  # fmt: skip
    topic = models.CharField(_("topic"), max_length=300)
    held_on = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=300)
    trainers = models.CharField(_("trainers"), max_length=300)
    materials = models.TextField(_("materials"), blank=True)
    evaluation_score = models.DecimalField(
        _("post-training evaluation score (out of 5)"), max_digits=3, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(5)],
    )  # fmt: skip
    evidence = GenericRelation("core.Evidence", **EVIDENCE)

    scope = Scope.child_of("project")
    select_related_fields = ("project__area__province",)
    history_related = ("attendance", "evidence")

    class Meta:
        verbose_name = _("training")
        verbose_name_plural = _("trainings")
        ordering = ["-held_on", "pk"]

    def __str__(self):
        return self.topic


class TrainingAttendance(EcoTownModel):
    """One person from one factory at a training."""

    training = models.ForeignKey(Training, on_delete=models.CASCADE, related_name="attendance",
                                 verbose_name=_("training"))  # fmt: skip
    factory = models.ForeignKey("factories.Factory", on_delete=models.PROTECT, related_name="training_attendance",
                                verbose_name=_("factory"))  # fmt: skip
    person_name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position"), max_length=200, blank=True)

    scope = Scope.child_of("training")

    class Meta:
        verbose_name = _("training attendance")
        verbose_name_plural = _("training attendance")
        ordering = ["training", "factory", "person_name"]

    def __str__(self):
        return f"{self.person_name} · {self.factory}"


class StudyVisit(EcoTownModel):
    """A study visit to a model factory (ศึกษาดูงานโรงงานต้นแบบ): the host, the topics (environmental management,
    safety, social responsibility), and the factories and people who went."""

    project = models.ForeignKey(UpgradeProject, on_delete=models.PROTECT, related_name="study_visits",
                                verbose_name=_("upgrade project"))  # fmt: skip
    host_factory = models.ForeignKey("factories.Factory", on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="hosted_study_visits", verbose_name=_("host factory"))  # fmt: skip
    host_name = models.CharField(_("host (when not in the register)"), max_length=300, blank=True)
    topics = models.CharField(_("topics"), max_length=300)
    visited_on = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=300, blank=True)

    scope = Scope.child_of("project")
    select_related_fields = ("project__area__province", "host_factory")
    history_related = ("participants",)

    class Meta:
        verbose_name = _("study visit")
        verbose_name_plural = _("study visits")
        ordering = ["-visited_on", "pk"]

    def __str__(self):
        return _("Study visit to {host}").format(host=self.host)

    @property
    def host(self):
        return self.host_factory or self.host_name

    def clean(self):
        if not self.host_factory_id and not self.host_name.strip():
            raise ValidationError({"host_name": _("Choose the host factory or write its name.")})


class StudyVisitParticipant(EcoTownModel):
    """One person from one factory on a study visit."""

    visit = models.ForeignKey(StudyVisit, on_delete=models.CASCADE, related_name="participants",
                              verbose_name=_("study visit"))  # fmt: skip
    factory = models.ForeignKey("factories.Factory", on_delete=models.PROTECT, related_name="study_visits",
                                verbose_name=_("factory"))  # fmt: skip
    person_name = models.CharField(_("name"), max_length=200)

    scope = Scope.child_of("visit")

    class Meta:
        verbose_name = _("study visit participant")
        verbose_name_plural = _("study visit participants")
        ordering = ["visit", "factory", "person_name"]

    def __str__(self):
        return f"{self.person_name} · {self.factory}"


class RecentlyConsulted(RelatedExact):
    """`recent_consultant=user`: the engagement's consultant is `user` and they visited the factory within the last
    CONFLICT_YEARS years. The scope engine's exclusion paths compare a path with the user; this lookup puts the
    time window on the same comparison, so the conflict ends by itself two years after the last visit."""

    def as_sql(self, compiler, connection):
        sql, params = super().as_sql(compiler, connection)
        column = f"{compiler.quote_name(self.lhs.alias)}.{connection.ops.quote_name('last_visit_on')}"
        return f"({sql} AND {column} >= %s)", (*params, conflict_since())


def conflict_since(today=None) -> datetime.date:
    today = today or timezone.localdate()
    try:
        return today.replace(year=today.year - CONFLICT_YEARS)
    except ValueError:  # 29 February
        return today.replace(year=today.year - CONFLICT_YEARS, day=28)


class RecentConsultantField(models.ForeignObject):
    """The consultant, as a relation whose equality holds only for engagements with a visit in the last two
    years (see RecentlyConsulted): the path `…consulting_engagements__recent_consultant` is an audit conflict."""

    def get_lookup(self, lookup_name):
        return RecentlyConsulted if lookup_name == "exact" else super().get_lookup(lookup_name)


class ConsultingEngagement(EcoTownModel):
    """In-depth consulting of one factory by one consultant (ที่ปรึกษาเชิงลึก) under the project, on topics from the
    list; its visits give the hours and man-days, and its consulting report is printed from them."""

    project = models.ForeignKey(UpgradeProject, on_delete=models.PROTECT, related_name="consulting_engagements",
                                verbose_name=_("upgrade project"))  # fmt: skip
    consultant = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="consulting_engagements",
                                   verbose_name=_("consultant"))  # fmt: skip
    factory = models.ForeignKey("factories.Factory", on_delete=models.PROTECT, related_name="consulting_engagements",
                                verbose_name=_("factory"))  # fmt: skip
    topics = models.JSONField(_("topics"), default=list)
    last_visit_on = models.DateField(_("last visit"), null=True, blank=True, editable=False)
    report_issued_on = models.DateField(_("consulting report issued on"), null=True, blank=True, editable=False)
    recent_consultant = RecentConsultantField(
        "accounts.User", on_delete=models.DO_NOTHING, from_fields=["consultant"], to_fields=["id"],
        related_name="+", editable=False,
    )  # fmt: skip

    scope = Scope.root(province="project__area__province", area="project__area",
                       assigned={Role.CONSULTANT: ["consultant", "project__team__user"]})  # fmt: skip
    select_related_fields = ("project__area__province", "consultant", "factory")
    history_related = ("visits",)

    class Meta:
        verbose_name = _("consulting engagement")
        verbose_name_plural = _("consulting engagements")
        ordering = ["project", "factory__registration_number", "pk"]
        permissions = [("issue_report_consultingengagement", _("Issue the consulting report of an engagement"))]

    def __str__(self):
        return _("Consulting {factory}").format(factory=self.factory)

    @property
    def topic_labels(self) -> list[str]:
        labels = dict(choices.ConsultingTopic.choices)
        return [str(labels.get(topic, topic)) for topic in self.topics]

    def clean(self):
        topics = self.topics if isinstance(self.topics, list) else None
        if not topics or any(topic not in choices.ConsultingTopic.values for topic in topics):
            raise ValidationError({"topics": _("Choose at least one topic from the list.")})
        errors = {}
        if self.project_id and self.factory_id and not self.factory.areas.filter(pk=self.project.area_id).exists():
            errors["factory"] = _("Choose a factory of the project's model area.")
        if self.project_id and self.consultant_id and not self.project.team.filter(user=self.consultant_id).exists():
            errors["consultant"] = _("The consultant must be on the project's team.")
        if errors:
            raise ValidationError(errors)


class ConsultingVisit(EcoTownModel):
    """One consulting visit: date, hours on site, what was found and what was recommended."""

    engagement = models.ForeignKey(ConsultingEngagement, on_delete=models.PROTECT, related_name="visits",
                                   verbose_name=_("consulting engagement"))  # fmt: skip
    visited_on = models.DateField(_("date"))
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=2,
                                validators=[MinValueValidator(Decimal("0.25")), MaxValueValidator(24)])  # fmt: skip
    findings = models.TextField(_("findings"))
    recommendations = models.TextField(_("recommendations"))

    scope = Scope.child_of("engagement")
    select_related_fields = ("engagement__factory",)

    class Meta:
        verbose_name = _("consulting visit")
        verbose_name_plural = _("consulting visits")
        ordering = ["engagement", "visited_on", "pk"]

    def __str__(self):
        return _("Visit of {day}").format(day=format_be(self.visited_on) if self.visited_on else "")

    def get_absolute_url(self):
        return reverse("support:consultingengagement_detail", kwargs={"pk": self.engagement_id})
