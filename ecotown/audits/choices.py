from django.db import models
from django.utils.translation import gettext_lazy as _


class AssessmentKind(models.TextChoices):
    """The three audits of the yearly cycle (seed 000: internal audit, then external audit by central auditors)."""

    INTERNAL = "internal", _("Internal audit")
    EXTERNAL = "external", _("External audit by central auditors (ผู้ตรวจประเมินจากส่วนกลาง)")
    SURVEILLANCE = "surveillance", _("Yearly surveillance audit")


class AssessmentStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    SUBMITTED = "submitted", _("Submitted")
    REVIEWED = "reviewed", _("Reviewed")
    CLOSED = "closed", _("Closed")


class TeamRole(models.TextChoices):
    """ISO 19011 6.2.4: the audit team has one lead; observers accompany it but do not audit."""

    LEAD = "lead", _("Lead auditor")
    AUDITOR = "auditor", _("Auditor")
    OBSERVER = "observer", _("Observer")


class Result(models.TextChoices):
    """The values `levels.decide` reads."""

    CONFORM = "conform", _("Conforms")
    NONCONFORM = "nonconform", _("Does not conform")
    NOT_APPLICABLE = "not_applicable", _("Not applicable")


class Grade(models.TextChoices):
    """ISO/IEC 17021-1 3.12–3.14 and common audit practice: nonconformities need corrective action."""

    MAJOR = "major", _("Major nonconformity")
    MINOR = "minor", _("Minor nonconformity")
    OBSERVATION = "observation", _("Observation")
    IMPROVEMENT = "improvement", _("Opportunity for improvement")


NONCONFORMITIES = (Grade.MAJOR, Grade.MINOR)


class FindingStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class ActionStatus(models.TextChoices):
    PROPOSED = "proposed", _("Awaiting verification")
    EFFECTIVE = "effective", _("Verified effective")
    NOT_EFFECTIVE = "not_effective", _("Verified not effective")


class CertificateStatus(models.TextChoices):
    VALID = "valid", _("Valid")
    SUSPENDED = "suspended", _("Suspended")
    WITHDRAWN = "withdrawn", _("Withdrawn")
