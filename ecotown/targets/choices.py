from django.db import models
from django.utils.translation import gettext_lazy as _


class Direction(models.TextChoices):
    """Which side of the target value counts as success."""

    AT_LEAST = "at_least", _("At least (higher is better)")
    AT_MOST = "at_most", _("At most (lower is better)")
    EXACTLY = "exactly", _("Exactly")


class TargetStatus(models.TextChoices):
    """Where one requirement stands in one fiscal year."""

    MET = "met", _("Met")
    MISSED = "missed", _("Missed")
    AWAITING = "awaiting", _("Awaiting result")
    MISSING = "missing", _("No target set")
