from django.db import models
from django.utils.translation import gettext_lazy as _


class PlanLevel(models.TextChoices):
    """The three levels of plans the programme keeps (issue 14): DIW's national plan, a province's master plan
    (แผนแม่บท) and an area's action plan (แผนปฏิบัติการ) that follows it."""

    NATIONAL = "national", _("National plan")
    PROVINCIAL_MASTER = "provincial_master", _("Provincial master plan")
    AREA_ACTION = "area_action", _("Area action plan")


class VersionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for approval")
    APPROVED = "approved", _("Approved")
    SUPERSEDED = "superseded", _("Superseded by a later version")


class BudgetSource(models.TextChoices):
    GOVERNMENT = "government", _("Government budget")
    LOCAL_GOVERNMENT = "local_government", _("Local government")
    PRIVATE = "private", _("Private sector")
    OTHER = "other", _("Other")


class ProjectStatus(models.TextChoices):
    """Where a project stands in a quarter's progress report."""

    NOT_STARTED = "not_started", _("Not started")
    ON_TRACK = "on_track", _("On track")
    DELAYED = "delayed", _("Delayed")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class Quarter(models.IntegerChoices):
    """Thai fiscal quarters: Q1 is October–December."""

    Q1 = 1, _("Q1 (Oct–Dec)")
    Q2 = 2, _("Q2 (Jan–Mar)")
    Q3 = 3, _("Q3 (Apr–Jun)")
    Q4 = 4, _("Q4 (Jul–Sep)")


# Thai names for documents printed in Thai whatever the page language (the plan PDF, the Excel template).
LEVEL_TH = {
    PlanLevel.NATIONAL: "แผนระดับประเทศ",
    PlanLevel.PROVINCIAL_MASTER: "แผนแม่บทระดับจังหวัด",
    PlanLevel.AREA_ACTION: "แผนปฏิบัติการของพื้นที่",
}
