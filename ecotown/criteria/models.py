"""The criteria catalogue (เกณฑ์ข้อกำหนด) as versioned data.

A catalogue version is loaded from a YAML file (docs/catalogue-format.md) and never rewritten: a new version is a
new Catalogue row, so targets and assessments recorded under an older version keep pointing at its requirements.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ecotown.core.models import Bilingual, EcoTownModel, ScopedModel, ScopedQuerySet
from ecotown.core.scopes import Scope
from ecotown.core.workflow import Transition, Workflow
from ecotown.criteria.choices import CatalogueStatus, RequirementKind, TargetKind, Wording


class CatalogueQuerySet(ScopedQuerySet):
    def in_force_for(self, fiscal_year: int):
        """Versions that govern `fiscal_year` (B.E.), newest first: in force (or retired) with that year in
        their range. A draft governs nothing."""
        return (
            self.exclude(status=CatalogueStatus.DRAFT)
            .filter(first_fiscal_year__lte=fiscal_year)
            .filter(models.Q(last_fiscal_year__isnull=True) | models.Q(last_fiscal_year__gte=fiscal_year))
            .order_by("-first_fiscal_year", "-pk")
        )


class Catalogue(Bilingual, EcoTownModel):
    """One version of the criteria, e.g. EIT 2022 revision (เกณฑ์ข้อกำหนด ฉบับปรับปรุง พ.ศ. 2565).

    A version is uploaded as a draft, put in force for the fiscal years it governs (from `first_fiscal_year`,
    open-ended until a newer version takes over) and retired when it governs no current year. Pages show, for a
    fiscal year, the version that governs it (CatalogueQuerySet.in_force_for), never merely the newest row.
    """

    code = models.SlugField(_("code"), max_length=40)
    version = models.CharField(_("version"), max_length=20)
    title_th = models.CharField(_("title (Thai)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    effective_date = models.DateField(_("effective date"))
    description_th = models.TextField(_("description (Thai)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    source_sha256 = models.CharField(_("SHA-256 of the source file"), max_length=64)
    loaded = models.DateTimeField(_("loaded"), auto_now_add=True)
    loaded_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("loaded by")
    )
    status = models.CharField(
        _("status"), max_length=16, choices=CatalogueStatus.choices, default=CatalogueStatus.DRAFT, editable=False
    )
    first_fiscal_year = models.PositiveSmallIntegerField(_("first fiscal year governed (B.E.)"), null=True, blank=True)
    last_fiscal_year = models.PositiveSmallIntegerField(
        _("last fiscal year governed (B.E.)"), null=True, blank=True, help_text=_("Empty: until a newer version.")
    )
    effective_date_assumed = models.BooleanField(
        _("effective date assumed"),
        default=False,
        help_text=_("True when no source gives the effective date and the file assumes one."),
    )
    source_is_draft = models.BooleanField(
        _("source marked draft"), default=False, help_text=_("The source document is marked ร่าง (draft).")
    )
    source_note_th = models.TextField(_("note on the source (Thai)"), blank=True)
    source_note_en = models.TextField(_("note on the source (English)"), blank=True)
    declared_totals = models.JSONField(
        _("totals the source declares"),
        default=dict,
        blank=True,
        help_text=_("Requirement counts as the source states them, shown beside the counts loaded."),
    )

    scope = Scope.national()
    objects = CatalogueQuerySet.as_manager()

    class Meta:
        verbose_name = _("criteria catalogue")
        verbose_name_plural = _("criteria catalogues")
        ordering = ["code", "-effective_date"]
        constraints = [
            models.UniqueConstraint(fields=["code", "version"], name="criteria_catalogue_unique_code_version")
        ]

    def __str__(self):
        return f"{self.title} ({self.version})"

    @property
    def title(self):
        return self.localised("title")

    @property
    def source_note(self):
        return self.localised("source_note")

    @property
    def fiscal_years_text(self) -> str:
        if self.first_fiscal_year is None:
            return ""
        return f"{self.first_fiscal_year}–{self.last_fiscal_year or ''}"


class Level(Bilingual, ScopedModel):
    """A level of the catalogue (ระดับ 1–5)."""

    catalogue = models.ForeignKey(
        Catalogue, on_delete=models.CASCADE, related_name="levels", verbose_name=_("catalogue")
    )
    number = models.PositiveSmallIntegerField(_("level"))
    name_th = models.CharField(_("name (Thai)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    description_th = models.TextField(_("description (Thai)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    name_is_provisional = models.BooleanField(
        _("provisional name"), default=False, help_text=_("No source gives this level's name: it is a placeholder.")
    )

    scope = Scope.child_of("catalogue")

    class Meta:
        verbose_name = _("level")
        verbose_name_plural = _("levels")
        ordering = ["catalogue", "number"]
        constraints = [models.UniqueConstraint(fields=["catalogue", "number"], name="criteria_level_unique_number")]

    def __str__(self):
        return f"{self.number} {self.name}"

    @property
    def name(self):
        return self.localised("name")


class Dimension(Bilingual, ScopedModel):
    """One of the five dimensions of development (มิติ): physical, environment, economy, society, management."""

    catalogue = models.ForeignKey(
        Catalogue, on_delete=models.CASCADE, related_name="dimensions", verbose_name=_("catalogue")
    )
    code = models.SlugField(_("code"), max_length=40)
    name_th = models.CharField(_("name (Thai)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    scope = Scope.child_of("catalogue")

    class Meta:
        verbose_name = _("dimension")
        verbose_name_plural = _("dimensions")
        ordering = ["catalogue", "position", "code"]
        constraints = [models.UniqueConstraint(fields=["catalogue", "code"], name="criteria_dimension_unique_code")]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return self.localised("name")


class Requirement(Bilingual, ScopedModel):
    """A requirement (ข้อกำหนด) an area is audited against: conform or not conform."""

    catalogue = models.ForeignKey(
        Catalogue, on_delete=models.CASCADE, related_name="requirements", verbose_name=_("catalogue")
    )
    code = models.CharField(_("code"), max_length=20)
    kind = models.CharField(_("kind"), max_length=16, choices=RequirementKind.choices)
    level = models.ForeignKey(
        Level,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="requirements",
        verbose_name=_("level"),
        help_text=_("Empty for basic requirements, which every area meets before any level."),
    )
    dimensions = models.ManyToManyField(Dimension, related_name="requirements", verbose_name=_("dimensions"))
    title_th = models.CharField(_("title (Thai)"), max_length=500)
    title_en = models.CharField(_("title (English)"), max_length=500, blank=True)
    guidance_th = models.TextField(_("guidance (Thai)"), blank=True)
    guidance_en = models.TextField(_("guidance (English)"), blank=True)
    evidence_th = models.TextField(_("evidence expected (Thai)"), blank=True)
    evidence_en = models.TextField(_("evidence expected (English)"), blank=True)
    wording = models.CharField(_("wording"), max_length=16, choices=Wording.choices, default=Wording.OFFICIAL)
    target_required = models.BooleanField(_("target value required"), default=False)
    target_kind = models.CharField(_("kind of target"), max_length=16, choices=TargetKind.choices, blank=True)
    target_unit = models.CharField(_("unit of the target"), max_length=50, blank=True)
    applies_to_area_kinds = models.JSONField(
        _("applies to kinds of area"),
        default=list,
        blank=True,
        help_text=_("For specific requirements: area kinds it applies to without being selected."),
    )
    position = models.PositiveIntegerField(_("position"), default=0)

    scope = Scope.child_of("catalogue")
    select_related_fields = ("catalogue", "level")
    prefetch_related_fields = ("dimensions",)

    class Meta:
        verbose_name = _("requirement")
        verbose_name_plural = _("requirements")
        ordering = ["catalogue", "position", "code"]
        constraints = [models.UniqueConstraint(fields=["catalogue", "code"], name="criteria_requirement_unique_code")]

    def __str__(self):
        return f"{self.code} {self.title}"

    @property
    def title(self):
        return self.localised("title")

    @property
    def guidance(self):
        return self.localised("guidance")

    @property
    def evidence(self):
        return self.localised("evidence")

    @property
    def is_provisional(self) -> bool:
        return self.wording == Wording.PROVISIONAL

    def applies_to(self, area, selected_ids: set[int] | None = None) -> bool:
        """Basic and general requirements apply to every area; a specific one applies when the area selected
        it or the area's kind is listed. Pass `selected_ids` (ids the area selected) to avoid a query."""
        if self.kind != RequirementKind.SPECIFIC:
            return True
        if area.kind in (self.applies_to_area_kinds or []):
            return True
        if selected_ids is None:
            selected_ids = set(area.requirement_selections.values_list("requirement_id", flat=True))
        return self.pk in selected_ids


class AreaRequirementSelection(EcoTownModel):
    """An area's choice of a specific requirement (ข้อกำหนดเฉพาะ) that fits its context."""

    area = models.ForeignKey(
        "areas.Area", on_delete=models.PROTECT, related_name="requirement_selections", verbose_name=_("area")
    )
    requirement = models.ForeignKey(
        Requirement, on_delete=models.PROTECT, related_name="area_selections", verbose_name=_("requirement")
    )

    scope = Scope.child_of("area")

    class Meta:
        verbose_name = _("selected specific requirement")
        verbose_name_plural = _("selected specific requirements")
        constraints = [
            models.UniqueConstraint(fields=["area", "requirement"], name="criteria_arearequirementselection_unique")
        ]

    def __str__(self):
        return f"{self.area} · {self.requirement.code}"


CATALOGUE_WORKFLOW = Workflow(
    "status",
    Transition("put_in_force", (CatalogueStatus.DRAFT,), CatalogueStatus.IN_FORCE, "criteria.add_catalogue",
               _("Put in force")),
    Transition("retire", (CatalogueStatus.IN_FORCE,), CatalogueStatus.RETIRED, "criteria.add_catalogue",
               _("Retire")),
)  # fmt: skip
