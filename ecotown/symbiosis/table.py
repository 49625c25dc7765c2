"""The matching table (data/matching.yaml, docs/symbiosis.md): read with line numbers, checked against its JSON
Schema and the rules the schema cannot say, and loaded as a version, idempotently.

    errors = check_table(text)               # [(line, message)], every problem at once; empty when it loads
    table = load_table(path, acting_user=u)   # the MatchingTable of that version (created once)
"""

import hashlib
import json
import re
from functools import cache
from itertools import islice
from pathlib import Path

import jsonschema
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ecotown.criteria.catalogue_schema import where
from ecotown.criteria.safe_yaml import Mapping, line_of, quoted, read_yaml
from ecotown.symbiosis.models import MatchingTable

TABLE = Path(__file__).parent / "data" / "matching.yaml"
SCHEMA = Path(__file__).parent / "data" / "matching.schema.json"
MAX_ERRORS = 100
WASTE_CODE_PREFIX = re.compile(r"\d{2}(?:\d{2}){0,2}")  # a chapter, a sub-chapter or a whole six-digit code


@cache
def _validator():
    return jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))


def _describe(error: jsonschema.ValidationError) -> str:
    place, value = where(error.absolute_path), quoted(error.instance)
    if error.validator == "required":
        field = error.message.split("'")[1] if "'" in error.message else error.message
        return _("{where}: “{field}” is missing.").format(where=place, field=field)
    if error.validator == "additionalProperties":
        known = error.schema.get("properties", {})
        unknown = ", ".join(quoted(key) for key in error.instance if key not in known)
        return _("{where}: unknown field ({detail}). Check the spelling against docs/symbiosis.md.").format(
            where=place, detail=unknown
        )
    if error.validator == "enum":
        allowed = ", ".join(str(option) for option in error.validator_value)
        return _("{where}: “{value}” is not allowed; use one of: {allowed}.").format(
            where=place, value=value, allowed=allowed
        )
    if error.validator == "type":
        return _("{where}: expected {expected}, found “{value}”.").format(
            where=place, expected=error.validator_value, value=value
        )
    if error.validator in ("minimum", "maximum", "exclusiveMinimum"):
        return _("{where}: “{value}” is out of range ({rule} {limit}).").format(
            where=place, value=value, rule=error.validator, limit=error.validator_value
        )
    return _("{where}: {problem}").format(where=place, problem=quoted(error.message))


def _rules(data) -> list[tuple[int, str]]:
    """What the schema cannot say: category codes unique, waste-code prefixes of 2, 4 or 6 digits."""
    problems, seen = [], set()
    categories = data.get("categories") if isinstance(data, dict) else None
    for index, category in enumerate(categories if isinstance(categories, list) else []):
        if not isinstance(category, dict):
            continue
        code = category.get("code")
        if isinstance(code, str):
            if code in seen:
                problems.append((line_of(data, ["categories", index, "code"]),
                                 _("Category “{code}” is listed twice.").format(code=quoted(code))))  # fmt: skip
            seen.add(code)
        supply = category.get("supply")
        codes = supply.get("waste_codes") if isinstance(supply, dict) else None
        for position, prefix in enumerate(codes if isinstance(codes, list) else []):
            if not isinstance(prefix, str) or not WASTE_CODE_PREFIX.fullmatch(prefix):
                problems.append((
                    line_of(data, ["categories", index, "supply", "waste_codes", position]),
                    _("“{value}” is not a DIW waste code or its start: give 2, 4 or 6 digits in quotes, e.g. "
                      "\"0203\".").format(value=quoted(prefix)),
                ))  # fmt: skip
    return problems


def _line(data, error: jsonschema.ValidationError) -> int:
    """The line of the offending value; for unknown fields, the line of the first unknown key."""
    if error.validator == "additionalProperties" and isinstance(error.instance, Mapping):
        known = error.schema.get("properties", {})
        unknown = [error.instance.lines[key] for key in error.instance if key not in known]
        if unknown:
            return min(unknown)
    return line_of(data, error.absolute_path)


def check_table(text: str) -> tuple[object, list[tuple[int, str]]]:
    """The file's data and every problem found in it, as (line, message), in the order of the file."""
    data, problems = read_yaml(text)
    if problems:
        return None, problems
    found = [(_line(data, error), _describe(error)) for error in islice(_validator().iter_errors(data), MAX_ERRORS)]
    found += _rules(data)
    return data, sorted(found)[:MAX_ERRORS]


def describe(problems) -> list[str]:
    return [_("line {line}: {message}").format(line=line, message=message) for line, message in problems]


@transaction.atomic
def load_table(path: Path = TABLE, *, acting_user=None) -> MatchingTable:
    """Load the file's version; loading the same version again changes nothing, and a different file under a
    version already loaded is refused (a new table needs a new version)."""
    text = path.read_text(encoding="utf-8")
    data, problems = check_table(text)
    if problems:
        raise ValidationError(describe(problems))
    sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    existing = MatchingTable.objects.filter(version=data["version"]).first()
    if existing is not None:
        if existing.sha256 != sha256:
            raise ValidationError(
                _("Version {version} is already loaded with other content: give the file a new version.").format(
                    version=data["version"]
                )
            )
        return existing
    table = MatchingTable(
        version=data["version"], title_th=data["title"]["th"], title_en=data["title"].get("en", ""),
        sha256=sha256, content=json.loads(json.dumps(data)), provisional=data.get("provisional", True),
    )  # fmt: skip
    table._history_user = acting_user
    table.save()
    return table


def load_reference_table(**context) -> str:
    """The reference step (`ecotown bootstrap`)."""
    table = load_table()
    return f"matching table {table.version}"


def current_table() -> MatchingTable | None:
    return MatchingTable.objects.order_by("-created", "-pk").first()
