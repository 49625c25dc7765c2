"""A factory's permits, legal compliance checks, inspections and complaints, and the management systems it holds."""

import datetime

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ecotown.core.models import EcoTownModel, ProgrammeTarget
from ecotown.core.scopes import Scope
from ecotown.factories import choices

EVIDENCE = {"content_type_field": "owner_type", "object_id_field": "owner_id"}
EXPIRING_DAYS = 90


class FactoryRecord(EcoTownModel):
    """A record that belongs to one factory (declared by each subclass with its own related name)."""

    scope = Scope.child_of("factory")
    select_related_fields = ("factory__province",)

    class Meta:
        abstract = True


def _valid_period(start, end, errors, field="valid_until"):
    if start and end and end < start:
        errors[field] = _("The end date comes before the start date.")


class Permit(FactoryRecord):
    """A licence or permit of the factory (ใบอนุญาต): the factory licence ร.ง.4, the permit to take waste off-site
    สก.2, others; with its expiry, so that lapsing permits show before they lapse."""

    factory = models.ForeignKey("factories.Factory", on_delete=models.PROTECT, related_name="permits",
                                verbose_name=_("factory"))  # fmt: skip
    kind = models.CharField(_("kind of permit"), max_length=20, choices=choices.PermitKind.choices)
    number = models.CharField(_("permit number"), max_length=60, blank=True)
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True, help_text=_("Empty: does not expire."))
    issued_by = models.CharField(_("issued by"), max_length=200, blank=True)
    evidence = GenericRelation("core.Evidence", **EVIDENCE)
    history_related = ("evidence",)

    class Meta:
        verbose_name = _("permit")
        verbose_name_plural = _("permits")
        ordering = ["factory", "kind", "-issued_on"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.number}".strip()

    def clean(self):
        errors = {}
        _valid_period(self.issued_on, self.expires_on, errors, "expires_on")
        if errors:
            raise ValidationError(errors)


class ComplianceCheck(FactoryRecord):
    """The result of checking one legal topic at a factory on a date (การตรวจสอบการปฏิบัติตามกฎหมาย): compliant,
    not compliant or not applicable, with evidence. The latest check of each topic is the factory's standing."""

    factory = models.ForeignKey("factories.Factory", on_delete=models.PROTECT, related_name="compliance_checks",
                                verbose_name=_("factory"))  # fmt: skip
    topic = models.CharField(_("topic"), max_length=20, choices=choices.ComplianceTopic.choices)
    result = models.CharField(_("result"), max_length=20, choices=choices.ComplianceResult.choices)
    checked_on = models.DateField(_("checked on"))
    requirement = models.CharField(_("legal requirement"), max_length=300, blank=True,
                                   help_text=_("e.g. ประกาศกระทรวงอุตสาหกรรม เรื่อง กำหนดคุณลักษณะของน้ำทิ้ง"))  # fmt: skip
    evidence = GenericRelation("core.Evidence", **EVIDENCE)
    history_related = ("evidence",)

    class Meta:
        verbose_name = _("compliance check")
        verbose_name_plural = _("compliance checks")
        ordering = ["factory", "topic", "-checked_on"]

    def __str__(self):
        return f"{self.get_topic_display()}: {self.get_result_display()}"


class Inspection(FactoryRecord):
    """An inspection of the factory or a complaint about it (การตรวจโรงงาน / เรื่องร้องเรียน) and what came of it."""

    factory = models.ForeignKey("factories.Factory", on_delete=models.PROTECT, related_name="inspections",
                                verbose_name=_("factory"))  # fmt: skip
    kind = models.CharField(_("kind"), max_length=12, choices=choices.InspectionKind.choices)
    occurred_on = models.DateField(_("date"))
    subject = models.CharField(_("subject"), max_length=300)
    outcome = models.CharField(_("outcome"), max_length=12, choices=choices.InspectionOutcome.choices,
                               default=choices.InspectionOutcome.OPEN)  # fmt: skip
    outcome_details = models.TextField(_("what was found or done"), blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)

    class Meta:
        verbose_name = _("inspection or complaint")
        verbose_name_plural = _("inspections and complaints")
        ordering = ["factory", "-occurred_on"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.subject}"

    def clean(self):
        errors = {}
        _valid_period(self.occurred_on, self.closed_on, errors, "closed_on")
        if errors:
            raise ValidationError(errors)


class Certification(FactoryRecord):
    """A management system certificate or award the factory holds (ISO 14001, ISO 45001, ISO 50001, Green
    Industry level 1–5, CSR-DIW, Eco Factory) and its validity."""

    factory = models.ForeignKey("factories.Factory", on_delete=models.PROTECT, related_name="certifications",
                                verbose_name=_("factory"))  # fmt: skip
    scheme = models.CharField(_("scheme"), max_length=24, choices=choices.Scheme.choices)
    level = models.PositiveSmallIntegerField(
        _("level"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("Green Industry only: 1 commitment … 5 network."),
    )  # fmt: skip
    certificate_number = models.CharField(_("certificate number"), max_length=80, blank=True)
    certified_by = models.CharField(_("certified by"), max_length=200, blank=True)
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True, help_text=_("Empty: no expiry."))
    evidence = GenericRelation("core.Evidence", **EVIDENCE)
    history_related = ("evidence",)

    class Meta:
        verbose_name = _("certification")
        verbose_name_plural = _("certifications")
        ordering = ["factory", "scheme", "-valid_from"]

    def __str__(self):
        label = self.get_scheme_display()
        return f"{label} {self.level}" if self.level else str(label)

    def clean(self):
        errors = {}
        if self.scheme == choices.Scheme.GREEN_INDUSTRY and not self.level:
            errors["level"] = _("Give the Green Industry level (1–5).")
        if self.scheme != choices.Scheme.GREEN_INDUSTRY and self.level:
            errors["level"] = _("Only Green Industry has levels: leave it empty.")
        _valid_period(self.valid_from, self.valid_until, errors)
        if errors:
            raise ValidationError(errors)

    def is_valid_on(self, day: datetime.date | None = None) -> bool:
        day = day or timezone.localdate()
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)


class FactoryTarget(ProgrammeTarget):
    """A programme target about factory data, kept as data with its source (seed 001: an electronic database of
    at least 30 factories in the target area)."""

    class Meta:
        verbose_name = _("factory data target")
        verbose_name_plural = _("factory data targets")
        ordering = ["code"]
