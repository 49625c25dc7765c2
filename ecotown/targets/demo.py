"""Plausible target values for demonstrations and benchmarks: deterministic, and safe to run again."""

import datetime
import zlib
from decimal import Decimal

from django.db import transaction

from ecotown.core.dates import fiscal_year_bounds
from ecotown.criteria.choices import TargetKind
from ecotown.targets.choices import Direction
from ecotown.targets.models import Actual, Target
from ecotown.targets.progress import applicable_requirements


def _seed(*parts) -> int:
    return zlib.crc32("·".join(map(str, parts)).encode())


def demo_values(requirement, area, step: int) -> dict:
    """Baseline and target for the `step`-th year of the plan, chosen from the requirement's kind."""
    seed = _seed(area.code, requirement.code)
    kind = requirement.target_kind
    if kind == TargetKind.YES_NO:
        return {"baseline_value": Decimal(0), "target_value": Decimal(1), "direction": Direction.AT_LEAST}
    if kind == TargetKind.PERCENTAGE:
        baseline = Decimal(30 + seed % 40)
        return {"baseline_value": baseline, "target_value": min(baseline + 5 * (step + 1), Decimal(100)),
                "direction": Direction.AT_LEAST}  # fmt: skip
    if kind == TargetKind.COUNT:
        baseline = Decimal(2 + seed % 10)
        return {"baseline_value": baseline, "target_value": baseline + step + 1, "direction": Direction.AT_LEAST}
    # Quantities such as waste to landfill or water drawn: the plan brings them down by 5 % a year.
    baseline = Decimal(500 + seed % 5000)
    target = (baseline * (Decimal(1) - Decimal("0.05") * (step + 1))).quantize(Decimal(1))
    return {"baseline_value": baseline, "target_value": target, "direction": Direction.AT_MOST}


def demo_actual(target, meets: bool) -> Decimal:
    """The target's value when it is met; 10 % short of it (on the wrong side) when it is not."""
    if target.requirement.target_kind == TargetKind.YES_NO:
        return Decimal(1 if meets else 0)
    shortfall = Decimal("0.9") if target.direction == Direction.AT_LEAST else Decimal("1.1")
    value = target.target_value if meets else target.target_value * shortfall
    if target.requirement.target_kind == TargetKind.PERCENTAGE:
        value = min(value, Decimal(100))
    return value.quantize(Decimal(1))


@transaction.atomic
def seed_demo_targets(area, catalogue, fiscal_years=(2568, 2569)) -> int:
    """Targets for every applicable requirement of `catalogue` in `fiscal_years`, actuals for all but the last year.

    Returns the number of targets the area now has in those years for that catalogue.
    """
    fiscal_years = sorted(fiscal_years)
    baseline_year = fiscal_years[0] - 1
    count = 0
    for index, requirement in enumerate(applicable_requirements(area, catalogue)):
        for step, year in enumerate(fiscal_years):
            values = demo_values(requirement, area, step)
            target, _created = Target.objects.update_or_create(
                area=area,
                requirement=requirement,
                fiscal_year=year,
                defaults={
                    **values,
                    "baseline_year": baseline_year,
                    "unit": requirement.target_unit,
                    "data_source": "ข้อมูลสาธิต (demo data)",
                },
            )
            count += 1
            if year == fiscal_years[-1]:
                continue
            _start, end = fiscal_year_bounds(year)
            Actual.objects.update_or_create(
                target=target,
                # Two requirements in three meet their target; the third falls short.
                defaults={
                    "value": demo_actual(target, index % 3 != 2),
                    "recorded_on": end - datetime.timedelta(days=15),
                },
            )
    return count


def seed_demo() -> str:
    """Targets on every area for last fiscal year (with results) and this one (targets only), on the catalogue
    in force this year, whatever year `make run` happens in."""
    from ecotown.areas.models import Area
    from ecotown.core.dates import current_fiscal_year
    from ecotown.targets.periods import catalogue_for

    this_year = current_fiscal_year()
    catalogue = catalogue_for(this_year)
    if catalogue is None:
        return "no catalogue loaded"
    count = sum(
        seed_demo_targets(area, catalogue, fiscal_years=(this_year - 1, this_year)) for area in Area.objects.all()
    )
    return f"{count} targets on {catalogue}"
