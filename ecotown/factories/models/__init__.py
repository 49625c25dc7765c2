"""The factory database (ฐานข้อมูลโรงงาน): the registry, compliance and management systems, mass balances."""

from ecotown.factories.models.factory import Factory

__all__ = ["Factory"]
