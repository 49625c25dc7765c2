"""The catalogue file's JSON Schema (catalogue.schema.json): checking a file against it, and saying what is wrong
in the reader's words with the line it is on (docs/catalogue-format.md, "Error messages")."""

import json
import re
from functools import cache
from itertools import islice
from pathlib import Path

import jsonschema
from django.utils.translation import gettext as _

from ecotown.criteria.safe_yaml import Mapping, line_of, quoted

SCHEMA_PATH = Path(__file__).with_name("catalogue.schema.json")


def _pattern(validator, pattern, instance, schema):
    """The `pattern` keyword as JSON Schema defines it (ECMA-262), where `$` ends the text. jsonschema runs
    Python's re.search, whose `$` also matches before a final newline: "eit\\n" passed ^[a-z0-9-]+$ and then
    broke export file names and overflowed the PostgreSQL column."""
    if validator.is_type(instance, "string") and not _ecma_regex(pattern).search(instance):
        yield jsonschema.ValidationError(f"{quoted(instance)} does not match {pattern}")


@cache
def _ecma_regex(pattern: str) -> re.Pattern:
    """`pattern` with each `$` outside a character class turned into Python's end of text, `\\Z`."""
    translated, in_class, escaped = [], False, False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in "[]":
            in_class = char == "["
        elif char == "$" and not in_class:
            char = r"\Z"
        translated.append(char)
    return re.compile("".join(translated))


@cache
def _validator():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.extend(jsonschema.Draft202012Validator, {"pattern": _pattern})
    return validator_class(schema, format_checker=jsonschema.FormatChecker())


def where(path) -> str:
    """A place in the file as the messages name it: `requirements[3].title`."""
    text = ""
    for part in path:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{quoted(part)}" if text else quoted(part))
    return text or _("the file")


def _pattern_rule(path) -> str:
    """What a value matched against a pattern must look like, in words, by where it is in the file."""
    names = tuple(part for part in path if isinstance(part, str))
    rules = {
        ("code",): _("lower-case letters, digits and “-”, up to 40 characters, e.g. eit"),
        ("version",): _("letters, digits, “.” and “-”, up to 20 characters, e.g. 2022.2"),
        ("dimensions", "code"): _("lower-case letters, digits, “-” and “_”, up to 40 characters, e.g. environment"),
        ("requirements", "code"): _("letters, digits, “.”, “_” and “-”, up to 20 characters, e.g. G3-02"),
    }
    return rules.get(names, _("the form docs/catalogue-format.md gives"))


def _describe(error: jsonschema.ValidationError) -> str:
    place = where(error.absolute_path)
    kind = error.validator
    value = quoted(error.instance)
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return _("{where}: “{field}” is missing.").format(where=place, field=missing)
    if kind == "additionalProperties":
        known = error.schema.get("properties", {})
        unknown = ", ".join(quoted(key) for key in [key for key in error.instance if key not in known][:5])
        return _("{where}: unknown field ({detail}). Check the spelling against docs/catalogue-format.md.").format(
            where=place, detail=unknown
        )
    if kind == "enum":
        allowed = ", ".join(str(option) for option in error.validator_value if option is not None)
        return _("{where}: “{value}” is not allowed; use one of: {allowed}.").format(
            where=place, value=value, allowed=allowed
        )
    if kind == "type":
        expected = error.validator_value if isinstance(error.validator_value, str) else error.validator_value[0]
        if expected == "string":
            return _("{where}: expected text, found “{value}”. Put quotes around text such as versions.").format(
                where=place, value=value
            )
        return _("{where}: expected {expected}, found “{value}”.").format(where=place, expected=expected, value=value)
    if kind == "format":
        return _("{where}: “{value}” is not a date; write it as YYYY-MM-DD (Christian Era).").format(
            where=place, value=value
        )
    if kind == "pattern":
        return _("{where}: “{value}” is not allowed here; use {rule}.").format(
            where=place, value=value, rule=_pattern_rule(error.absolute_path)
        )
    if kind in ("maxLength", "minLength"):
        return _("{where}: “{value}” must be {low} to {high} characters long.").format(
            where=place, value=value, low=error.schema.get("minLength", 0), high=error.schema.get("maxLength", "∞")
        )
    return _("{where}: {problem}").format(where=place, problem=quoted(error.message))


def schema_errors(data, limit: int):
    """(line, message) for the first `limit` ways `data` breaks the schema, in the order found."""
    for error in islice(_validator().iter_errors(data), limit):
        yield _line_of_error(data, error), _describe(error)


def _line_of_error(data, error: jsonschema.ValidationError) -> int:
    """The line of the offending value; for unknown fields, the line of the first unknown key."""
    instance = error.instance
    if error.validator == "additionalProperties" and isinstance(instance, Mapping):
        known = error.schema.get("properties", {})
        unknown = [instance.lines[key] for key in instance if key not in known]
        if unknown:
            return min(unknown)
    return line_of(data, error.absolute_path)
