"""The level decision: worked examples, then properties on random catalogues and results (hypothesis)."""

from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ecotown.audits.levels import NOT_ASSESSED, OPEN_MAJOR, Block, decide


@dataclass(frozen=True)
class Req:
    code: str
    kind: str
    level: int | None = None


CATALOGUE = [
    Req("B1", "basic"), Req("B2", "basic"),
    Req("G1-01", "general", 1), Req("G1-02", "general", 1),
    Req("G2-01", "general", 2), Req("S2-01", "specific", 2),
    Req("G3-01", "general", 3),
]  # fmt: skip
ALL_CONFORM = {r.code: "conform" for r in CATALOGUE}


# -- worked examples ------------------------------------------------------------------------------------------


def test_everything_conforming_reaches_the_top_level():
    decision = decide(CATALOGUE, ALL_CONFORM, [])
    assert (decision.level, decision.blocking, decision.next_level) == (3, {}, None)


def test_a_basic_requirement_not_met_means_level_zero_whatever_else_conforms():
    decision = decide(CATALOGUE, {**ALL_CONFORM, "B2": "nonconform"}, [])
    assert decision.level == 0
    assert decision.blocking == {0: (Block("B2", ("nonconform",)),)}


def test_a_basic_requirement_with_an_open_major_finding_means_level_zero():
    assert decide(CATALOGUE, ALL_CONFORM, ["B1"]).blocking == {0: (Block("B1", (OPEN_MAJOR,)),)}
    assert decide(CATALOGUE, ALL_CONFORM, ["B1"]).level == 0


def test_a_requirement_without_a_result_has_not_been_assessed_and_does_not_conform():
    results = {code: value for code, value in ALL_CONFORM.items() if code != "G2-01"}
    decision = decide(CATALOGUE, results, [])
    assert decision.level == 1
    assert decision.blocks(2) == (Block("G2-01", (NOT_ASSESSED,)),)


def test_not_applicable_counts_as_met():
    assert decide(CATALOGUE, {**ALL_CONFORM, "S2-01": "not_applicable", "B1": "not_applicable"}, []).level == 3


def test_levels_are_cumulative_a_gap_at_level_2_caps_at_1_even_with_level_3_met():
    decision = decide(CATALOGUE, {**ALL_CONFORM, "S2-01": "nonconform"}, [])
    assert decision.level == 1
    assert decision.next_level == 2
    assert decision.blocking == {2: (Block("S2-01", ("nonconform",)),)}


def test_an_open_major_blocks_only_the_level_it_belongs_to_and_those_above():
    decision = decide(CATALOGUE, ALL_CONFORM, ["G3-01"])
    assert decision.level == 2
    assert decision.blocks(3) == (Block("G3-01", (OPEN_MAJOR,)),)


def test_blocking_lists_every_level_with_a_gap_and_every_reason():
    results = {**ALL_CONFORM, "G1-02": "nonconform"}
    del results["G3-01"]
    decision = decide(CATALOGUE, results, ["G1-02", "G2-01"])
    assert decision.level == 0  # level 1 is blocked
    assert decision.blocking == {
        1: (Block("G1-02", ("nonconform", OPEN_MAJOR)),),
        2: (Block("G2-01", (OPEN_MAJOR,)),),
        3: (Block("G3-01", (NOT_ASSESSED,)),),
    }


def test_only_basic_requirements_reach_level_zero_at_most():
    assert decide([Req("B1", "basic")], {"B1": "conform"}, []).level == 0
    assert decide([], {}, []).level == 0


def test_a_level_without_applicable_requirements_asks_nothing_more():
    catalogue = [Req("G1", "general", 1), Req("G3", "general", 3)]
    assert decide(catalogue, {"G1": "conform", "G3": "conform"}, []).level == 3
    assert decide(catalogue, {"G1": "conform", "G3": "nonconform"}, []).level == 2


def test_findings_on_requirements_that_do_not_apply_change_nothing():
    assert decide(CATALOGUE, {**ALL_CONFORM, "X9": "nonconform"}, ["X9"]).level == 3


@pytest.mark.parametrize(
    ("requirement", "results"),
    [(Req("G1", "general", None), {}), (Req("G1", "other", 1), {}), (Req("G1", "general", 1), {"G1": "maybe"})],
)
def test_it_refuses_what_it_cannot_read(requirement, results):
    with pytest.raises(ValueError, match="G1"):
        decide([requirement], results, [])


# -- properties on random catalogues ----------------------------------------------------------------------------

OUTCOMES = st.sampled_from(["conform", "nonconform", "not_applicable", None])


@st.composite
def audits(draw):
    """A random applicable catalogue (unique codes, basic or at levels 1..5), results and open majors."""
    count = draw(st.integers(min_value=0, max_value=25))
    requirements = []
    for index in range(count):
        level = draw(st.integers(min_value=0, max_value=5))
        kind = "basic" if level == 0 else draw(st.sampled_from(["general", "specific"]))
        requirements.append(Req(f"R{index}", kind, level or None))
    results = {}
    for requirement in requirements:
        outcome = draw(OUTCOMES)
        if outcome is not None:
            results[requirement.code] = outcome
    majors = draw(st.sets(st.sampled_from([r.code for r in requirements]))) if requirements else set()
    return requirements, results, majors


def met(requirement, results, majors) -> bool:
    return results.get(requirement.code) in ("conform", "not_applicable") and requirement.code not in majors


def reference(requirements, results, majors) -> int:
    """The issue's sentence, read literally: the largest L whose levels 1..L are all met."""
    if not all(met(r, results, majors) for r in requirements if r.kind == "basic"):
        return 0
    top = max((r.level for r in requirements if r.level), default=0)
    best = 0
    for candidate in range(1, top + 1):
        if all(met(r, results, majors) for r in requirements if r.level and r.level <= candidate):
            best = candidate
    return best


@settings(max_examples=300)
@given(audits())
def test_the_level_is_the_literal_rule(audit):
    assert decide(*audit).level == reference(*audit)


@settings(max_examples=200)
@given(audits())
def test_blocking_names_exactly_the_requirements_not_met(audit):
    requirements, results, majors = audit
    decision = decide(requirements, results, majors)
    blocked = {block.code for blocks in decision.blocking.values() for block in blocks}
    assert blocked == {r.code for r in requirements if not met(r, results, majors)}
    assert all(level > decision.level or level == 0 for level in decision.blocking)
    if decision.next_level is not None and 0 not in decision.blocking:
        assert decision.blocks(decision.next_level)


@settings(max_examples=200)
@given(audits(), st.randoms(use_true_random=False))
def test_the_order_of_requirements_does_not_matter(audit, random):
    requirements, results, majors = audit
    shuffled = list(requirements)
    random.shuffle(shuffled)
    assert decide(shuffled, results, majors) == decide(requirements, results, majors)


@settings(max_examples=200)
@given(audits(), st.data())
def test_closing_a_finding_or_conforming_never_lowers_the_level(audit, data):
    requirements, results, majors = audit
    if not requirements:
        return
    code = data.draw(st.sampled_from([r.code for r in requirements]))
    better = decide(requirements, {**results, code: "conform"}, majors - {code})
    assert better.level >= decide(requirements, results, majors).level


@settings(max_examples=200)
@given(audits(), st.data())
def test_a_new_major_finding_never_raises_the_level(audit, data):
    requirements, results, majors = audit
    if not requirements:
        return
    code = data.draw(st.sampled_from([r.code for r in requirements]))
    assert decide(requirements, results, majors | {code}).level <= decide(requirements, results, majors).level
