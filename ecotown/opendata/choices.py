from django.db import models
from django.utils.translation import gettext_lazy as _


class Trigger(models.TextChoices):
    """What made a snapshot: the nightly run, a DIW administrator's button, or the demo data."""

    NIGHTLY = "nightly", _("Nightly run")
    ON_DEMAND = "on_demand", _("On demand")
    DEMO = "demo", _("Demo data")


class FileFormat(models.TextChoices):
    CSV = "csv", "CSV"
    JSON = "json", "JSON"
