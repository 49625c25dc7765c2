"""Audits and certification (การตรวจประเมินและการรับรอง): assessments, their teams, results, findings,
corrective actions and the certificates the national expert committee's resolutions issue.

An assessment (one area × fiscal year × catalogue version × kind) is the scope root. Auditors reach it through
its team (assigned work, by role) — never one of an area where they have a conflict of interest
(`CONFLICT_PATHS`, extended by other apps through `audits.conflicts.register`). Results, findings and
corrective actions are its children. Certificates are public: anyone may check one at /verify/<number>.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ecotown.accounts.choices import Role
from ecotown.audits import choices
from ecotown.core.models import EcoTownModel
from ecotown.core.scopes import Scope

EVIDENCE = {"content_type_field": "owner_type", "object_id_field": "owner_id"}
AUDITOR_ROLES = (Role.INTERNAL_AUDITOR, Role.EXTERNAL_AUDITOR)
# ISO/IEC 17021-1 5.2 (impartiality): an auditor does not audit an area whose provincial or area committee they
# sit on, nor one they declared a conflict with. Paths from an assessment to the users they exclude.
CONFLICT_PATHS = (
    "area__committees__memberships__user",
    "area__province__committees__memberships__user",
    "area__auditor_conflicts__user",
)


class Assessment(EcoTownModel):
    """An audit (การตรวจประเมิน) of one area for one fiscal year against one catalogue version, with its plan
    (ISO 19011 6.3.2: scope — the levels applied for —, dates, places and agenda)."""

    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="assessments",
                             verbose_name=_("area"))  # fmt: skip
    fiscal_year = models.PositiveSmallIntegerField(
        _("fiscal year (B.E.)"), validators=[MinValueValidator(2560), MaxValueValidator(2700)]
    )
    catalogue = models.ForeignKey("criteria.Catalogue", on_delete=models.PROTECT, related_name="assessments",
                                  verbose_name=_("catalogue version"))  # fmt: skip
    kind = models.CharField(_("kind of audit"), max_length=14, choices=choices.AssessmentKind.choices)
    status = models.CharField(
        _("status"), max_length=12, choices=choices.AssessmentStatus.choices,
        default=choices.AssessmentStatus.PLANNED, editable=False,
    )  # fmt: skip
    level_applied_for = models.PositiveSmallIntegerField(
        _("level applied for"), default=1, validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("The audit's scope: the levels up to this one are audited."),
    )  # fmt: skip
    starts_on = models.DateField(_("audit starts"), null=True, blank=True)
    ends_on = models.DateField(_("audit ends"), null=True, blank=True)
    places = models.TextField(_("places"), blank=True)
    agenda = models.TextField(_("agenda"), blank=True)
    recommended_level = models.PositiveSmallIntegerField(
        _("level recommended by the team"), null=True, blank=True, editable=False,
        help_text=_("Recorded from the level decision when the audit is reviewed."),
    )  # fmt: skip

    scope = Scope.root(
        province="area__province", area="area",
        assigned=dict.fromkeys(AUDITOR_ROLES, "team__user"),
        exclude={role: list(CONFLICT_PATHS) for role in AUDITOR_ROLES},
    )  # fmt: skip
    select_related_fields = ("area__province", "catalogue")
    history_related = ("team", "results", "findings")

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        ordering = ["-fiscal_year", "area__code", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["area", "fiscal_year", "kind"],
                name="audits_assessment_unique_area_fiscal_year_kind",
                violation_error_message=_("This area already has an audit of this kind this fiscal year."),
            )
        ]
        permissions = [
            ("conduct_assessment", _("Do the audit work of an assessment (its team)")),
            ("review_assessment", _("Review and close an assessment")),
            ("plan_external_assessment", _("Plan, review and close external and surveillance audits")),
        ]

    def __str__(self):
        return _("{kind} {year}: {area}").format(kind=self.get_kind_display(), year=self.fiscal_year, area=self.area)

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The audit cannot end before it starts.")})

    @property
    def is_open_for_work(self) -> bool:
        return self.status == choices.AssessmentStatus.IN_PROGRESS


class AuditTeamMember(EcoTownModel):
    """A member of an audit team (คณะผู้ตรวจประเมิน): the lead auditor, an auditor or an observer. Only users holding
    an auditor role, with no conflict of interest with the area (services.add_team_member says why not)."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="team",
                                   verbose_name=_("assessment"))  # fmt: skip
    user = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="audit_teams",
                             verbose_name=_("auditor"))  # fmt: skip
    role = models.CharField(_("role in the team"), max_length=10, choices=choices.TeamRole.choices)

    scope = Scope.child_of("assessment")
    select_related_fields = ("assessment", "user")

    class Meta:
        verbose_name = _("audit team member")
        verbose_name_plural = _("audit team members")
        ordering = ["assessment", "role", "user__username"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "user"], name="audits_auditteammember_unique_user",
                                    violation_error_message=_("This person is already on the team.")),
            models.UniqueConstraint(fields=["assessment"], condition=models.Q(role="lead"),
                                    name="audits_auditteammember_unique_lead",
                                    violation_error_message=_("The team already has a lead auditor.")),
        ]  # fmt: skip

    def __str__(self):
        return f"{self.user.get_full_name() or self.user.username} ({self.get_role_display()})"


