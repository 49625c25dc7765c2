"""Read the area workbook (exporters.AreaTargetExporter) back: all rows checked, then all written or none."""

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from ecotown.core import dates
from ecotown.criteria.models import AreaRequirementSelection, Requirement
from ecotown.targets import evaluation
from ecotown.targets.choices import Direction
from ecotown.targets.exporters import (
    ABOUT_AREA,
    COLUMNS,
    DIRECTION_TH,
    READ_ONLY_COLUMNS,
    SHEET_ABOUT,
    SHEET_TARGETS,
)
from ecotown.targets.models import Actual, Target

DIRECTIONS = {
    **{text: value for value, text in DIRECTION_TH.items()},
    **{value.value: value for value in Direction},
    **{str(value.label).lower(): value for value in Direction},
    "at least": Direction.AT_LEAST,
    "at most": Direction.AT_MOST,
}
YES_NO_WORDS = {"ใช่": 1, "มี": 1, "yes": 1, "ไม่ใช่": 0, "ไม่มี": 0, "no": 0}
TARGET_FIELDS = ("fiscal_year", "baseline_value", "baseline_year", "target_value", "unit", "direction", "data_source")
ACTUAL_FIELDS = ("value", "recorded_on", "evidence_url")


@dataclass
class RowError:
    row: int
    message: str


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    errors: list[RowError] = field(default_factory=list)


class RowProblem(Exception):
    pass


class AreaTargetImporter:
    def __init__(self, area, catalogue, user=None):
        self.area, self.catalogue, self.user = area, catalogue, user

    def run(self, file) -> ImportResult:
        result = ImportResult()
        try:
            workbook = load_workbook(file, read_only=True, data_only=True)
        except Exception:
            result.errors.append(RowError(0, _("This is not an Excel (.xlsx) file that can be read.")))
            return result
        try:
            rows = self._rows(workbook)
        except RowProblem as problem:
            result.errors.append(RowError(1, str(problem)))
            return result
        changes = self._check(rows, result)
        if not result.errors:
            self._write(changes, result)
        return result

    def _rows(self, workbook):
        if SHEET_ABOUT in workbook.sheetnames:
            about = {row[0]: row[1] for row in workbook[SHEET_ABOUT].iter_rows(values_only=True) if len(row) > 1}
            code = about.get(ABOUT_AREA)
            if code and code != self.area.code:
                raise RowProblem(
                    _("This file is for area {file_area}, not {area}.").format(file_area=code, area=self.area.code)
                )
        sheet = workbook[SHEET_TARGETS] if SHEET_TARGETS in workbook.sheetnames else workbook.worksheets[0]
        lines = sheet.iter_rows(values_only=True)
        header = [str(value).strip() if value is not None else "" for value in next(lines, ())]
        positions = {}
        for key, title in COLUMNS:
            if title in header:
                positions[key] = header.index(title)
            elif key not in READ_ONLY_COLUMNS:
                raise RowProblem(_("Column “{column}” is missing: start from the exported file.").format(column=title))
        return [
            (number, {key: line[index] if index < len(line) else None for key, index in positions.items()})
            for number, line in enumerate(lines, start=2)
            if any(value not in (None, "") for value in line)
        ]

    def _check(self, rows, result) -> list:
        selected = AreaRequirementSelection.objects.filter(area=self.area, requirement=OuterRef("pk"))
        requirements = {
            r.code: r
            for r in Requirement.objects.filter(catalogue=self.catalogue).annotate(selected_by_area=Exists(selected))
        }
        selected_ids = {r.pk for r in requirements.values() if r.selected_by_area}
        existing = {
            (t.requirement_id, t.fiscal_year): t
            for t in Target.objects.filter(area=self.area, requirement__catalogue=self.catalogue).select_related(
                "actual"
            )
        }
        seen, changes = {}, []
        for number, values in rows:
            try:
                change = self._check_row(values, requirements, selected_ids, existing, seen, number)
            except RowProblem as problem:
                result.errors.append(RowError(number, str(problem)))
                continue
            if change is None:
                result.skipped += 1
            else:
                changes.append(change)
        return changes

    def _check_row(self, values, requirements, selected_ids, existing, seen, number):
        code = _text(values.get("code"))
        requirement = requirements.get(code)
        if requirement is None:
            raise RowProblem(_("Requirement code “{code}” is not in this catalogue.").format(code=code))
        year = _integer(values.get("fiscal_year"), _header("fiscal_year"))
        key = (requirement.pk, year)
        if key in seen:
            raise RowProblem(
                _("{code} for fiscal year {year} is already on row {row}.").format(code=code, year=year, row=seen[key])
            )
        seen[key] = number
        kind = requirement.target_kind
        target_value = _number(values.get("target_value"), _header("target_value"), kind)
        actual_value = _number(values.get("actual_value"), _header("actual_value"), kind)
        target = existing.get(key)
        actual = getattr(target, "actual", None) if target else None
        if target_value is None:
            if target is not None:
                raise RowProblem(_("The target value is empty but a target exists: delete it on the web page."))
            if actual_value is not None:
                raise RowProblem(_("Give a target value before its actual value."))
            return None
        if actual_value is None and actual is not None:
            raise RowProblem(_("The actual value is empty but a result exists: delete it on the web page."))
        target = target or Target(area=self.area, requirement=requirement)
        target.requirement, target.area = requirement, self.area
        before = _snapshot(target, TARGET_FIELDS) if target.pk else None
        target.fiscal_year = year
        target.target_value = target_value
        target.baseline_value = _number(values.get("baseline_value"), _header("baseline_value"), kind)
        target.baseline_year = _integer(values.get("baseline_year"), _header("baseline_year"), required=False)
        target.unit = _text(values.get("unit")) or requirement.target_unit
        target.direction = _direction(values.get("direction"))
        target.data_source = _text(values.get("data_source"))
        _validate(target, selected_ids)
        target_changed = before != _snapshot(target, TARGET_FIELDS)
        actual_changed = False
        if actual_value is not None:
            actual = actual or Actual(target=target)
            actual_before = _snapshot(actual, ACTUAL_FIELDS) if actual.pk else None
            actual.value = actual_value
            actual.recorded_on = _date(values.get("recorded_on")) or actual.recorded_on
            actual.evidence_url = _text(values.get("evidence_url"))
            _validate_actual(actual, kind)
            actual_changed = actual_before != _snapshot(actual, ACTUAL_FIELDS)
        return target, target_changed, (actual if actual_changed else None)

    @transaction.atomic
    def _write(self, changes, result):
        for target, target_changed, actual in changes:
            is_new = target.pk is None
            if target_changed:
                target.save()
            if actual is not None:
                actual.target = target
                actual.save()
            if is_new:
                result.created += 1
            elif target_changed or actual is not None:
                result.updated += 1
            else:
                result.unchanged += 1


