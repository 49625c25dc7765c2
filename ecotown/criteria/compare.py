"""What changed between two versions of a catalogue: pure functions over plain snapshots.

A snapshot maps a requirement code to the settings that matter to an area: its titles, kind, level, dimensions
and target settings. Guidance and evidence texts are editorial and not compared.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

COMPARED_FIELDS = (
    "title_th",
    "title_en",
    "kind",
    "level",
    "dimensions",
    "target_required",
    "target_kind",
    "target_unit",
)
FIELD_LABELS = {
    "title_th": _("title (Thai)"),
    "title_en": _("title (English)"),
    "kind": _("kind"),
    "level": _("level"),
    "dimensions": _("dimensions"),
    "target_required": _("target value required"),
    "target_kind": _("kind of target"),
    "target_unit": _("unit of the target"),
}


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: object
    new: object

    @property
    def label(self):
        return FIELD_LABELS.get(self.field, self.field)

    @property
    def old_text(self) -> str:
        return _as_text(self.old)

    @property
    def new_text(self) -> str:
        return _as_text(self.new)


def _as_text(value) -> str:
    if isinstance(value, tuple | list):
        return ", ".join(value) or "—"
    if value is None or value == "":
        return "—"
    return str(value)


@dataclass(frozen=True)
class RequirementChange:
    code: str
    old: dict
    new: dict
    fields: tuple[FieldChange, ...]


@dataclass
class Comparison:
    added: list[dict] = field(default_factory=list)
    removed: list[dict] = field(default_factory=list)
    changed: list[RequirementChange] = field(default_factory=list)
    unchanged: int = 0

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


def compare(old: Mapping[str, dict], new: Mapping[str, dict]) -> Comparison:
    """Requirements added, removed and changed (same code, different compared settings) from `old` to `new`."""
    result = Comparison()
    for code, spec in new.items():
        if code not in old:
            result.added.append(spec)
            continue
        fields = tuple(
            FieldChange(name, old[code].get(name), spec.get(name))
            for name in COMPARED_FIELDS
            if old[code].get(name) != spec.get(name)
        )
        if fields:
            result.changed.append(RequirementChange(code, old[code], spec, fields))
        else:
            result.unchanged += 1
    result.removed = [spec for code, spec in old.items() if code not in new]
    return result


def snapshot(
    *,
    code,
    kind,
    level,
    dimensions,
    title_th,
    title_en="",
    target_required=False,
    target_kind="",
    target_unit="",
    wording="",
) -> dict:
    """One requirement's compared settings in a normal form (sorted dimensions, empty strings for none)."""
    return {
        "code": code,
        "kind": kind,
        "level": level,
        "dimensions": tuple(sorted(dimensions)),
        "title_th": title_th,
        "title_en": title_en or "",
        "target_required": bool(target_required),
        "target_kind": target_kind or "",
        "target_unit": target_unit or "",
        "wording": wording,
    }


def snapshot_of_data(data: Mapping) -> dict[str, dict]:
    """The snapshot of a validated catalogue file (see loader.parse)."""
    result = {}
    for item in data["requirements"]:
        target = item.get("target") or {}
        title = item["title"]
        result[item["code"]] = snapshot(
            code=item["code"],
            kind=item["kind"],
            level=item.get("level"),
            dimensions=item["dimensions"],
            title_th=title["th"],
            title_en=title.get("en", ""),
            target_required=target.get("required", False),
            target_kind=target.get("kind"),
            target_unit=target.get("unit"),
            wording=item["wording"],
        )
    return result


def snapshot_of_catalogue(catalogue) -> dict[str, dict]:
    """The snapshot of a loaded catalogue, read in two queries."""
    requirements = catalogue.requirements.select_related("level").prefetch_related("dimensions")
    return {
        requirement.code: snapshot(
            code=requirement.code,
            kind=requirement.kind,
            level=requirement.level.number if requirement.level else None,
            dimensions=[dimension.code for dimension in requirement.dimensions.all()],
            title_th=requirement.title_th,
            title_en=requirement.title_en,
            target_required=requirement.target_required,
            target_kind=requirement.target_kind,
            target_unit=requirement.target_unit,
            wording=requirement.wording,
        )
        for requirement in requirements
    }
