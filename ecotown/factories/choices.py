from django.db import models
from django.utils.translation import gettext_lazy as _


class FactoryClass(models.TextChoices):
    """จำพวก under the Factory Act: class 1 may operate on its own, class 2 notifies, class 3 needs a licence."""

    ONE = "1", _("Class 1")
    TWO = "2", _("Class 2")
    THREE = "3", _("Class 3")


class OperatingStatus(models.TextChoices):
    """The Ministry's FFLAG codes (research §7.7): 0 licensed, 1 operating, 2 struck off, 3 stopped."""

    LICENSED = "licensed", _("Licensed, not yet operating")
    OPERATING = "operating", _("Operating")
    STRUCK_OFF = "struck_off", _("Struck off the register")
    STOPPED = "stopped", _("Temporarily stopped")


FFLAG_STATUS = {
    "0": OperatingStatus.LICENSED,
    "1": OperatingStatus.OPERATING,
    "2": OperatingStatus.STRUCK_OFF,
    "3": OperatingStatus.STOPPED,
}
