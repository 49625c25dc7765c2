from django.db import models
from django.utils.translation import gettext_lazy as _


class ExchangeStatus(models.TextChoices):
    """Where a candidate exchange stands (issue 18): proposed by the matching, then followed up by the area."""

    PROPOSED = "proposed", _("Proposed")
    CONTACTED = "contacted", _("Contacted")
    TRIAL = "trial", _("On trial")
    REALISED = "realised", _("Realised")
    DROPPED = "dropped", _("Dropped")


class ResourceKind(models.TextChoices):
    """What moves between the two factories: a material in tonnes, water in cubic metres, or heat in MJ."""

    MATERIAL = "material", _("Material")
    WATER = "water", _("Water")
    HEAT = "heat", _("Heat")


class Replaced(models.TextChoices):
    """What an exchange spares: how the supplier's residue was handled before (landfill, incineration or other
    treatment, energy recovery) — the receiver's virgin material is recorded beside it."""

    LANDFILL = "landfill", _("Landfill")
    INCINERATION = "incineration", _("Incineration or treatment")
    ENERGY_RECOVERY = "energy_recovery", _("Energy recovery")
    DISCHARGE = "discharge", _("Discharge or release")
    OTHER = "other", _("Other handling")


UNIT_OF_KIND = {ResourceKind.MATERIAL: "t", ResourceKind.WATER: "m3", ResourceKind.HEAT: "MJ"}
OPEN_STATUSES = (ExchangeStatus.PROPOSED, ExchangeStatus.CONTACTED, ExchangeStatus.TRIAL)
