"""Which level an assessment supports: one pure function, `decide(requirements, results, open_major)`.

The rule (issue 16, seed 000: each requirement conform / not conform, certification at levels):
- every basic requirement conforms or is not applicable, and none has an open major nonconformity — else the
  level is 0;
- then the level is the highest L such that, for every level 1..L, each requirement of that level conforms or
  is not applicable and none has an open major nonconformity. Levels are cumulative: a gap at level 2 caps
  the area at level 1 whatever it achieves at level 3.

A requirement with no result has not been assessed and does not conform. Levels run from 1 to the highest
level any applicable requirement names; a level with no applicable requirement asks nothing more of the area.
The function reads plain values (objects with `code`, `kind` and `level`), so the audit pages, the gap to
the next level, "what if" during an internal audit and the national benchmark all ask the same question.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

BASIC = "basic"
KINDS = frozenset({"basic", "general", "specific"})
CONFORM, NONCONFORM, NOT_APPLICABLE = "conform", "nonconform", "not_applicable"
RESULTS = frozenset({CONFORM, NONCONFORM, NOT_APPLICABLE})

# Why a requirement blocks its level.
NOT_ASSESSED = "not_assessed"
OPEN_MAJOR = "open_major"


@dataclass(frozen=True)
class Block:
    """A requirement that keeps its level from being reached, and why (`not_assessed`, `nonconform`,
    `open_major`; a nonconforming requirement may also have an open major finding)."""

    code: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Decision:
    """The level supported (0: the basic requirements are not met) and, for every level with a gap (0 for
    the basic requirements), the requirements that block it — also above the level reached, so that the gap
    to the next level can be shown."""

    level: int
    blocking: dict[int, tuple[Block, ...]] = field(default_factory=dict)
    top: int = 0  # the highest level any applicable requirement names

    def blocks(self, level: int) -> tuple[Block, ...]:
        return self.blocking.get(level, ())

    @property
    def next_level(self) -> int | None:
        return self.level + 1 if self.level < self.top else None


def decide(requirements: Iterable, results: Mapping[str, str], open_major: Iterable[str]) -> Decision:
    """The level the applicable `requirements` support given the `results` (code → conform / nonconform /
    not_applicable) and the codes with an open major nonconformity."""
    majors = frozenset(open_major)
    by_level: dict[int, list[Block]] = {}
    top = 0
    for requirement in requirements:
        level = _level_of(requirement)
        top = max(top, level)
        reasons = _reasons(requirement.code, results, majors)
        by_level.setdefault(level, [])
        if reasons:
            by_level[level].append(Block(requirement.code, reasons))
    blocking = {level: tuple(sorted(blocks, key=_code)) for level, blocks in sorted(by_level.items()) if blocks}
    return Decision(level=_highest(blocking, top), blocking=blocking, top=top)


def _level_of(requirement) -> int:
    if requirement.kind not in KINDS:
        raise ValueError(f"{requirement.code}: unknown kind of requirement {requirement.kind!r}")
    if requirement.kind == BASIC:
        return 0
    if requirement.level is None or requirement.level < 1:
        raise ValueError(f"{requirement.code}: a {requirement.kind} requirement needs a level of 1 or more")
    return int(requirement.level)


def _reasons(code: str, results: Mapping[str, str], majors: frozenset) -> tuple[str, ...]:
    result = results.get(code)
    if result is not None and result not in RESULTS:
        raise ValueError(f"{code}: unknown result {result!r}")
    reasons = []
    if result is None:
        reasons.append(NOT_ASSESSED)
    elif result == NONCONFORM:
        reasons.append(NONCONFORM)
    if code in majors:
        reasons.append(OPEN_MAJOR)
    return tuple(reasons)


def _highest(blocking: dict, top: int) -> int:
    if 0 in blocking:
        return 0
    for level in range(1, top + 1):
        if level in blocking:
            return level - 1
    return top


def _code(block: Block) -> str:
    return block.code
