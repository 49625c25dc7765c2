"""The SQL rule for a met target says what targets.evaluation.is_met says, for every kind and direction."""

import itertools

import pytest

from ecotown.criteria.choices import TargetKind
from ecotown.criteria.testing import make_catalogue, make_requirement
from ecotown.dashboards.results import with_status
from ecotown.targets import evaluation
from ecotown.targets.choices import Direction
from ecotown.targets.models import Target
from ecotown.targets.testing import make_target

VALUES = (0, 1, 50, 80)


@pytest.mark.django_db
def test_met_missed_and_awaiting_match_the_python_rule(world):
    catalogue = make_catalogue()
    expected = {}
    for kind in (TargetKind.PERCENTAGE, TargetKind.YES_NO):
        for direction in Direction:
            requirement = make_requirement(catalogue, target_kind=kind)
            values = (0, 1) if kind == TargetKind.YES_NO else VALUES
            for year, (target, actual) in enumerate(itertools.product(values, (*values, None)), start=2561):
                made = make_target(world.area_a1, requirement, year, target, actual, direction=direction)
                expected[made.pk] = evaluation.status(target, actual, kind, direction).value
    found = dict(with_status(Target.objects.all()).values_list("pk", "status"))
    assert found == expected
    assert set(found.values()) == {"met", "missed", "awaiting"}
