"""The counts a source states beside the counts loaded: pure functions, no database."""

from django.utils import translation

from ecotown.criteria.totals import Count, StatedCount, count_rows, self_disagreement

# What the 2022 slide (seed 000) states.
SLIDE = {
    "basic": 12,
    "general": 23,
    "specific": 6,
    "per_level": [
        {"level": 1, "total": 4},
        {"level": 2, "general": 3, "specific": 3},
        {"level": 3, "total": 5},
        {"level": 4, "total": 3},
        {"level": 5, "total": 6},
    ],
}
LOADED = {1: (4, 0), 2: (3, 3), 3: (5, 0), 4: (3, 0), 5: (6, 0)}


def test_the_slides_totals_and_its_per_level_list_disagree():
    assert self_disagreement(SLIDE) == (29, 24)
    assert self_disagreement({**SLIDE, "general": 18}) is None
    assert self_disagreement({}) is None
    assert self_disagreement({"basic": 12}) is None


def test_loading_the_per_level_list_matches_every_level_and_differs_from_the_totals():
    rows = count_rows(SLIDE, 12, LOADED, {})
    assert [row.differs for row in rows] == [False, False, False, False, False, False, True, True]
    assert [(row.declared.items, row.loaded.items) for row in rows[-2:]] == [(23, 21), (6, 3)]


def test_a_level_the_file_lacks_or_the_source_omits_still_has_its_row():
    rows = count_rows({"per_level": [{"level": 6, "total": 2}]}, 0, {1: (1, 0)}, {})
    assert [(row.declared, row.loaded, row.differs) for row in rows[1:3]] == [
        (StatedCount(), Count(1, 0), False),  # the source says nothing of level 1
        (StatedCount(total=2), Count(0, 0), True),  # nothing loaded at level 6
    ]


def test_counts_read_as_the_source_states_them():
    with translation.override("en"):
        assert str(StatedCount(total=4)) == "4"
        assert str(StatedCount(3, 0)) == "3 general, 0 specific"
        assert str(Count(3, 0)) == "3 general"
        assert str(Count(0, 0)) == "0"
        assert str(StatedCount()) == "—"
