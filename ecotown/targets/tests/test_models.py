import hashlib
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from ecotown.criteria.choices import RequirementKind, TargetKind
from ecotown.criteria.models import AreaRequirementSelection
from ecotown.criteria.testing import make_requirement
from ecotown.targets.models import Actual, Target
from ecotown.targets.testing import make_target

pytestmark = pytest.mark.django_db


def errors_of(obj) -> dict:
    with pytest.raises(ValidationError) as caught:
        obj.full_clean()
    return caught.value.message_dict


def test_it_rejects_a_requirement_without_a_kind_of_target(world, catalogue):
    requirement = make_requirement(catalogue, "B1", target_kind=None)
    target = Target(area=world.area_a1, requirement=requirement, fiscal_year=2569, target_value=1)
    assert errors_of(target)["requirement"] == ["Requirement B1 has no kind of target set in the catalogue."]


def test_a_target_is_allowed_on_a_basic_requirement_that_does_not_require_one(world, catalogue):
    # The seed asks for a target value on every requirement: optional, never forbidden.
    basic = make_requirement(catalogue, "B02", kind=RequirementKind.BASIC, level=None,
                             target_kind=TargetKind.YES_NO, target_required=False)  # fmt: skip
    target = Target(area=world.area_a1, requirement=basic, fiscal_year=2569, target_value=1)
    target.full_clean()


def test_it_rejects_a_specific_requirement_the_area_did_not_select(world, catalogue):
    requirement = make_requirement(catalogue, "S1", kind=RequirementKind.SPECIFIC)
    target = Target(area=world.area_a1, requirement=requirement, fiscal_year=2569, target_value=50)
    assert "does not apply to this area" in errors_of(target)["requirement"][0]
    AreaRequirementSelection.objects.create(area=world.area_a1, requirement=requirement)
    target.full_clean()


@pytest.mark.parametrize(
    ("kind", "value", "message"),
    [
        (TargetKind.YES_NO, 2, "A yes/no value is 1 (yes) or 0 (no)."),
        (TargetKind.PERCENTAGE, 120, "A percentage is between 0 and 100."),
        (TargetKind.COUNT, "1.5", "A count is a whole number, 0 or more."),
    ],
)
def test_it_checks_values_against_the_kind(world, catalogue, kind, value, message):
    requirement = make_requirement(catalogue, target_kind=kind)
    target = Target(area=world.area_a1, requirement=requirement, fiscal_year=2569, target_value=Decimal(value))
    assert errors_of(target)["target_value"] == [message]


def test_it_checks_the_fiscal_year_range(world, catalogue):
    requirement = make_requirement(catalogue)
    target = Target(area=world.area_a1, requirement=requirement, fiscal_year=2026, target_value=50)
    assert "fiscal_year" in errors_of(target)


def test_the_baseline_comes_before_the_target(world, catalogue):
    requirement = make_requirement(catalogue)
    target = Target(
        area=world.area_a1, requirement=requirement, fiscal_year=2567, target_value=50,
        baseline_value=40, baseline_year=2568,
    )  # fmt: skip
    assert errors_of(target)["baseline_year"] == ["The baseline year cannot come after the fiscal year of the target."]


def test_the_unit_defaults_from_the_requirement(world, catalogue):
    requirement = make_requirement(catalogue, target_kind=TargetKind.NUMBER, target_unit="ตัน/ปี")
    target = make_target(world.area_a1, requirement, target_value=100)
    assert target.unit == "ตัน/ปี"


def test_an_area_has_one_target_per_requirement_and_year(world, catalogue):
    requirement = make_requirement(catalogue)
    make_target(world.area_a1, requirement, 2569)
    duplicate = Target(area=world.area_a1, requirement=requirement, fiscal_year=2569, target_value=10)
    assert "__all__" in errors_of(duplicate)


def test_an_actual_is_checked_against_its_target_kind(world, catalogue):
    requirement = make_requirement(catalogue, target_kind=TargetKind.YES_NO)
    target = make_target(world.area_a1, requirement, target_value=1)
    actual = Actual(target=target, value=Decimal(3))
    assert errors_of(actual)["value"] == ["A yes/no value is 1 (yes) or 0 (no)."]


def test_evidence_of_a_target_stores_the_sha256_of_its_file(world, catalogue):
    from ecotown.core.evidence import attach_file

    target = make_target(world.area_a1, make_requirement(catalogue), target_value=50, actual=60)
    content = b"%PDF-1.4 evidence"
    item = attach_file(target, SimpleUploadedFile("report.pdf", content), acting_user=world.secretary_a1)
    assert item.file.sha256 == hashlib.sha256(content).hexdigest()
    assert list(target.evidence.all()) == [item]
    assert target.actual.is_met is True


def test_targets_keep_a_history(world, catalogue):
    target = make_target(world.area_a1, make_requirement(catalogue), target_value=50)
    target.target_value = 60
    target.save()
    assert target.history.count() == 2
