"""Which fiscal years and which catalogue version a target page shows.

The years are the programme's action-plan period (data: areas.Programme, 2566–2570 today) plus the current
fiscal year, so that from 1 October 2570 (FY 2571) the current year never disappears. The catalogue is the
version in force for the fiscal year shown (criteria.Catalogue.objects.in_force_for), not the newest row.
"""

from ecotown.areas.models import Programme
from ecotown.core.dates import current_fiscal_year
from ecotown.criteria.versions import catalogue_for

__all__ = ["catalogue_for", "fiscal_years_shown", "plan_years"]

DEFAULT_PLAN_YEARS = tuple(range(2566, 2571))


def plan_years() -> tuple[int, ...]:
    programme = Programme.objects.only("plan_first_year", "plan_last_year").first()
    return programme.plan_years if programme else DEFAULT_PLAN_YEARS


def fiscal_years_shown(years=None) -> tuple[int, ...]:
    return tuple(sorted({*(years or plan_years()), current_fiscal_year()}))
