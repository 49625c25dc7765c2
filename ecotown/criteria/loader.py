"""Reading a criteria catalogue file (docs/catalogue-format.md) into the database.

Two steps, so a page can show a preview between them:
    plan = plan_catalogue(content)      # parse, validate, compare with what is loaded; writes nothing
    catalogue = apply_plan(plan, acting_user=user)   # one transaction
Every error carries the line of the file it comes from, and all errors are reported at once: the people who
write catalogues fix a file in one round, not one error at a time (up to 100 of them). The YAML reading and its
limits are in safe_yaml.py, the schema and its messages in catalogue_schema.py.
"""

import datetime
import hashlib
import re
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from ecotown.core.dates import fiscal_year
from ecotown.criteria import services
from ecotown.criteria.catalogue_schema import schema_errors, where
from ecotown.criteria.choices import CatalogueStatus, RequirementKind
from ecotown.criteria.compare import Comparison, compare, snapshot_of_catalogue, snapshot_of_data
from ecotown.criteria.models import Catalogue, Dimension, Level, Requirement
from ecotown.criteria.safe_yaml import line_of, quoted, read_yaml

MAX_SIZE = 2 * 1024 * 1024
MAX_ERRORS = 100  # a file built to fail everywhere gets its first hundred errors, not a page of 100,000


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
    errors_left_out: bool = False

    @property
    def is_valid(self) -> bool:
        return not self.errors

    @property
    def is_unchanged(self) -> bool:
        return self.is_valid and self.existing is not None

    def error(self, line: int, message: str) -> None:
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(CatalogueError(line, message))
        else:
            self.errors_left_out = True


# -- YAML with line numbers (safe_yaml.py) -----------------------------------------------------------------


def _read_yaml(text: str, plan: Plan):
    data, problems = read_yaml(text)
    for line, message in problems:
        plan.error(line, message)
    return data


# -- schema (catalogue_schema.py) -------------------------------------------------------------------------


def _check_schema(data, plan: Plan) -> None:
    for line, message in schema_errors(data, limit=MAX_ERRORS + 1):
        plan.error(line, message)


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
            plan.error(line_of(data, [key, index, field_name]), message.format(value=quoted(value)))
        seen.add(value)
    return seen


def _check_requirement(data, index, item, levels: set, dimensions: set, plan: Plan) -> None:
    def line(*path):
        return line_of(data, ["requirements", index, *path])

    code, kind, level = quoted(item.get("code", "?")), item.get("kind"), item.get("level")
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
                _("Requirement {code}: unknown dimension “{dimension}”.").format(
                    code=code, dimension=quoted(dimension)
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
                    _("effective_date: “{value}” is not a date; write it as YYYY-MM-DD.").format(
                        value=quoted(effective)
                    ),
                )
    levels = _unique(data, "levels", "number", plan, _("Level {value} is declared twice."))
    dimensions = _unique(data, "dimensions", "code", plan, _("Dimension “{value}” is declared twice."))
    _unique(data, "requirements", "code", plan, _("Requirement code {value} is used twice."))
    for index, item in _items(data, "requirements"):
        _check_requirement(data, index, item, levels, dimensions, plan)
    _check_declared_levels(data, levels, plan)


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # all but tab, line feed and carriage return


def _check_text(data, plan: Plan) -> None:
    """No invisible control characters in any text: PostgreSQL refuses NUL outright (the confirmation was a
    500), and the others are never meant."""
    for path, text in _texts(data, ()):
        found = _CONTROL.search(text)
        if found:
            plan.error(
                line_of(data, path),
                _("{where}: the text holds the invisible control character U+{code:04X}; remove it.").format(
                    where=where(path), code=ord(found.group())
                ),
            )


def _texts(value, path):
    """(path, text) for every text value in the file."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, (*path, index))


def _check_declared_levels(data, levels: set, plan: Plan) -> None:
    """The source's per-level counts name declared levels, once each, and state at least one count."""
    source = data.get("source")
    totals = source.get("declared_totals") if isinstance(source, dict) else None
    if not isinstance(totals, dict):
        return
    seen = set()
    for index, item in _items(totals, "per_level"):
        number, line = item.get("level"), line_of(data, ["source", "declared_totals", "per_level", index])
        if isinstance(number, int) and number not in levels:
            plan.error(line, _("source.declared_totals: level {level} is not declared.").format(level=number))
        if isinstance(number, int) and number in seen:
            plan.error(line, _("source.declared_totals: level {level} is listed twice.").format(level=number))
        seen.add(number)
        if not {"total", "general", "specific"} & item.keys():
            plan.error(line, _("source.declared_totals: give total, general or specific for each level."))


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
    _check_text(data, plan)
    if isinstance(data, dict):
        _check_rules(data, plan)
    plan.errors.sort(key=lambda error: error.line)  # stable: errors on one line keep the order found
    if plan.errors_left_out:
        plan.errors.append(
            CatalogueError(
                plan.errors[-1].line,
                _("More errors follow: correct these {count} and check the file again.").format(count=MAX_ERRORS),
            )
        )
    plan.data = data if plan.is_valid else None
    return plan


