"""The demo: one upgrade project whose model area meets the seed's targets from its records, deliverables in every
state, marked demo, and the figures the upgrade report will read."""

import pytest

from ecotown.areas.testing import make_area
from ecotown.factories.demo import seed_demo as seed_factories
from ecotown.support import progress
from ecotown.support.choices import DeliverableStatus
from ecotown.support.demo import DEMO, seed_demo
from ecotown.support.models import UpgradeProject

pytestmark = pytest.mark.django_db


def test_the_demo_project_meets_the_seeds_targets_and_runs_once(world):
    area = make_area(world.province_a, "pte-bang-kadi", name_th="บางกะดี")
    seed_factories()
    assert "32 factories trained" in seed_demo()
    project = UpgradeProject.objects.get(area=area)
    assert project.notes == DEMO
    found = {row.measure: row for row in progress.project_progress(project)}
    assert found["factories_trained"].actual == 32
    assert found["factories_on_study_visits"].actual == 30
    assert found["consulting_man_days"].actual == 65
    assert all(found[measure].met for measure in ("factories_trained", "factories_on_study_visits",
                                                   "consulting_man_days"))  # fmt: skip
    assert project.consulting_engagements.filter(report_issued_on__isnull=False).count() == 13
    assert set(project.deliverables.values_list("status", flat=True)) == set(DeliverableStatus.values)
    assert project.deliverables.get(status="returned").comments
    assert progress.capacity_figures(area, 2569, 2570).reports == 13
    assert seed_demo() == "demo upgrade project already there"
