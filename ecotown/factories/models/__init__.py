"""The factory database (ฐานข้อมูลโรงงาน): the registry, compliance and management systems, mass balances."""

from ecotown.factories.models.compliance import Certification, ComplianceCheck, FactoryTarget, Inspection, Permit
from ecotown.factories.models.factory import Factory

__all__ = ["Certification", "ComplianceCheck", "Factory", "FactoryTarget", "Inspection", "Permit"]