class AuditorConflict(EcoTownModel):
    """A declared conflict of interest of an auditor with an area (ISO/IEC 17021-1 5.2), such as having
    consulted one of its factories in the last two years. While recorded, the auditor is kept off the area's
    audits by the scope engine. Other apps (factories' consulting engagements) may record these."""

    user = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="auditor_conflicts",
                             verbose_name=_("auditor"))  # fmt: skip
    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="auditor_conflicts",
                             verbose_name=_("area"))  # fmt: skip
    reason = models.CharField(_("reason"), max_length=300)
    until = models.DateField(_("until"), null=True, blank=True)

    scope = Scope.child_of("area")

    class Meta:
        verbose_name = _("auditor's conflict of interest")
        verbose_name_plural = _("auditors' conflicts of interest")
        ordering = ["area", "user"]

    def __str__(self):
        return f"{self.user} · {self.area}: {self.reason}"


class RequirementResult(EcoTownModel):
    """The result for one applicable requirement in an assessment (ผลการตรวจประเมินรายข้อกำหนด), with notes and
    evidence (files or links to live records, reusable across requirements and years)."""

    assessment = models.ForeignKey(Assessment, on_delete=models.PROTECT, related_name="results",
                                   verbose_name=_("assessment"))  # fmt: skip
    requirement = models.ForeignKey("criteria.Requirement", on_delete=models.PROTECT, related_name="audit_results",
                                    verbose_name=_("requirement"))  # fmt: skip
    result = models.CharField(_("result"), max_length=16, choices=choices.Result.choices)
    reason = models.TextField(_("reason it does not apply"), blank=True)
    evidence = GenericRelation("core.Evidence", **EVIDENCE)

    scope = Scope.child_of("assessment")
    select_related_fields = ("assessment__area", "requirement")
    history_related = ("evidence",)

    class Meta:
        verbose_name = _("requirement result")
        verbose_name_plural = _("requirement results")
        ordering = ["assessment", "requirement__position", "requirement__code"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "requirement"], name="audits_requirementresult_unique",
                                    violation_error_message=_("This requirement already has a result.")),
        ]  # fmt: skip

    def __str__(self):
        return f"{self.requirement.code}: {self.get_result_display()}"

    @property
    def area_id(self):
        return self.assessment.area_id

    @property
    def area(self):
        return self.assessment.area

    def clean(self):
        if self.result == choices.Result.NOT_APPLICABLE and not self.reason.strip():
            raise ValidationError({"reason": _("Say why the requirement does not apply to this area.")})
        if self.requirement_id and self.assessment_id and self.requirement.catalogue_id != self.assessment.catalogue_id:
            raise ValidationError({"requirement": _("The requirement is not in the catalogue version audited.")})


class Finding(EcoTownModel):
    """An audit finding (ข้อพบจากการตรวจประเมิน) on a requirement, with the objective evidence and the criterion
    (ISO 19011 6.4.8). A nonconformity stays open until a corrective action is verified effective."""

    assessment = models.ForeignKey(Assessment, on_delete=models.PROTECT, related_name="findings",
                                   verbose_name=_("assessment"))  # fmt: skip
    requirement = models.ForeignKey("criteria.Requirement", on_delete=models.PROTECT, related_name="audit_findings",
                                    verbose_name=_("requirement"))  # fmt: skip
    grade = models.CharField(_("grade"), max_length=12, choices=choices.Grade.choices)
    statement = models.TextField(_("finding"))
    objective_evidence = models.TextField(_("objective evidence"))
    criterion = models.TextField(_("criterion"), help_text=_("What the requirement asks, as audited."))
    status = models.CharField(_("status"), max_length=8, choices=choices.FindingStatus.choices,
                              default=choices.FindingStatus.OPEN, editable=False)  # fmt: skip
    closed_on = models.DateField(_("closed on"), null=True, blank=True, editable=False)

    scope = Scope.child_of("assessment")
    select_related_fields = ("assessment__area", "requirement")
    history_related = ("corrective_actions",)

    class Meta:
        verbose_name = _("finding")
        verbose_name_plural = _("findings")
        ordering = ["assessment", "requirement__code", "pk"]

    def __str__(self):
        return f"{self.requirement.code} · {self.get_grade_display()}"

    def clean(self):
        if self.requirement_id and self.assessment_id and self.requirement.catalogue_id != self.assessment.catalogue_id:
            raise ValidationError({"requirement": _("The requirement is not in the catalogue version audited.")})

    @property
    def is_nonconformity(self) -> bool:
        return self.grade in choices.NONCONFORMITIES

    @property
    def is_open_major(self) -> bool:
        return self.grade == choices.Grade.MAJOR and self.status == choices.FindingStatus.OPEN


