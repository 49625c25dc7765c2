"""Catalogue files built to hurt the server (issue 13): each is refused quickly, with a line and a short message."""

import time
import tracemalloc

import pytest
from django.utils import translation

from ecotown.core.testing import HOSTILE_SECONDS
from ecotown.criteria.loader import parse
from ecotown.criteria.tests.factories import MINIMAL

LONGEST_MESSAGE = 300  # a message quotes at most ~80 characters of the offending value


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def alias_bomb(width: int = 10, depth: int = 9) -> str:
    """The "billion laughs": each anchor is a list of `width` aliases to the one before, `depth` times."""
    lines = ["a0: &a0 [" + ", ".join(["lol"] * width) + "]"]
    for level in range(1, depth + 1):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * width) + "]")
    # `title` must be a mapping: the schema's message would quote the whole expanded list.
    lines += ["code: bomb", 'version: "1"', f"title: *a{depth}", "effective_date: 2024-01-01"]
    return "\n".join(lines) + "\n"


def measured(text):
    """parse(text), its duration in seconds, and the peak of Python memory it allocates in MB (measured in a
    second run: tracing allocations slows parsing several times over)."""
    started = time.perf_counter()
    plan = parse(text)
    elapsed = time.perf_counter() - started
    tracemalloc.start()
    try:
        parse(text)
        peak = tracemalloc.get_traced_memory()[1] / 1024 / 1024
    finally:
        tracemalloc.stop()
    return plan, elapsed, peak


def test_an_alias_bomb_is_refused_in_well_under_two_seconds_and_little_memory():
    plan, elapsed, peak = measured(alias_bomb())
    assert not plan.is_valid
    assert any("alias" in error.message for error in plan.errors), plan.errors
    assert elapsed < HOSTILE_SECONDS
    assert peak < 10


def test_too_many_aliases_are_refused_with_the_line_where_the_limit_was_passed():
    aliases = "\n".join(f"x{number}: *a" for number in range(2000))
    plan = parse("a: &a lol\n" + aliases + "\n")
    assert [(error.line, "aliases" in error.message) for error in plan.errors] == [(1002, True)]


def test_a_huge_flat_list_is_refused_at_the_value_limit():
    plan, elapsed, peak = measured("code: [" + "1, " * 600_000 + "1]\n")
    assert [("values" in error.message) for error in plan.errors] == [True]
    assert elapsed < HOSTILE_SECONDS
    assert peak < 100


def test_an_alias_to_the_block_that_contains_it_is_refused():
    plan = parse("code: &loop [a, *loop]\n")
    assert [error.line for error in plan.errors] == [1]
    assert "inside" in plan.errors[0].message


@pytest.mark.parametrize("opening", ["[", "{a: "], ids=["flow-list", "flow-mapping"])
def test_a_file_nested_twenty_thousand_deep_is_a_clear_error(opening):
    closing = "]" if opening == "[" else "}"
    plan, elapsed, _peak = measured("code: " + opening * 20_000 + closing * 20_000 + "\n")
    assert [(error.line, "deep" in error.message) for error in plan.errors] == [(1, True)]
    assert elapsed < HOSTILE_SECONDS


def test_indentation_nested_deeper_than_the_limit_is_refused():
    text = "".join("  " * level + f"k{level}:\n" for level in range(200)) + "  " * 200 + "x\n"
    plan = parse(text)
    assert len(plan.errors) == 1
    assert "deep" in plan.errors[0].message


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("code: test\n[a, b]: 1\n", 2),
        ("code: test\n? {a: 1}\n: x\n", 2),
        ("code: test\nlevels:\n  - ? [1]\n    : x\n", 3),
    ],
    ids=["list-key", "mapping-key", "nested"],
)
def test_a_key_that_is_not_plain_text_is_refused(text, line):
    plan = parse(text)
    assert [(error.line, "key" in error.message) for error in plan.errors] == [(line, True)]


