"""Loading Thailand's administrative divisions from the geothai package, idempotently."""

from dataclasses import dataclass

import geothai
from django.db import transaction

from ecotown.geo.models import District, Province, Subdistrict


@dataclass
class LoadResult:
    provinces: int
    districts: int
    subdistricts: int
    data_version: str


def _upsert(model, rows, fields):
    model.objects.bulk_create(
        rows, update_conflicts=True, unique_fields=["code"], update_fields=fields, batch_size=1000
    )


@transaction.atomic
def load_geography(*, with_subdistricts: bool = True) -> LoadResult:
    """Create or update every province, district and (optionally) subdistrict; never duplicates."""
    provinces = geothai.provinces()
    _upsert(Province, [Province(code=p.code, name_th=p.name_th, name_en=p.name_en) for p in provinces],
            ["name_th", "name_en"])  # fmt: skip
    province_ids = dict(Province.objects.values_list("code", "id"))
    districts = [d for p in provinces for d in geothai.districts(p.code)]
    _upsert(
        District,
        [District(code=d.code, name_th=d.name_th, name_en=d.name_en, province_id=province_ids[d.province_code])
         for d in districts],
        ["name_th", "name_en", "province"],
    )  # fmt: skip
    subdistrict_count = 0
    if with_subdistricts:
        district_ids = dict(District.objects.values_list("code", "id"))
        subdistricts = [s for d in districts for s in geothai.subdistricts(d.code)]
        _upsert(
            Subdistrict,
            [Subdistrict(code=s.code, name_th=s.name_th, name_en=s.name_en,
                         district_id=district_ids[s.district_code], postal_codes=",".join(s.postal_codes))
             for s in subdistricts],
            ["name_th", "name_en", "district", "postal_codes"],
        )  # fmt: skip
        subdistrict_count = len(subdistricts)
    return LoadResult(len(provinces), len(districts), subdistrict_count, geothai.DATA_VERSION)


def describe(result: LoadResult) -> str:
    return (
        f"geothai {result.data_version}: {result.provinces} provinces, {result.districts} districts, "
        f"{result.subdistricts} subdistricts"
    )
