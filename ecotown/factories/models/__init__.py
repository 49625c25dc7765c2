"""The factory database (ฐานข้อมูลโรงงาน): the registry, compliance and management systems, mass balances."""

from ecotown.factories.models.compliance import Certification, ComplianceCheck, FactoryTarget, Inspection, Permit
from ecotown.factories.models.factory import Factory
from ecotown.factories.models.mass_balance import EmissionFactor, Flow, MassBalance

__all__ = [
    "Certification",
    "ComplianceCheck",
    "EmissionFactor",
    "Factory",
    "FactoryTarget",
    "Flow",
    "Inspection",
    "MassBalance",
    "Permit",
]
