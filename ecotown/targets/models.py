"""Target values (ค่าเป้าหมาย) an area sets per requirement and fiscal year, and the results it records."""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ecotown.core.models import EcoTownModel
from ecotown.core.scopes import Scope
from ecotown.targets import evaluation
from ecotown.targets.choices import Direction

FIRST_YEAR, LAST_YEAR = 2560, 2600
YEAR_VALIDATORS = [MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]
YEAR_HELP = _("Buddhist Era, e.g. 2569.")


def _value_field(verbose_name, **options):
    return models.DecimalField(verbose_name, max_digits=16, decimal_places=4, **options)


class Target(EcoTownModel):
    """The value an area commits to reach for one requirement in one fiscal year (ค่าเป้าหมาย).

    The seed asks for a target on every requirement ("ค่าเป้าหมาย ในแต่ละข้อกำหนด"): any requirement with a kind
    of target may have one, whether the catalogue requires it or not. Its result (Actual) and evidence belong
    to it and show on its history.
    """

    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="targets", verbose_name=_("area"))
    requirement = models.ForeignKey(
        "criteria.Requirement", on_delete=models.PROTECT, related_name="targets", verbose_name=_("requirement")
    )
    fiscal_year = models.PositiveSmallIntegerField(
        _("fiscal year (B.E.)"), validators=YEAR_VALIDATORS, help_text=YEAR_HELP
    )
    baseline_value = _value_field(_("baseline value"), null=True, blank=True)
    baseline_year = models.PositiveSmallIntegerField(
        _("baseline year (B.E.)"), null=True, blank=True, validators=[MinValueValidator(2500), *YEAR_VALIDATORS[1:]]
    )
    target_value = _value_field(_("target value"), help_text=_("For a yes/no target: 1 for yes, 0 for no."))
    direction = models.CharField(_("direction"), max_length=16, choices=Direction.choices, default=Direction.AT_LEAST)
    unit = models.CharField(_("unit"), max_length=50, blank=True, help_text=_("Empty: the requirement's unit."))
    data_source = models.CharField(_("data source"), max_length=300, blank=True)
    evidence = GenericRelation("core.Evidence", content_type_field="owner_type", object_id_field="owner_id")
    approved_by = models.ForeignKey(
        "engagement.Resolution", on_delete=models.PROTECT, null=True, blank=True, editable=False,
        related_name="approved_targets", verbose_name=_("approved by resolution"),
    )  # fmt: skip

    scope = Scope.child_of("area")
    history_related = ("actual", "evidence")
    select_related_fields = ("area__province", "requirement__catalogue", "actual")

    class Meta:
        verbose_name = _("target value")
        verbose_name_plural = _("target values")
        ordering = ["area", "requirement", "fiscal_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["area", "requirement", "fiscal_year"], name="targets_target_unique_area_requirement_fiscal_year"
            )
        ]

    def __str__(self):
        return f"{self.requirement.code} · {self.fiscal_year}"

    @property
    def kind(self) -> str:
        return self.requirement.target_kind

    def clean(self):
        errors = {**self.requirement_errors(), **self.value_errors()}
        if errors:
            raise ValidationError(errors)

    def requirement_errors(self, selected_ids: set[int] | None = None) -> dict:
        """Pass `selected_ids` (the area's selected specific requirements) to check many rows without queries."""
        requirement = self.requirement if self.requirement_id else None
        if requirement is None:
            return {}
        if not requirement.target_kind:
            return {
                "requirement": _("Requirement {code} has no kind of target set in the catalogue.").format(
                    code=requirement.code
                )
            }
        if not requirement.catalogue_id:
            return {"requirement": _("The requirement must belong to a criteria catalogue.")}
        if self.area_id and not requirement.applies_to(self.area, selected_ids):
            return {
                "requirement": _(
                    "Requirement {code} does not apply to this area: select it for the area first."
                ).format(code=requirement.code)
            }
        return {}

    def value_errors(self) -> dict:
        errors = {}
        kind = self.requirement.target_kind if self.requirement_id else ""
        for name in ("target_value", "baseline_value"):
            message = evaluation.value_error(getattr(self, name), kind)
            if message:
                errors[name] = message
        if self.baseline_year and self.fiscal_year and self.baseline_year > self.fiscal_year:
            errors["baseline_year"] = _("The baseline year cannot come after the fiscal year of the target.")
        if self.baseline_year and self.baseline_value is None:
            errors["baseline_value"] = _("Give the baseline value for the baseline year.")
        return errors

    # What a committee approves: changing any of these withdraws the approval until a resolution approves again.
    APPROVED_TERMS = ("target_value", "direction", "unit", "baseline_value", "baseline_year")

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        target = super().from_db(db, field_names, values, **kwargs)
        target._approved_terms = target.approved_terms()
        return target

    def approved_terms(self) -> tuple:
        return tuple(getattr(self, name, None) for name in self.APPROVED_TERMS)

    def save(self, *args, **kwargs):
        if not self.unit and self.requirement_id:
            self.unit = self.requirement.target_unit
            if "update_fields" in kwargs and kwargs["update_fields"] is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "unit"}
        loaded = getattr(self, "_approved_terms", None)
        if self.approved_by_id and loaded is not None and loaded != self.approved_terms():
            self.approved_by = None
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "approved_by"}
        super().save(*args, **kwargs)
        self._approved_terms = self.approved_terms()


class Actual(EcoTownModel):
    """What the area achieved against one target (ผลการดำเนินงาน), with its evidence."""

    target = models.OneToOneField(Target, on_delete=models.PROTECT, related_name="actual", verbose_name=_("target"))
    value = _value_field(_("actual value"), help_text=_("For a yes/no target: 1 for yes, 0 for no."))
    evidence_url = models.URLField(
        _("web page as evidence"), blank=True, help_text=_("A page outside EcoTown; files and records go in evidence.")
    )
    recorded_on = models.DateField(_("recorded on"), default=timezone.localdate)

    scope = Scope.child_of("target")
    select_related_fields = ("target",)

    class Meta:
        verbose_name = _("actual value")
        verbose_name_plural = _("actual values")
        ordering = ["target"]

    def __str__(self):
        return f"{self.target} = {self.value}"

    def get_absolute_url(self):
        return self.target.get_absolute_url()

    def clean(self):
        if self.target_id is None:
            return
        message = evaluation.value_error(self.value, self.target.kind)
        if message:
            raise ValidationError({"value": message})

    @property
    def is_met(self) -> bool | None:
        target = self.target
        return evaluation.is_met(target.target_value, self.value, target.kind, target.direction)
