from django.db import models
from django.utils.translation import gettext_lazy as _


class RequirementKind(models.TextChoices):
    BASIC = "basic", _("Basic requirement")
    GENERAL = "general", _("General requirement")
    SPECIFIC = "specific", _("Specific requirement")


class TargetKind(models.TextChoices):
    """What a requirement's target value (ค่าเป้าหมาย) measures."""

    NUMBER = "number", _("Number with unit")
    PERCENTAGE = "percentage", _("Percentage")
    YES_NO = "yes_no", _("Yes / no")
    COUNT = "count", _("Count")


class Wording(models.TextChoices):
    OFFICIAL = "official", _("Official")
    PROVISIONAL = "provisional", _("Provisional")


class CatalogueStatus(models.TextChoices):
    """A catalogue version's life: uploaded as a draft, in force for the fiscal years it governs, retired."""

    DRAFT = "draft", _("Draft")
    IN_FORCE = "in_force", _("In force")
    RETIRED = "retired", _("Retired")
