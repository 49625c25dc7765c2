"""Loading the first-wave areas and the programme's targets from areas/data/first_wave.yaml."""

from dataclasses import dataclass
from pathlib import Path

import yaml
from django.db import transaction

from ecotown.areas.choices import AreaStatus
from ecotown.areas.models import Area, Programme
from ecotown.geo.models import District, Province, Subdistrict

FIRST_WAVE = Path(__file__).parent / "data" / "first_wave.yaml"


@dataclass
class AreaLoadResult:
    created: int
    kept: int


@transaction.atomic
def load_first_wave(path: Path = FIRST_WAVE) -> AreaLoadResult:
    """Create the areas that do not exist yet; an existing area (same code) is left as users edited it."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    programme = data["programme"]
    Programme.objects.get_or_create(code=programme.pop("code"), defaults=programme)
    provinces = {p.code: p for p in Province.objects.filter(code__in={a["province"] for a in data["areas"]})}
    existing = set(Area.objects.values_list("code", flat=True))
    created = 0
    for row in data["areas"]:
        if row["code"] in existing:
            continue
        area = Area.objects.create(
            code=row["code"],
            name_th=row["name_th"],
            name_en=row.get("name_en", ""),
            province=provinces[row["province"]],
            kind=row["kind"],
            status=row.get("status", AreaStatus.DEVELOPING),
            # Unknown unless the file gives them: no source dates every first-wave area or names its phase.
            joined_year=row.get("joined_year"),
            phase=row.get("phase"),
        )
        area.districts.set(District.objects.filter(code__in=row.get("districts", [])))
        area.subdistricts.set(Subdistrict.objects.filter(code__in=row.get("subdistricts", [])))
        created += 1
    return AreaLoadResult(created=created, kept=len(data["areas"]) - created)


def describe_first_wave() -> str:
    result = load_first_wave()
    return f"{result.created} created, {result.kept} already present"