def test_a_number_too_long_to_be_a_count_is_refused_without_computing_it():
    plan, elapsed, _peak = measured("code: " + "1:" * 300_000 + "1\nversion: " + "9" * 5000 + "\n")
    assert plan.errors
    assert all("number" in error.message for error in plan.errors), plan.errors
    assert elapsed < HOSTILE_SECONDS


LONG = "x" * 1_500_000


@pytest.mark.parametrize(
    "text",
    [
        MINIMAL.replace('version: "1"', f'version: "{LONG}"'),
        MINIMAL.replace("code: test", f"code: {LONG}"),
        MINIMAL.replace("kind: basic", f"kind: {LONG}"),
        MINIMAL.replace("title: {th: เกณฑ์ทดสอบ, en: Test criteria}", f"title: [{LONG}]"),
        MINIMAL.replace("dimensions: [society]", f"dimensions: [{LONG}]"),
        MINIMAL.replace("code: B01", f"code: {LONG}").replace("code: G1", f"code: {LONG}"),
        MINIMAL.replace("levels:", f"{LONG}: 1\n{LONG}: 2\nlevels:"),
        MINIMAL.replace("wording: official", f"wording: official\n    {LONG}: 1"),
        MINIMAL.replace("effective_date: 2024-01-01", f"effective_date: 2024-01-01{LONG}"),
        MINIMAL.replace("- number: 1", f"- number: {'9' * 50}"),
        f"code: test\nlevels: [&a {LONG}, *a, *a]\n",
        f"code: {LONG}: x\n",
    ],
    ids=[
        "version", "code", "enum", "type", "dimension", "duplicate-code", "duplicate-key", "unknown-field", "date",
        "huge-number", "aliases", "yaml-syntax",
    ],
)  # fmt: skip
def test_an_error_quotes_at_most_a_short_part_of_a_long_value(text):
    plan = parse(text)
    assert plan.errors
    for error in plan.errors:
        assert len(str(error)) < LONGEST_MESSAGE, str(error)[:400]


def test_a_file_wrong_everywhere_lists_its_first_hundred_errors_quickly():
    plan, elapsed, peak = measured("requirements: [" + "1, " * 45_000 + "1]\n")
    assert len(plan.errors) == 101
    assert plan.errors[0].message.startswith("the file: “code” is missing")
    assert "More errors follow" in plan.errors[-1].message
    assert elapsed < HOSTILE_SECONDS
    assert peak < 100


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        ("code: test", 'code: "test\\n"', 1),
        ("code: test", f'code: "{"a" * 40}\\n"', 1),
        ('version: "1"', 'version: "1\\n"', 2),
        ('version: "1"', 'version: "1 (draft)"', 2),
        ("- code: environment", '- code: "environment\\n"', 11),
        ("- code: B01", '- code: "B01\\n"', 16),
    ],
    ids=["code", "code-of-41", "version", "version-with-space", "dimension", "requirement"],
)
def test_a_code_or_version_with_a_line_break_or_space_is_refused(old, new, line):
    assert old in MINIMAL
    plan = parse(MINIMAL.replace(old, new, 1))
    first = plan.errors[0]
    assert (first.line, "is not allowed here" in first.message) == (line, True)
    assert "\\n" in first.message or "draft" in first.message


@pytest.mark.parametrize("escape", ["\\0", "\\a", "\\e", "\\x7f"], ids=["nul", "bell", "escape", "delete"])
def test_text_with_an_invisible_control_character_is_refused(escape):
    """PostgreSQL refuses NUL in text: the file passed every check, then the confirmation was a 500."""
    plan = parse(MINIMAL.replace("title: {th: มีคณะกรรมการ", f'title: {{th: "มี{escape}คณะกรรมการ"'))
    assert [(error.line, "control character" in error.message) for error in plan.errors] == [(20, True)]
    assert "requirements[1].title.th" in plan.errors[0].message


def test_line_breaks_and_tabs_in_long_texts_are_fine():
    plan = parse(
        MINIMAL.replace("title: {th: มีคณะกรรมการ, en: A committee exists}", 'title: {th: "มี\\tคณะ\\nกรรมการ"}')
    )
    assert plan.is_valid, plan.errors
