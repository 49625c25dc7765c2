"""Test helpers for criteria catalogues: build them directly with the ORM, one row at a time or in bulk."""

import datetime
from itertools import count

from ecotown.criteria.choices import RequirementKind, TargetKind
from ecotown.criteria.models import Catalogue, Dimension, Level, Requirement

_numbers = count(1)
KINDS = (TargetKind.PERCENTAGE, TargetKind.NUMBER, TargetKind.YES_NO, TargetKind.COUNT)
UNITS = {TargetKind.PERCENTAGE: "%", TargetKind.NUMBER: "ตัน/ปี", TargetKind.YES_NO: "", TargetKind.COUNT: "แห่ง"}


def make_catalogue(code="eit", version=None, effective_date=datetime.date(2022, 10, 1), **fields) -> Catalogue:
    """A catalogue version, in force from FY 2566 unless `status`/`first_fiscal_year` say otherwise."""
    version = version or f"v{next(_numbers)}"
    fields.setdefault("title_th", f"เกณฑ์เมืองอุตสาหกรรมเชิงนิเวศ {version}")
    fields.setdefault("status", "in_force")
    if fields["status"] != "draft":
        fields.setdefault("first_fiscal_year", 2566)
    return Catalogue.objects.create(
        code=code, version=version, effective_date=effective_date, source_sha256="0" * 64, **fields
    )


def make_level(catalogue, number=1) -> Level:
    return Level.objects.get_or_create(catalogue=catalogue, number=number, defaults={"name_th": f"ระดับ {number}"})[0]


def make_dimension(catalogue, code="environment") -> Dimension:
    return Dimension.objects.get_or_create(catalogue=catalogue, code=code, defaults={"name_th": code})[0]


def make_requirement(catalogue, code=None, *, target_kind=TargetKind.PERCENTAGE, level=1, dimension=None,
                     **fields) -> Requirement:  # fmt: skip
    number = next(_numbers)
    code = code or f"R{number}"
    fields.setdefault("kind", RequirementKind.GENERAL)
    fields.setdefault("title_th", f"ข้อกำหนด {code}")
    fields.setdefault("target_required", bool(target_kind))
    fields.setdefault("target_unit", UNITS.get(target_kind, ""))
    requirement = Requirement.objects.create(
        catalogue=catalogue,
        code=code,
        target_kind=target_kind or "",
        level=make_level(catalogue, level) if level else None,
        position=fields.pop("position", number),
        **fields,
    )
    if dimension:
        requirement.dimensions.add(make_dimension(catalogue, dimension))
    return requirement


def make_requirements(catalogue, n: int, prefix="R") -> list[Requirement]:
    return [make_requirement(catalogue, f"{prefix}{i:03d}", target_kind=KINDS[i % len(KINDS)]) for i in range(n)]


def bulk_make_requirements(catalogue: Catalogue, how_many: int, start: int = 0) -> None:
    """Many requirements at once (bulk_create), for query-count tests."""
    level = catalogue.levels.first()
    dimensions = list(catalogue.dimensions.all())
    created = Requirement.objects.bulk_create(
        Requirement(
            catalogue=catalogue,
            code=f"X{start + number}",
            kind="general",
            level=level,
            title_th=f"ข้อกำหนด {number}",
            wording="provisional",
            position=100 + number,
        )
        for number in range(how_many)
    )
    through = Requirement.dimensions.through
    through.objects.bulk_create(
        through(requirement_id=requirement.pk, dimension_id=dimension.pk)
        for requirement in created
        for dimension in dimensions
    )


def add_samples(world) -> None:
    """The permission matrix's catalogue: version "1" in force from FY 2566 with a general requirement that
    takes a percentage target and a specific one, selected by area A1."""
    from ecotown.criteria.choices import CatalogueStatus
    from ecotown.criteria.models import AreaRequirementSelection

    world.catalogue = make_catalogue(version="1", status=CatalogueStatus.IN_FORCE, first_fiscal_year=2566)
    world.requirement = make_requirement(world.catalogue, "G1-01", target_kind=TargetKind.PERCENTAGE)
    world.specific = make_requirement(world.catalogue, "S2-01", kind=RequirementKind.SPECIFIC, level=2)
    world.selection_a1 = AreaRequirementSelection.objects.create(area=world.area_a1, requirement=world.specific)
