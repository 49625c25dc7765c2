"""Reading a criteria catalogue file (docs/catalogue-format.md) into the database.

Two steps, so a page can show a preview between them:
    plan = plan_catalogue(content)      # parse, validate, compare with what is loaded; writes nothing
    catalogue = apply_plan(plan, acting_user=user)   # one transaction
Every error carries the line of the file it comes from, and all errors are reported at once: the people who
write catalogues fix a file in one round, not one error at a time.
"""

import datetime
import hashlib
import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import jsonschema
import yaml
from django.db import transaction
from django.utils.translation import gettext as _

from ecotown.criteria.choices import RequirementKind
from ecotown.criteria.compare import Comparison, compare, snapshot_of_catalogue, snapshot_of_data
from ecotown.criteria.models import Catalogue, Dimension, Level, Requirement

SCHEMA_PATH = Path(__file__).with_name("catalogue.schema.json")
MAX_SIZE = 2 * 1024 * 1024


@dataclass(frozen=True, order=True)
class CatalogueError:
    line: int
    message: str

    def __str__(self):
        return _("line {line}: {message}").format(line=self.line, message=self.message)


@dataclass
class Plan:
    """What loading a file would do. `errors` empty and `existing` None means it can be applied."""

    sha256: str
    data: dict | None = None
    errors: list[CatalogueError] = field(default_factory=list)
    existing: Catalogue | None = None  # the same file is already loaded
    previous: Catalogue | None = None  # the latest loaded version with the same code
    comparison: Comparison | None = None

    @property
    def is_valid(self) -> bool:
        return not self.errors

    @property
    def is_unchanged(self) -> bool:
        return self.is_valid and self.existing is not None

    def error(self, line: int, message: str) -> None:
        self.errors.append(CatalogueError(line, message))


# -- YAML with line numbers --------------------------------------------------------------------------------


class _Mapping(dict):
    """A YAML mapping that remembers its line and the line of each key."""

    line = 1
    lines: dict


class _Sequence(list):
    line = 1
    lines: list


_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_BaseLoader):
    """A safe loader that records lines, keeps dates as text (the schema checks them) and spots duplicate keys."""

    def __init__(self, stream):
        super().__init__(stream)
        self.duplicates: list[tuple[int, object]] = []