class CorrectiveAction(EcoTownModel):
    """The area's corrective action for a nonconformity (การแก้ไขปฏิบัติการ): root cause, action, who and by when;
    the auditor verifies it effective (which closes the finding) or not effective (a new action is due)."""

    finding = models.ForeignKey(Finding, on_delete=models.PROTECT, related_name="corrective_actions",
                                verbose_name=_("finding"))  # fmt: skip
    root_cause = models.TextField(_("root cause"))
    action = models.TextField(_("corrective action"))
    responsible = models.CharField(_("owner"), max_length=200, help_text=_("Who carries the action out."))
    due_on = models.DateField(_("due date"))
    status = models.CharField(_("status"), max_length=14, choices=choices.ActionStatus.choices,
                              default=choices.ActionStatus.PROPOSED, editable=False)  # fmt: skip
    verified_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="+", editable=False, verbose_name=_("verified by"))  # fmt: skip
    verified_on = models.DateField(_("verified on"), null=True, blank=True, editable=False)
    verification = models.TextField(_("verification"), blank=True, editable=False)

    scope = Scope.child_of("finding")
    select_related_fields = ("finding__requirement", "finding__assessment__area")

    class Meta:
        verbose_name = _("corrective action")
        verbose_name_plural = _("corrective actions")
        ordering = ["finding", "pk"]
        permissions = [("verify_correctiveaction", _("Verify a corrective action"))]

    def __str__(self):
        return _("Corrective action for {finding}").format(finding=self.finding)

    @property
    def is_overdue(self) -> bool:
        return self.status == choices.ActionStatus.PROPOSED and self.due_on < timezone.localdate()


class Certificate(EcoTownModel):
    """A certificate (ใบรับรอง) issued by a resolution of the national expert committee: the area's certified
    level and validity come from these and nothing else. Numbered EIT-<B.E. year>-<NNNN>; public."""

    number = models.CharField(_("certificate number"), max_length=20, unique=True, editable=False)
    year_be = models.PositiveSmallIntegerField(_("year (B.E.)"), editable=False)
    serial = models.PositiveIntegerField(_("serial"), editable=False)
    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="certificates",
                             verbose_name=_("area"))  # fmt: skip
    assessment = models.ForeignKey(Assessment, on_delete=models.PROTECT, related_name="certificates",
                                   verbose_name=_("assessment"))  # fmt: skip
    resolution = models.ForeignKey("engagement.Resolution", on_delete=models.PROTECT, related_name="certificates",
                                   verbose_name=_("resolution"))  # fmt: skip
    level = models.ForeignKey("criteria.Level", on_delete=models.PROTECT, related_name="certificates",
                              verbose_name=_("level"))  # fmt: skip
    valid_from = models.DateField(_("effective date"))
    valid_until = models.DateField(_("valid until"))
    conditions = models.TextField(_("conditions"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=choices.CertificateStatus.choices,
                              default=choices.CertificateStatus.VALID, editable=False)  # fmt: skip
    status_reason = models.TextField(_("reason"), blank=True, editable=False)

    scope = Scope.root(province="area__province", area="area")
    select_related_fields = ("area__province", "level__catalogue", "resolution__meeting__committee")

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-year_be", "-serial"]
        constraints = [
            models.UniqueConstraint(fields=["year_be", "serial"], name="audits_certificate_unique_year_be_serial"),
        ]

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("audits:certificate_detail", kwargs={"pk": self.pk})

    @property
    def state(self) -> str:
        """valid, expired, suspended or withdrawn — what the public verification page says."""
        if self.status == choices.CertificateStatus.VALID and self.valid_until < timezone.localdate():
            return "expired"
        return self.status

    @property
    def is_in_force(self) -> bool:
        return self.state == choices.CertificateStatus.VALID and self.valid_from <= timezone.localdate()
