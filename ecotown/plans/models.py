"""Plans at three levels (แผน), their versions, projects (โครงการ), budgets, KPIs and quarterly progress.

A plan belongs to the nation (DIW's national plan), a province (its master plan) or an area (its action plan);
it is the scope root. Its content lives in versions: a version is drafted, submitted, approved by a committee's
resolution and then frozen — a change after approval is a new draft version carrying the projects over.
Progress is reported per project and quarter; a project keeps one `key` across versions, so the progress
recorded under an earlier version still counts for the same project in the next one.
"""

import uuid

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ecotown.core.models import Bilingual, EcoTownModel
from ecotown.core.scopes import Scope
from ecotown.plans import choices

EVIDENCE = {"content_type_field": "owner_type", "object_id_field": "owner_id"}
YEARS = [MinValueValidator(2550), MaxValueValidator(2650)]
PUBLISHED = (choices.VersionStatus.APPROVED, choices.VersionStatus.SUPERSEDED)
# Where each level of plan belongs: the province, the area, or the nation (no place).
PLACE_OF_LEVEL = {
    choices.PlanLevel.NATIONAL: None,
    choices.PlanLevel.PROVINCIAL_MASTER: "province",
    choices.PlanLevel.AREA_ACTION: "area",
}
FROZEN = _("This plan version is {status} and frozen: start a new version to change it.")


def _money(verbose_name, **options):
    return models.DecimalField(verbose_name, max_digits=16, decimal_places=2, **options)


class Plan(Bilingual, EcoTownModel):
    """A plan of the programme for its period (2566–2570 by default, from `areas.Programme`): DIW's national
    EIT action plan, a province's master plan, or an area's action plan."""

    level = models.CharField(_("level of plan"), max_length=20, choices=choices.PlanLevel.choices)
    title_th = models.CharField(_("title (Thai)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    province = models.ForeignKey(
        "geo.Province", on_delete=models.PROTECT, null=True, blank=True, related_name="plans",
        verbose_name=_("province"),
    )  # fmt: skip
    area = models.ForeignKey(
        "areas.Area", on_delete=models.PROTECT, null=True, blank=True, related_name="plans", verbose_name=_("area")
    )
    first_year = models.PositiveSmallIntegerField(_("first fiscal year (B.E.)"), validators=YEARS)
    last_year = models.PositiveSmallIntegerField(_("last fiscal year (B.E.)"), validators=YEARS)
    # Kept by the services: the version in force and the newest one (a draft revision, perhaps).
    approved_version = models.ForeignKey(
        "PlanVersion", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False,
        verbose_name=_("approved version"),
    )  # fmt: skip
    latest_version = models.ForeignKey(
        "PlanVersion", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False,
        verbose_name=_("latest version"),
    )  # fmt: skip

    scope = Scope.root(province=["province", "area__province"], area="area")
    select_related_fields = ("province", "area__province", "approved_version", "latest_version")
    history_related = ("versions",)

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        ordering = ["level", "province__code", "area__code", "pk"]

    def __str__(self):
        return self.title

    @property
    def title(self):
        return self.localised("title")

    @classmethod
    def public_filter(cls) -> Q:
        """The public sees plans with an approved version (issue 14)."""
        return Q(pk__in=PlanVersion.objects.filter(status__in=PUBLISHED).values("plan"))

    @property
    def place(self):
        return self.area or self.province

    @property
    def province_of(self):
        return self.province or (self.area.province if self.area_id else None)

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(range(self.first_year, self.last_year + 1))

    @property
    def shown_version(self):
        return self.approved_version or self.latest_version

    def clean(self):
        errors = {}
        if self.level in choices.PlanLevel.values:
            required = PLACE_OF_LEVEL[self.level]
            for name in ("province", "area"):
                given = getattr(self, f"{name}_id") is not None
                place = self._meta.get_field(name).verbose_name
                if name == required and not given:
                    errors[name] = _("Choose the {place} this plan belongs to.").format(place=place)
                elif name != required and given:
                    errors[name] = _("This level of plan does not belong to a {place}: leave it empty.").format(
                        place=place
                    )
        if self.first_year and self.last_year and self.last_year < self.first_year:
            errors["last_year"] = _("The plan cannot end before it starts.")
        if errors:
            raise ValidationError(errors)


class PlanVersion(EcoTownModel):
    """One version of a plan: drafted, submitted, approved by a committee's resolution (frozen from then on),
    superseded when a later version is approved."""

    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="versions", verbose_name=_("plan"))
    number = models.PositiveSmallIntegerField(_("version"), editable=False)
    status = models.CharField(
        _("status"), max_length=12, choices=choices.VersionStatus.choices, default=choices.VersionStatus.DRAFT,
        editable=False,
    )  # fmt: skip
    summary = models.TextField(_("what this version changes"), blank=True)
    resolution = models.ForeignKey(
        "engagement.Resolution", on_delete=models.PROTECT, null=True, blank=True, related_name="plan_versions",
        editable=False, verbose_name=_("approved by resolution"),
    )  # fmt: skip
    submitted_on = models.DateField(_("submitted on"), null=True, blank=True, editable=False)
    approved_on = models.DateField(_("approved on"), null=True, blank=True, editable=False)

    scope = Scope.child_of("plan")
    select_related_fields = ("plan__province", "plan__area", "resolution__meeting")
    history_related = ("projects",)

    class Meta:
        verbose_name = _("plan version")
        verbose_name_plural = _("plan versions")
        ordering = ["plan", "-number"]
        permissions = [("approve_planversion", _("Approve a plan version by a committee resolution"))]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="plans_planversion_unique_plan_number")]

    def __str__(self):
        return _("{plan}, version {number}").format(plan=self.plan, number=self.number)

    @classmethod
    def public_filter(cls) -> Q:
        return Q(status__in=PUBLISHED)

    @property
    def is_frozen(self) -> bool:
        return self.status != choices.VersionStatus.DRAFT

    def refuse_if_frozen(self) -> None:
        if self.is_frozen:
            raise ValidationError(FROZEN.format(status=self.get_status_display().lower()))


