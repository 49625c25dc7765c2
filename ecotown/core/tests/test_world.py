"""The test world refuses a step that reuses another app's sample name (reports once took plans' `report_a1`:
plans' matrix rows then read an upgrade report's id, and passed on SQLite only because the ids matched)."""

import pytest

from ecotown.core.registry import Step, registry
from ecotown.core.testing import build_world


@pytest.mark.django_db
def test_a_step_may_not_give_an_earlier_name_to_another_object(monkeypatch):
    from ecotown.areas.testing import make_area

    def clash(world):
        world.area_a1 = make_area(world.province_a, "clash-a1")

    monkeypatch.setattr(registry, "world_steps", [*registry.world_steps, Step("clash", clash, order=999)])
    with pytest.raises(ValueError, match=r"'clash' gives world.area_a1"):
        build_world()


@pytest.mark.django_db
def test_every_apps_samples_have_names_of_their_own():
    world = build_world(full=True)
    assert world.report_a1._meta.label == "plans.ProgressReport"
    assert world.upgrade_report_a1._meta.label == "reports.UpgradeReport"
    assert world.project_a1._meta.label == "plans.Project"
    assert world.upgrade_a1._meta.label == "support.UpgradeProject"