def _construct_mapping(loader, node):
    loader.flatten_mapping(node)
    mapping = _Mapping()
    mapping.line, mapping.lines = node.start_mark.line + 1, {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if key in mapping:
            loader.duplicates.append((line, key))
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.lines[key] = line
    return mapping


def _construct_sequence(loader, node):
    sequence = _Sequence(loader.construct_object(child, deep=True) for child in node.value)
    sequence.line, sequence.lines = node.start_mark.line + 1, [child.start_mark.line + 1 for child in node.value]
    return sequence


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def line_of(data, path) -> int:
    """The line of the value at `path` (keys and indexes), or of the nearest enclosing one that exists."""
    line, node = getattr(data, "line", 1), data
    for part in path:
        if (isinstance(node, _Mapping) and part in node) or (
            isinstance(node, _Sequence) and isinstance(part, int) and part < len(node)
        ):
            line, node = node.lines[part], node[part]
        else:
            break
    return line


def _yaml_context(context: str) -> str:
    """PyYAML's "while parsing a flow sequence" as "flow sequence"."""
    for prefix in ("while ", "parsing ", "scanning ", "a ", "an "):
        context = context.removeprefix(prefix)
    return context


def _read_yaml(text: str, plan: Plan):
    loader = _LineLoader(text)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = _("This is not valid YAML: {problem}.").format(problem=(error.problem or str(error)).rstrip("."))
        if error.context and error.context_mark and error.context_mark is not mark:
            problem += " " + _("(The {context} that starts on line {line}.)").format(
                context=_yaml_context(error.context),
                line=error.context_mark.line + 1,
            )
        plan.error(mark.line + 1 if mark else 1, problem)
        return None
    except yaml.YAMLError as error:
        plan.error(1, _("This is not valid YAML: {problem}.").format(problem=error))
        return None
    finally:
        loader.dispose()
    for line, key in loader.duplicates:
        plan.error(line, _("The key “{key}” appears twice in the same block.").format(key=key))
    return data


# -- schema ------------------------------------------------------------------------------------------------


@cache
def _validator():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def _where(path) -> str:
    text = ""
    for part in path:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or _("the file")


def _describe(error: jsonschema.ValidationError) -> str:
    where = _where(error.absolute_path)
    kind = error.validator
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return _("{where}: “{field}” is missing.").format(where=where, field=missing)
    if kind == "additionalProperties":
        return _("{where}: unknown field ({detail}). Check the spelling against docs/catalogue-format.md.").format(
            where=where, detail=error.message.split("(")[-1].rstrip(")")
        )
    if kind == "enum":
        allowed = ", ".join(str(value) for value in error.validator_value if value is not None)
        return _("{where}: “{value}” is not allowed; use one of: {allowed}.").format(
            where=where, value=error.instance, allowed=allowed
        )
    if kind == "type":
        expected = error.validator_value if isinstance(error.validator_value, str) else error.validator_value[0]
        if expected == "string":
            return _("{where}: expected text, found “{value}”. Put quotes around text such as versions.").format(
                where=where, value=error.instance
            )
        return _("{where}: expected {expected}, found “{value}”.").format(
            where=where, expected=expected, value=error.instance
        )
    if kind == "format":
        return _("{where}: “{value}” is not a date; write it as YYYY-MM-DD (Christian Era).").format(
            where=where, value=error.instance
        )
    return _("{where}: {problem}").format(where=where, problem=error.message)


def _check_schema(data, plan: Plan) -> None:
    for error in _validator().iter_errors(data):
        plan.error(_line_of_error(data, error), _describe(error))


def _line_of_error(data, error: jsonschema.ValidationError) -> int:
    """The line of the offending value; for unknown fields, the line of the first unknown key."""
    instance = error.instance
    if error.validator == "additionalProperties" and isinstance(instance, _Mapping):
        known = error.schema.get("properties", {})
        unknown = [instance.lines[key] for key in instance if key not in known]
        if unknown:
            return min(unknown)
    return line_of(data, error.absolute_path)


# -- rules the schema cannot express -----------------------------------------------------------------------


def _items(data, key):
    """(index, item) for each mapping in data[key], skipping what the schema already rejected."""
    values = data.get(key) if isinstance(data, dict) else None
    if not isinstance(values, list):
        return []
    return [(index, item) for index, item in enumerate(values) if isinstance(item, dict)]


def _unique(data, key, field_name, plan: Plan, message) -> set:
    seen = set()
    for index, item in _items(data, key):
        value = item.get(field_name)
        if value is None or isinstance(value, dict | list):
            continue
        if value in seen:
            plan.error(line_of(data, [key, index, field_name]), message.format(value=value))
        seen.add(value)
    return seen


def _check_requirement(data, index, item, levels: set, dimensions: set, plan: Plan) -> None:
    def line(*path):
        return line_of(data, ["requirements", index, *path])

    code, kind, level = item.get("code", "?"), item.get("kind"), item.get("level")
    if kind == RequirementKind.BASIC and level is not None:
        plan.error(line("level"), _("Requirement {code}: a basic requirement has no level.").format(code=code))
    if kind in (RequirementKind.GENERAL, RequirementKind.SPECIFIC) and level is None:
        plan.error(line(), _("Requirement {code}: a {kind} requirement needs a level.").format(code=code, kind=kind))
    if isinstance(level, int) and level not in levels:
        plan.error(
            line("level"), _("Requirement {code}: level {level} is not declared.").format(code=code, level=level)
        )
    for position, dimension in enumerate(item.get("dimensions") or []):
        if isinstance(dimension, str) and dimension not in dimensions:
            plan.error(
                line("dimensions", position),
                _("Requirement {code}: unknown dimension “{dimension}”.").format(code=code, dimension=dimension),
            )
    target = item.get("target")
    if isinstance(target, dict) and target.get("required") is True and not target.get("kind"):
        plan.error(
            line("target"),
            _("Requirement {code}: a required target needs a kind (number, percentage, yes_no or count).").format(
                code=code
            ),
        )
    if item.get("applies_to_area_kinds") and kind != RequirementKind.SPECIFIC:
        plan.error(
            line("applies_to_area_kinds"),
            _("Requirement {code}: only specific requirements apply to kinds of area.").format(code=code),
        )


def _check_rules(data, plan: Plan) -> None:
    effective = data.get("effective_date")
    if isinstance(effective, str):
        try:
            datetime.date.fromisoformat(effective)
        except ValueError:
            # The schema's format check already said so when it could parse the shape; say it once.
            if not any(error.line == line_of(data, ["effective_date"]) for error in plan.errors):
                plan.error(
                    line_of(data, ["effective_date"]),
                    _("effective_date: “{value}” is not a date; write it as YYYY-MM-DD.").format(value=effective),
                )
    levels = _unique(data, "levels", "number", plan, _("Level {value} is declared twice."))
    dimensions = _unique(data, "dimensions", "code", plan, _("Dimension “{value}” is declared twice."))
    _unique(data, "requirements", "code", plan, _("Requirement code {value} is used twice."))
    for index, item in _items(data, "requirements"):
        _check_requirement(data, index, item, levels, dimensions, plan)


# -- the steps ---------------------------------------------------------------------------------------------


def parse(content: bytes | str) -> Plan:
    """Read and validate a catalogue file without touching the database."""
    raw = content.encode("utf-8") if isinstance(content, str) else content
    plan = Plan(sha256=hashlib.sha256(raw).hexdigest())
    if len(raw) > MAX_SIZE:
        plan.error(1, _("The file is larger than {size} MB.").format(size=MAX_SIZE // (1024 * 1024)))
        return plan
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        plan.error(1, _("The file is not UTF-8 text. Save it as UTF-8 and upload it again."))
        return plan
    data = _read_yaml(text, plan)
    if data is None and not plan.errors:
        plan.error(1, _("The file is empty."))
    if data is None:
        return plan
    _check_schema(data, plan)
    if isinstance(data, dict):
        _check_rules(data, plan)
    plan.errors.sort()
    plan.data = data if plan.is_valid else None
    return plan


def check_against_database(plan: Plan) -> Plan:
    """Whether this version is new, already loaded (a no-op) or clashes with a loaded file; and the diff."""
    if not plan.is_valid:
        return plan
    data = plan.data
    same = Catalogue.objects.filter(code=data["code"], version=data["version"]).first()
    if same is not None and same.source_sha256 == plan.sha256:
        plan.existing = same
    elif same is not None:
        plan.error(
            line_of(data, ["version"]),
            _("Version {version} already loaded with different content: give it a new version.").format(
                version=data["version"]
            ),
        )
        return plan
    plan.previous = (
        Catalogue.objects.filter(code=data["code"]).exclude(pk=getattr(same, "pk", None)).order_by("-loaded").first()
    )
    old = snapshot_of_catalogue(plan.previous) if plan.previous else {}
    plan.comparison = compare(old, snapshot_of_data(data))
    return plan


def plan_catalogue(content: bytes | str) -> Plan:
    return check_against_database(parse(content))


def _text(block, language: str) -> str:
    return (block or {}).get(language) or ""


@transaction.atomic
def apply_plan(plan: Plan, *, acting_user=None) -> Catalogue:
    """Write a valid, new catalogue version and everything in it; never touches an older version."""
    if not plan.is_valid:
        raise ValueError("A catalogue with errors cannot be loaded.")
    if plan.existing is not None:
        return plan.existing
    data = plan.data
    catalogue = Catalogue.objects.create(
        code=data["code"],
        version=data["version"],
        title_th=data["title"]["th"],
        title_en=_text(data["title"], "en"),
        effective_date=datetime.date.fromisoformat(data["effective_date"]),
        description_th=_text(data.get("description"), "th"),
        description_en=_text(data.get("description"), "en"),
        source_sha256=plan.sha256,
        loaded_by=acting_user if getattr(acting_user, "is_authenticated", False) else None,
    )
    levels = Level.objects.bulk_create(
        Level(
            catalogue=catalogue,
            number=item["number"],
            name_th=item["name"]["th"],
            name_en=_text(item["name"], "en"),
            description_th=_text(item.get("description"), "th"),
            description_en=_text(item.get("description"), "en"),
        )
        for item in data["levels"]
    )
    dimensions = Dimension.objects.bulk_create(
        Dimension(
            catalogue=catalogue,
            code=item["code"],
            name_th=item["name"]["th"],
            name_en=_text(item["name"], "en"),
            position=position,
        )
        for position, item in enumerate(data["dimensions"])
    )
    _create_requirements(
        catalogue,
        data["requirements"],
        {level.number: level for level in levels},
        {dimension.code: dimension for dimension in dimensions},
    )
    return catalogue


def _create_requirements(catalogue, items, levels, dimensions) -> None:
    requirements = Requirement.objects.bulk_create(
        Requirement(
            catalogue=catalogue,
            code=item["code"],
            kind=item["kind"],
            level=levels.get(item.get("level")),
            title_th=item["title"]["th"],
            title_en=_text(item["title"], "en"),
            guidance_th=_text(item.get("guidance"), "th"),
            guidance_en=_text(item.get("guidance"), "en"),
            evidence_th=_text(item.get("evidence"), "th"),
            evidence_en=_text(item.get("evidence"), "en"),
            wording=item["wording"],
            target_required=(item.get("target") or {}).get("required", False),
            target_kind=(item.get("target") or {}).get("kind") or "",
            target_unit=(item.get("target") or {}).get("unit") or "",
            applies_to_area_kinds=list(item.get("applies_to_area_kinds") or []),
            position=position,
        )
        for position, item in enumerate(items)
    )
    through = Requirement.dimensions.through
    through.objects.bulk_create(
        through(requirement_id=requirement.pk, dimension_id=dimensions[code].pk)
        for requirement, item in zip(requirements, items, strict=True)
        for code in dict.fromkeys(item["dimensions"])
    )