class Project(EcoTownModel):
    """A project (แผนงาน/โครงการ) of a plan version: who leads it, which requirements and targets it serves, its
    budget per fiscal year and source, its KPIs and its dates."""

    version = models.ForeignKey(
        PlanVersion, on_delete=models.PROTECT, related_name="projects", verbose_name=_("plan version")
    )
    key = models.UUIDField(_("project key"), default=uuid.uuid4, editable=False, db_index=True,
                           help_text=_("The same project in every version of the plan."))  # fmt: skip
    code = models.CharField(_("code"), max_length=30, blank=True)
    title = models.CharField(_("project"), max_length=300)
    rationale = models.TextField(_("rationale"), blank=True)
    owner_organisation = models.CharField(_("lead organisation"), max_length=200)
    supporting_organisations = models.CharField(_("supporting organisations"), max_length=300, blank=True)
    requirements = models.ManyToManyField(
        "criteria.Requirement", blank=True, related_name="plan_projects", verbose_name=_("requirements served")
    )
    targets = models.ManyToManyField(
        "targets.Target", blank=True, related_name="plan_projects", verbose_name=_("targets served")
    )
    start_date = models.DateField(_("starts"), null=True, blank=True)
    end_date = models.DateField(_("ends"), null=True, blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    scope = Scope.child_of("version")
    select_related_fields = ("version__plan__area", "version__plan__province")
    history_related = ("budget_lines", "kpis")
    _history_m2m_fields = ["requirements", "targets"]

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["version", "position", "code", "pk"]

    def __str__(self):
        return f"{self.code} {self.title}".strip()

    @classmethod
    def public_filter(cls) -> Q:
        return Q(version__status__in=PUBLISHED)

    def clean(self):
        if self.version_id:
            self.version.refuse_if_frozen()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The project cannot end before it starts.")})


class BudgetLine(EcoTownModel):
    """The budget of a project for one fiscal year from one source (central government, local government,
    private, other)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="budget_lines",
                                verbose_name=_("project"))  # fmt: skip
    fiscal_year = models.PositiveSmallIntegerField(_("fiscal year (B.E.)"), validators=YEARS)
    source = models.CharField(_("source of funds"), max_length=20, choices=choices.BudgetSource.choices)
    amount = _money(_("amount (baht)"), validators=[MinValueValidator(0)])

    scope = Scope.child_of("project")

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["project", "fiscal_year", "source"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "fiscal_year", "source"], name="plans_budgetline_unique_project_fiscal_year_source",
                violation_error_message=_("This project already has a budget from this source for this year."),
            )
        ]  # fmt: skip

    def __str__(self):
        return f"{self.fiscal_year} {self.get_source_display()}: {self.amount:,.2f}"

    def clean(self):
        project = _project_of(self)
        if project is not None:
            project.version.refuse_if_frozen()
            plan = project.version.plan
            if self.fiscal_year and not plan.first_year <= self.fiscal_year <= plan.last_year:
                raise ValidationError(
                    {"fiscal_year": _("The plan runs from {first} to {last}.").format(
                        first=plan.first_year, last=plan.last_year)}
                )  # fmt: skip


class Kpi(EcoTownModel):
    """A KPI of a project (ตัวชี้วัด) with its unit, baseline and target value."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="kpis", verbose_name=_("project"))
    name = models.CharField(_("KPI"), max_length=300)
    unit = models.CharField(_("unit"), max_length=50, blank=True)
    baseline = models.DecimalField(_("baseline"), max_digits=16, decimal_places=4, null=True, blank=True)
    target_value = models.DecimalField(_("target value"), max_digits=16, decimal_places=4)
    target_year = models.PositiveSmallIntegerField(_("by fiscal year (B.E.)"), null=True, blank=True,
                                                   validators=YEARS)  # fmt: skip

    scope = Scope.child_of("project")

    class Meta:
        verbose_name = _("KPI")
        verbose_name_plural = _("KPIs")
        ordering = ["project", "pk"]

    def __str__(self):
        return f"{self.name}: {self.target_value.normalize():f} {self.unit}".strip()

    def clean(self):
        project = _project_of(self)
        if project is not None:
            project.version.refuse_if_frozen()


def _project_of(record):
    """The project of a budget line or KPI, also while both are still unsaved (a new project's formset rows)."""
    try:
        project = record.project
    except ObjectDoesNotExist:
        return None
    return project if project is not None and project.version_id else None


class ProgressReport(EcoTownModel):
    """Progress of a project in one fiscal quarter: percent done, budget spent in the quarter, status, narrative
    and evidence. Reported on projects of the approved version."""

    project = models.ForeignKey(
        Project, on_delete=models.PROTECT, related_name="progress_reports", verbose_name=_("project")
    )
    fiscal_year = models.PositiveSmallIntegerField(_("fiscal year (B.E.)"), validators=YEARS)
    quarter = models.PositiveSmallIntegerField(_("quarter"), choices=choices.Quarter.choices)
    percent_complete = models.PositiveSmallIntegerField(_("percent complete"), validators=[MaxValueValidator(100)])
    spent = _money(_("budget spent in the quarter (baht)"), default=0, validators=[MinValueValidator(0)])
    status = models.CharField(_("status"), max_length=12, choices=choices.ProjectStatus.choices)
    narrative = models.TextField(_("what was done"), blank=True)
    evidence = GenericRelation("core.Evidence", **EVIDENCE)

    scope = Scope.child_of("project")
    select_related_fields = ("project__version__plan",)
    history_related = ("evidence",)

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["project", "-fiscal_year", "-quarter"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "fiscal_year", "quarter"], name="plans_progressreport_unique_project_quarter",
                violation_error_message=_("This project already has a report for this quarter."),
            )
        ]  # fmt: skip

    def __str__(self):
        return _("{project}: Q{quarter}/{year}").format(project=self.project, quarter=self.quarter,
                                                         year=self.fiscal_year)  # fmt: skip

    @classmethod
    def public_filter(cls) -> Q:
        return Q(project__version__status__in=PUBLISHED)

    def evidence_is_public(self, evidence) -> bool:
        return False  # reports' files (lists of participants, receipts) name people: programme staff only

    def clean(self):
        if not self.project_id:
            return
        version = self.project.version
        if version.status != choices.VersionStatus.APPROVED:
            raise ValidationError(_("Report progress on the projects of the approved version of the plan."))
        plan = version.plan
        if self.fiscal_year and not plan.first_year <= self.fiscal_year <= plan.last_year:
            raise ValidationError(
                {"fiscal_year": _("The plan runs from {first} to {last}.").format(
                    first=plan.first_year, last=plan.last_year)}
            )  # fmt: skip
