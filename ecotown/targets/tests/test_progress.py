import pytest

from ecotown.criteria.choices import RequirementKind
from ecotown.criteria.models import AreaRequirementSelection
from ecotown.criteria.testing import make_catalogue, make_requirement, make_requirements
from ecotown.targets.demo import seed_demo_targets
from ecotown.targets.models import Actual, Target
from ecotown.targets.progress import applicable_requirements
from ecotown.targets.summary import target_summary, target_summary_for_user

pytestmark = pytest.mark.django_db


def test_only_requirements_that_need_a_target_and_apply_are_listed(world, catalogue, percent):
    make_requirement(catalogue, "B1", target_kind=None)
    specific = make_requirement(catalogue, "S1", kind=RequirementKind.SPECIFIC)
    by_kind = make_requirement(catalogue, "S2", kind=RequirementKind.SPECIFIC, applies_to_area_kinds=["district"])
    AreaRequirementSelection.objects.create(area=world.area_a2, requirement=specific)
    assert [r.code for r in applicable_requirements(world.area_a1, catalogue)] == ["G1", "S2"]
    assert {r.code for r in applicable_requirements(world.area_a2, catalogue)} == {"G1", "S1", by_kind.code}


def test_the_summary_counts_set_met_missed_and_missing(world, catalogue, targets_a1, django_assert_max_num_queries):
    make_requirement(catalogue, "G3")
    with django_assert_max_num_queries(3):
        summary = target_summary(world.area_a1, 2568)
    assert (summary.required, summary.set, summary.met, summary.missed, summary.awaiting, summary.missing) == (
        3, 2, 1, 1, 0, 1,
    )  # fmt: skip
    summary = target_summary(world.area_a1, 2569)
    assert (summary.set, summary.awaiting, summary.missing) == (1, 1, 2)


def test_the_summary_uses_the_latest_catalogue(world, catalogue, targets_a1):
    newer = make_catalogue(version="2570", effective_date=catalogue.effective_date.replace(year=2027))
    make_requirements(newer, 4)
    summary = target_summary(world.area_a1, 2568)
    assert summary.catalogue == newer
    assert (summary.required, summary.set, summary.missing) == (4, 0, 4)


def test_the_summary_without_any_catalogue(world):
    summary = target_summary(world.area_a1, 2569)
    assert summary.catalogue is None
    assert summary.missing == 0


def test_the_summary_partial_renders(world, catalogue, targets_a1):
    from django.template.loader import render_to_string

    html = render_to_string(
        "targets/partials/area_summary.html",
        {"panel": {"summary": target_summary(world.area_a1, 2568), "area": world.area_a1}},
    )
    assert "target-met" in html
    assert f"/targets/areas/{world.area_a1.code}/" in html


def test_demo_targets_are_plausible_and_idempotent(world, catalogue):
    make_requirements(catalogue, 8)
    assert seed_demo_targets(world.area_a1, catalogue) == 16
    first = sorted(Target.objects.values_list("requirement__code", "fiscal_year", "target_value", "direction"))
    actuals = sorted(Actual.objects.values_list("target__fiscal_year", "value"))
    seed_demo_targets(world.area_a1, catalogue)
    assert sorted(Target.objects.values_list("requirement__code", "fiscal_year", "target_value", "direction")) == first
    assert sorted(Actual.objects.values_list("target__fiscal_year", "value")) == actuals
    assert {year for year, _value in actuals} == {2568}
    assert len(actuals) == 8
    for target in Target.objects.select_related("requirement"):
        target.full_clean()
    summary = target_summary(world.area_a1, 2568, catalogue)
    assert (summary.met, summary.missed) == (6, 2)


def test_the_summary_for_a_user_hides_areas_outside_the_scope(world, catalogue, targets_a1):
    assert target_summary_for_user(world.area_a1, world.officer_b, 2568) is None
    assert target_summary_for_user(world.area_a1, world.auditor_a1, 2568).met == 1
    assert target_summary_for_user(world.area_a1, world.diw_admin, 2568).missed == 1
