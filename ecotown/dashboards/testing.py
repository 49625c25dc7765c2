"""Test and benchmark helpers: national-scale data for the dashboards (areas certified at every level in every
province, certificates over the years, factories with accepted balances)."""

import datetime

from ecotown.areas.choices import AreaStatus
from ecotown.areas.models import Area
from ecotown.areas.testing import make_area
from ecotown.factories.choices import MassBalanceStatus
from ecotown.factories.testing import make_factory, make_mass_balance
from ecotown.geo.models import Province


def certify(area, level: int) -> Area:
    """The area as the audits app leaves it once a certificate is in force (audits.services.sync_area)."""
    Area.objects.filter(pk=area.pk).update(status=AreaStatus.CERTIFIED, certified_level=level,
                                           certified_until=datetime.date(2027, 9, 30))  # fmt: skip
    area.refresh_from_db()
    return area


def grow_national(areas_per_province: int = 1, factories_per_area: int = 1, years=(2567, 2568)) -> None:
    """Areas in every province, certified at levels 1–5 in turn, each with factories reporting accepted
    balances for `years`: the national dashboard's data at any scale."""
    for index, province in enumerate(Province.objects.order_by("code")):
        for number in range(areas_per_province):
            area = make_area(province)
            certify(area, 1 + (index + number) % 5)
            for _factory in range(factories_per_area):
                factory = make_factory(province, areas=[area])
                for year in years:
                    make_mass_balance(factory, year, status=MassBalanceStatus.ACCEPTED)
