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
