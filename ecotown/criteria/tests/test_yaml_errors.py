"""The YAML parser's errors in the reader's language (issue 12: "the YAML loader's errors are in English")."""

import html

import pytest
from django.utils import translation

from ecotown.criteria import yaml_errors
from ecotown.criteria.safe_yaml import read_yaml
from tests.test_thai_pages import english_left

# A broken file, and what an English reader is told about it.
CASES = [
    ("a: b: c\n", "“key: value” is not allowed here"),
    ("key: [1, 2\n", "“,” or “]” was expected: a list in square brackets is not closed. (The list in square brackets"),
    ("a: {b: 1\n", "“,” or “}” was expected"),
    ("\tkey: 1\n", "a value cannot start with this character"),
    ("a: @b\n", "a value cannot start with this character"),
    ("a: *missing\n", "the alias *missing refers to no anchor &missing"),
    ("a: &x 1\nb: &x 2\n", "the same anchor (&) is defined twice"),
    ("a: 'unterminated\n", "the file ends before the closing quote. (The quoted text that starts on line 1.)"),
    ("- a\nb: c\n", "a list item (“- ”) was expected here"),
    ('key: "\\q"\n', "an unknown escape"),
    ("a: 1\n---\nb: 2\n", "more than one document"),
    ("a: !!python/object:os.system x\n", "the tag tag:yaml.org,2002:python/object:os.system is not allowed"),
    ("a:\n  b: 1\n c: 2\n", "a key was expected here; check the indentation. (The block that starts on line 1.)"),
    ("a: |0\n  x\n", "the indentation of a block of text cannot be 0"),
    ("%YAML 2.0\n---\na: 1\n", "this YAML version is not supported"),
    ("{a: 1}}\n", "the file goes on after its end"),
]


def _message(text: str, language: str) -> str:
    with translation.override(language):
        (_line, message), *_others = read_yaml(text)[1]
    return message


@pytest.mark.parametrize(("text", "english"), CASES)
def test_a_yaml_error_is_told_in_english_in_our_words(text, english):
    assert english in _message(text, "en")


@pytest.mark.parametrize(("text", "english"), CASES)
def test_a_yaml_error_is_told_in_thai_on_a_thai_page(text, english):
    message = _message(text, "th")
    assert message.startswith("ไฟล์นี้ไม่ใช่ YAML ที่ถูกต้อง: ")
    data = ["tag:yaml.org,2002:python/object:os.system", "missing"]  # quoted from the file
    assert english_left(html.escape(message), data) == []


def test_a_problem_no_rule_knows_is_told_in_general_words_not_the_parsers():
    with translation.override("th"):
        assert yaml_errors.problem("found a brand-new kind of trouble") == "โครงสร้างของไฟล์ไม่ถูกต้อง ณ ตำแหน่งนี้"
        assert yaml_errors.context("while scanning for the next token") is None
        assert yaml_errors.context("while parsing a flow sequence") == "รายการในวงเล็บเหลี่ยม"
