from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportStatus(models.TextChoices):
    """Where a report's generation stands: requested, being written by the background worker, ready to download,
    or stopped on an error (the report page says so; a new request starts again)."""

    REQUESTED = "requested", _("Requested")
    RUNNING = "running", _("Being generated")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")
