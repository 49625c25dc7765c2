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


class PermitKind(models.TextChoices):
    FACTORY_LICENCE = "licence", _("Factory licence (ร.ง.4)")
    WASTE_REMOVAL = "waste_removal", _("Permit to take waste off-site (สก.2)")
    OTHER = "other", _("Other permit")


class ComplianceTopic(models.TextChoices):
    WASTEWATER = "wastewater", _("Wastewater")
    AIR = "air", _("Air emissions")
    HAZARDOUS = "hazardous", _("Hazardous substances")
    WASTE = "waste", _("Industrial waste")
    SAFETY = "safety", _("Safety")


class ComplianceResult(models.TextChoices):
    COMPLIANT = "compliant", _("Compliant")
    NOT_COMPLIANT = "not_compliant", _("Not compliant")
    NOT_APPLICABLE = "not_applicable", _("Not applicable")


class InspectionKind(models.TextChoices):
    INSPECTION = "inspection", _("Inspection")
    COMPLAINT = "complaint", _("Complaint")


class InspectionOutcome(models.TextChoices):
    OPEN = "open", _("Open")
    NO_FINDING = "no_finding", _("No finding")
    ORDER = "order", _("Order to correct")
    CORRECTED = "corrected", _("Corrected")


class Scheme(models.TextChoices):
    """Management systems and awards a factory may hold (research §7.3, §7.4)."""

    ISO_14001 = "iso14001", _("ISO 14001 environmental management")
    ISO_45001 = "iso45001", _("ISO 45001 / มอก. 18001 safety and health")
    ISO_50001 = "iso50001", _("ISO 50001 energy management")
    GREEN_INDUSTRY = "green_industry", _("Green Industry")
    CSR_DIW = "csr_diw", _("CSR-DIW")
    CSR_DIW_CONTINUOUS = "csr_diw_continuous", _("CSR-DIW Continuous")
    ECO_FACTORY = "eco_factory", _("Eco Factory")


# What counts as each kind of management in the seed's list (seed 001: "no environmental/safety management or
# not CSR-DIW"). Green Industry counts as environmental management from level 3, "Green System" (systematic
# environmental management, research §7.3); levels 1–2 are commitment and activities, not a system.
ENVIRONMENTAL_SCHEMES = (Scheme.ISO_14001, Scheme.ECO_FACTORY)
GREEN_SYSTEM_LEVEL = 3
SAFETY_SCHEMES = (Scheme.ISO_45001,)
CSR_SCHEMES = (Scheme.CSR_DIW, Scheme.CSR_DIW_CONTINUOUS)


class MassBalanceStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for review")
    ACCEPTED = "accepted", _("Accepted")
    RETURNED = "returned", _("Returned for correction")


class FlowDirection(models.TextChoices):
    IN = "in", _("In")
    OUT = "out", _("Out")


class FlowCategory(models.TextChoices):
    RAW_MATERIAL = "raw_material", _("Raw material")
    WATER = "water", _("Water")
    ENERGY = "energy", _("Energy and fuel")
    PRODUCT = "product", _("Product")
    BY_PRODUCT = "by_product", _("By-product")
    WASTE = "waste", _("Waste")
    WASTEWATER = "wastewater", _("Wastewater")
    EMISSION = "emission", _("Air emission")


class WasteRoute(models.TextChoices):
    REUSE = "reuse", _("Reuse")
    RECYCLE = "recycle", _("Recycle")
    ENERGY_RECOVERY = "energy_recovery", _("Energy recovery")
    TREATMENT = "treatment", _("Treatment")
    LANDFILL = "landfill", _("Landfill")


class Unit(models.TextChoices):
    TONNE = "t", _("tonnes")
    KILOGRAM = "kg", _("kilograms")
    CUBIC_METRE = "m3", _("cubic metres")
    LITRE = "L", _("litres")
    KWH = "kWh", _("kilowatt-hours")
    MJ = "MJ", _("megajoules")


# Base unit per quantity (docs/mass-balance.md): masses in tonnes; water and wastewater by volume counted at
# 1 t/m³; energy is not mass and stays out of the mass balance (it feeds the GHG figures instead).
TO_TONNES = {Unit.TONNE: 1.0, Unit.KILOGRAM: 0.001}
WATER_TONNES_PER_M3 = 1.0
