"""Which management systems a factory holds on a day, and the seed's list of factories that lack them.

Seed 001 asks for "the factories that have no environmental or safety management system or are not CSR-DIW
certified". A certificate counts while it is valid on the day; what counts as each kind is in choices
(ENVIRONMENTAL_SCHEMES, GREEN_SYSTEM_LEVEL, SAFETY_SCHEMES, CSR_SCHEMES).
"""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q

from ecotown.factories import choices
from ecotown.factories.models import Certification

EXPIRING_DAYS = 90


@dataclass(frozen=True)
class Standing:
    environmental: bool
    safety: bool
    csr: bool

    @property
    def complete(self) -> bool:
        return self.environmental and self.safety and self.csr


def counts_as(scheme: str, level: int | None) -> set[str]:
    """The kinds of management ("environmental", "safety", "csr") a certificate of `scheme` at `level` shows."""
    kinds = set()
    if scheme in choices.ENVIRONMENTAL_SCHEMES or (
        scheme == choices.Scheme.GREEN_INDUSTRY and (level or 0) >= choices.GREEN_SYSTEM_LEVEL
    ):
        kinds.add("environmental")
    if scheme in choices.SAFETY_SCHEMES:
        kinds.add("safety")
    if scheme in choices.CSR_SCHEMES:
        kinds.add("csr")
    return kinds


def standing(certifications, day: datetime.date) -> Standing:
    """From a factory's certificates (any iterable with scheme, level, valid_from, valid_until)."""
    held = set()
    for certificate in certifications:
        if certificate.valid_from <= day and (certificate.valid_until is None or day <= certificate.valid_until):
            held |= counts_as(certificate.scheme, certificate.level)
    return Standing("environmental" in held, "safety" in held, "csr" in held)


def _valid(day):
    return Q(valid_from__lte=day) & (Q(valid_until__isnull=True) | Q(valid_until__gte=day))


def _holds(day, condition):
    return Exists(Certification.objects.filter(_valid(day), condition, factory=OuterRef("pk")))


def with_standing(factories, day: datetime.date):
    """`factories` annotated with has_environmental, has_safety and has_csr on `day` (three EXISTS subqueries)."""
    environmental = Q(scheme__in=choices.ENVIRONMENTAL_SCHEMES) | Q(
        scheme=choices.Scheme.GREEN_INDUSTRY, level__gte=choices.GREEN_SYSTEM_LEVEL
    )
    return factories.annotate(
        has_environmental=_holds(day, environmental),
        has_safety=_holds(day, Q(scheme__in=choices.SAFETY_SCHEMES)),
        has_csr=_holds(day, Q(scheme__in=choices.CSR_SCHEMES)),
    )


def lacking(factories, day: datetime.date):
    """The factories without environmental or safety management, or without CSR-DIW, on `day`."""
    return with_standing(factories, day).filter(Q(has_environmental=False) | Q(has_safety=False) | Q(has_csr=False))


def expiring(certifications, day: datetime.date, days: int = EXPIRING_DAYS):
    """Certificates valid on `day` that end within `days` (soonest first)."""
    return certifications.filter(
        valid_from__lte=day, valid_until__gte=day, valid_until__lte=day + datetime.timedelta(days=days)
    ).order_by("valid_until")