def _header(key):
    return dict(COLUMNS)[key]


def _snapshot(obj, names):
    return tuple(_normal(getattr(obj, name)) for name in names)


def _normal(value):
    if isinstance(value, Decimal):
        return value.quantize(Decimal("0.0001"))
    return value


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _number(value, column, kind):
    if value is None or value == "":
        return None
    if isinstance(value, str):
        word = value.strip().lower()
        if word in YES_NO_WORDS and kind == "yes_no":
            return Decimal(YES_NO_WORDS[word])
        value = word.replace(",", "").rstrip("%").strip()
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise RowProblem(_("{column}: “{value}” is not a number.").format(column=column, value=value)) from None
    if not number.is_finite() or abs(number) >= Decimal(10**12):
        raise RowProblem(_("{column}: “{value}” is not a number.").format(column=column, value=value))
    return number.quantize(Decimal("0.0001"))


def _integer(value, column, required=True):
    if value is None or value == "":
        if required:
            raise RowProblem(_("{column} is empty.").format(column=column))
        return None
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        number = None
    if number is None or number != number.to_integral_value():
        raise RowProblem(_("{column}: “{value}” is not a whole year.").format(column=column, value=value))
    return int(number)


def _direction(value):
    text = _text(value).lower()
    if not text:
        return Direction.AT_LEAST
    if text not in DIRECTIONS:
        choices = ", ".join(DIRECTION_TH.values())
        raise RowProblem(
            _("{column}: “{value}” is not one of {choices}.").format(
                column=_header("direction"), value=value, choices=choices
            )
        )
    return DIRECTIONS[text]


def _date(value):
    try:
        return dates.to_date(value)
    except ValueError:
        raise RowProblem(
            _("{column}: “{value}” is not a date such as 22/11/2569.").format(
                column=_header("recorded_on"), value=value
            )
        ) from None


def _validate(target, selected_ids):
    errors = {}
    try:
        target.clean_fields(exclude=["area", "requirement", "notes"])
    except ValidationError as error:
        errors.update(error.message_dict)
    for name, message in {**target.requirement_errors(selected_ids), **target.value_errors()}.items():
        errors.setdefault(name, []).append(str(message))
    if errors:
        raise RowProblem(
            "; ".join(f"{_label(name)}: {' '.join(map(str, messages))}" for name, messages in errors.items())
        )


def _validate_actual(actual, kind):
    message = evaluation.value_error(actual.value, kind)
    if message:
        raise RowProblem(f"{_header('actual_value')}: {message}")
    try:
        actual.clean_fields(exclude=["target", "notes", "evidence_file"])
    except ValidationError as error:
        raise RowProblem("; ".join(" ".join(map(str, m)) for m in error.message_dict.values())) from None


def _label(name):
    keys = {key for key, _title in COLUMNS}
    return _header(name) if name in keys else str(Target._meta.get_field(name).verbose_name)
