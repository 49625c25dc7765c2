"""Test helpers for target values (catalogues and requirements: ecotown.criteria.testing)."""

import datetime
from decimal import Decimal

from ecotown.targets.models import Actual, Target


def make_target(area, requirement, fiscal_year=2569, target_value=80, actual=None, **fields) -> Target:
    target = Target.objects.create(
        area=area, requirement=requirement, fiscal_year=fiscal_year, target_value=Decimal(target_value), **fields
    )
    if actual is not None:
        Actual.objects.create(target=target, value=Decimal(actual), recorded_on=datetime.date(2026, 9, 1))
    return target


def add_samples(world) -> None:
    """The permission matrix's sample records: a target with a result and a file of evidence in A1 (this
    fiscal year) and a target in B1, on the world's catalogue (criteria.testing.add_samples)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from ecotown.core.dates import current_fiscal_year
    from ecotown.core.evidence import attach_file

    year = current_fiscal_year()
    world.fiscal_year = year
    world.target_a1 = make_target(world.area_a1, world.requirement, year, 80, actual=70)
    world.target_b1 = make_target(world.area_b1, world.requirement, year, 60)
    pdf = SimpleUploadedFile("รายงานผล.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    world.evidence_a1 = attach_file(world.target_a1, pdf, acting_user=None)
