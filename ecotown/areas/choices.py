from django.db import models
from django.utils.translation import gettext_lazy as _


class AreaKind(models.TextChoices):
    WHOLE_PROVINCE = "province", _("Whole province")
    DISTRICT = "district", _("District")
    SUBDISTRICT = "subdistrict", _("Subdistrict")
    INDUSTRIAL_ESTATE = "industrial_estate", _("Industrial estate, park or zone")
    POLLUTION_CONTROL_ZONE = "pollution_control_zone", _("Pollution-control zone")
    OTHER = "other", _("Other")


class AreaStatus(models.TextChoices):
    """Where an area stands in the programme: candidate → developing → certified at level N → lapsed."""

    CANDIDATE = "candidate", _("Candidate")
    DEVELOPING = "developing", _("Developing")
    CERTIFIED = "certified", _("Certified")
    LAPSED = "lapsed", _("Lapsed")