class CatalogueClash(ValueError):
    """The plan's code and version were loaded with other content after the plan was made."""


def _match_loaded(plan: Plan) -> Catalogue | None:
    """The loaded catalogue with the plan's code and version, set as `plan.existing` when it is this very file;
    a different file under the same version becomes an error on the plan."""
    data = plan.data
    same = Catalogue.objects.filter(code=data["code"], version=data["version"]).first()
    if same is not None and same.source_sha256 == plan.sha256:
        plan.existing = same
    elif same is not None:
        plan.error(
            line_of(data, ["version"]),
            _("Version {version} already loaded with different content: give it a new version.").format(
                version=quoted(data["version"])
            ),
        )
    return same


def check_against_database(plan: Plan) -> Plan:
    """Whether this version is new, already loaded (a no-op) or clashes with a loaded file; and the diff."""
    if not plan.is_valid:
        return plan
    data = plan.data
    same = _match_loaded(plan)
    if not plan.is_valid:
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
    """Write a valid, new catalogue version and everything in it; never touches an older version.

    Idempotent: when the same file was loaded since the plan was made (a double-submitted confirmation, a second
    tab) it returns that catalogue and marks the plan unchanged. Raises CatalogueClash, with the error added to
    the plan, when other content was loaded under the same version meanwhile.
    """
    if not plan.is_valid:
        raise ValueError("A catalogue with errors cannot be loaded.")
    if plan.existing is not None or _loaded_meanwhile(plan):
        return plan.existing
    try:
        with transaction.atomic():  # a savepoint: a concurrent confirmation may insert the same version first
            catalogue = _create_catalogue(plan, acting_user)
    except IntegrityError:
        if _loaded_meanwhile(plan):
            return plan.existing
        raise
    _create_contents(catalogue, plan.data)
    return catalogue


def _loaded_meanwhile(plan: Plan) -> bool:
    _match_loaded(plan)
    if not plan.is_valid:
        raise CatalogueClash(plan.errors[-1].message)
    return plan.existing is not None


def _plain(value):
    """Line-numbered YAML containers as plain dicts and lists, for a JSON field."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def _create_catalogue(plan: Plan, acting_user) -> Catalogue:
    data = plan.data
    source = data.get("source") or {}
    return Catalogue.objects.create(
        code=data["code"],
        version=data["version"],
        title_th=data["title"]["th"],
        title_en=_text(data["title"], "en"),
        effective_date=datetime.date.fromisoformat(data["effective_date"]),
        description_th=_text(data.get("description"), "th"),
        description_en=_text(data.get("description"), "en"),
        source_sha256=plan.sha256,
        source_is_draft=source.get("draft", False),
        effective_date_assumed=source.get("effective_date_assumed", False),
        source_note_th=_text(source.get("note"), "th"),
        source_note_en=_text(source.get("note"), "en"),
        declared_totals=_plain(source.get("declared_totals") or {}),
        loaded_by=acting_user if getattr(acting_user, "is_authenticated", False) else None,
    )


def _create_contents(catalogue: Catalogue, data) -> None:
    levels = Level.objects.bulk_create(
        Level(
            catalogue=catalogue,
            number=item["number"],
            name_th=item["name"]["th"],
            name_en=_text(item["name"], "en"),
            description_th=_text(item.get("description"), "th"),
            description_en=_text(item.get("description"), "en"),
            name_is_provisional=item.get("name_is_provisional", False),
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
            target_required=item["target"]["required"],
            target_kind=item["target"]["kind"],
            target_unit=item["target"].get("unit") or "",
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


def load_shipped_catalogues() -> str:
    """Load every catalogue file shipped in catalogues/ that is not loaded yet (idempotent).

    A shipped version is put in force, from the fiscal year of its effective date, only when no version of its code
    is in force yet (a fresh database). Otherwise it stays a draft: moving areas to a new version is DIW's explicit
    decision, never a side effect of an upgrade.
    """
    from django.conf import settings

    loaded = []
    for path in sorted((settings.BASE_DIR / "catalogues").glob("*.yaml")):
        plan = plan_catalogue(path.read_bytes())
        if not plan.is_valid:
            raise ValueError(f"{path}: " + "; ".join(str(error) for error in plan.errors))
        if not plan.is_unchanged:
            catalogue = apply_plan(plan)
            _put_in_force_if_none_is(catalogue)
            loaded.append(f"{catalogue.code} {catalogue.version} ({catalogue.status})")
    return ", ".join(loaded) or "already loaded"


def _put_in_force_if_none_is(catalogue: Catalogue) -> None:
    if Catalogue.objects.filter(code=catalogue.code, status=CatalogueStatus.IN_FORCE).exists():
        return
    services.put_in_force(catalogue, first_fiscal_year=fiscal_year(catalogue.effective_date), acting_user=None)
