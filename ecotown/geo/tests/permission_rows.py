"""Matrix rows for geography: public reference data, read-only for everyone."""

from ecotown.accounts.testing import PERSONAS
from ecotown.core.testing import rows

EVERYONE_200 = dict.fromkeys(PERSONAS, 200)


def province(attribute):
    return lambda world: {"code": getattr(world, attribute).code}


def district_of(attribute):
    return lambda world: {"pk": getattr(world, attribute).districts.first().pk}


ROWS = [
    *rows("GET", "geo:province_list", EVERYONE_200),
    *rows("GET", "geo:province_detail", EVERYONE_200, target=province("province_a")),
    *rows("GET", "api:province-list", EVERYONE_200),
    *rows("GET", "api:province-detail", EVERYONE_200, target=province("province_b")),
    *rows("GET", "api:district-list", EVERYONE_200),
    *rows("GET", "api:district-detail", EVERYONE_200, target=district_of("province_a")),
]
