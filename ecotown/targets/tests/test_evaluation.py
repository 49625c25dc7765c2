from decimal import Decimal

import pytest

from ecotown.criteria.choices import TargetKind
from ecotown.targets.choices import Direction, TargetStatus
from ecotown.targets.evaluation import format_value, is_met, status, value_error


@pytest.mark.parametrize(
    ("target", "actual", "kind", "direction", "expected"),
    [
        (80, 85, TargetKind.PERCENTAGE, Direction.AT_LEAST, True),
        (80, 80, TargetKind.PERCENTAGE, Direction.AT_LEAST, True),
        (80, "79.99", TargetKind.PERCENTAGE, Direction.AT_LEAST, False),
        (1000, 950, TargetKind.NUMBER, Direction.AT_MOST, True),
        (1000, 1000, TargetKind.NUMBER, Direction.AT_MOST, True),
        (1000, 1001, TargetKind.NUMBER, Direction.AT_MOST, False),
        (5, 5, TargetKind.COUNT, Direction.EXACTLY, True),
        (5, 6, TargetKind.COUNT, Direction.EXACTLY, False),
        (1, 1, TargetKind.YES_NO, Direction.AT_LEAST, True),
        (1, 0, TargetKind.YES_NO, Direction.AT_LEAST, False),
        (0, 0, TargetKind.YES_NO, Direction.AT_MOST, True),
        (1, 1, TargetKind.YES_NO, Direction.AT_MOST, True),
    ],
)
def test_is_met_follows_the_direction(target, actual, kind, direction, expected):
    assert is_met(Decimal(target), Decimal(actual), kind, direction) is expected


def test_it_does_not_judge_without_a_result():
    assert is_met(Decimal(80), None, TargetKind.PERCENTAGE, Direction.AT_LEAST) is None
    assert status(Decimal(80), None, TargetKind.PERCENTAGE, Direction.AT_LEAST) == TargetStatus.AWAITING
    assert status(None, None, TargetKind.PERCENTAGE, Direction.AT_LEAST, has_target=False) == TargetStatus.MISSING


def test_status_says_met_or_missed():
    assert status(Decimal(10), Decimal(12), TargetKind.COUNT, Direction.AT_LEAST) == TargetStatus.MET
    assert status(Decimal(10), Decimal(12), TargetKind.NUMBER, Direction.AT_MOST) == TargetStatus.MISSED


@pytest.mark.parametrize(
    ("value", "kind", "ok"),
    [
        (1, TargetKind.YES_NO, True),
        (0, TargetKind.YES_NO, True),
        (2, TargetKind.YES_NO, False),
        (100, TargetKind.PERCENTAGE, True),
        ("100.5", TargetKind.PERCENTAGE, False),
        (-1, TargetKind.PERCENTAGE, False),
        (3, TargetKind.COUNT, True),
        ("2.5", TargetKind.COUNT, False),
        (-5, TargetKind.NUMBER, True),
    ],
)
def test_value_error_checks_the_kind(value, kind, ok):
    assert (value_error(Decimal(value), kind) is None) is ok


def test_format_value_shows_the_unit():
    assert format_value(Decimal("1200.0000"), TargetKind.NUMBER, "ตัน") == "1,200 ตัน"
    assert format_value(Decimal("85.5000"), TargetKind.PERCENTAGE, "%") == "85.5%"
    assert format_value(None, TargetKind.NUMBER, "ตัน") == ""
