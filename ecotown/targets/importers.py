"""Read the area workbook (exporters.AreaTargetExporter) back.

Two passes over the same file, each in one transaction: `check` (nothing written) gives the preview — rows to
add, change, leave unchanged, and every refused row with its reason — and `write` checks again and writes only
if every row is good. Both run as background jobs (targets.jobs).

A workbook is untrusted input: the zip is measured before it is opened (total size, compression ratio, number
of parts), XML is parsed by defusedxml (no entity bombs, no external entities), rows and reported errors are
capped, and numbers are read with bounded patterns and range-checked before any conversion, so no cell can
hold a worker for long.
"""

import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from ecotown.core import dates
from ecotown.criteria.models import AreaRequirementSelection, Requirement
from ecotown.targets import evaluation
from ecotown.targets.choices import Direction
from ecotown.targets.exporters import (
    ABOUT_AREA,
    ABOUT_CATALOGUE,
    ABOUT_VERSION,
    COLUMNS,
    DIRECTION_TH,
    READ_ONLY_COLUMNS,
    SHEET_ABOUT,
    SHEET_TARGETS,
)
from ecotown.targets.models import Actual, Target

MAX_ROWS = 5_000  # the template has a few hundred
MAX_ERRORS_SHOWN = 200
MAX_UNCOMPRESSED = 50 * 1024 * 1024
MAX_RATIO = 100
MAX_PARTS = 500
MAX_CHANGES_SHOWN = 500

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
NUMBER = re.compile(r"[+-]?\d{1,13}(?:\.\d{1,8})?")
YEAR = re.compile(r"\d{4}")
LIMIT = Decimal(10) ** 12
FORMULA_START = ("=", "+", "-", "@")


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
    more_errors: int = 0
    changes: list[str] = field(default_factory=list)
    written: bool = False

    def error(self, row: int, message: str) -> None:
        if len(self.errors) < MAX_ERRORS_SHOWN:
            self.errors.append(RowError(row, message))
        else:
            self.more_errors += 1

    @property
    def refused(self) -> int:
        return len(self.errors) + self.more_errors

    def as_dict(self) -> dict:
        return {
            "created": self.created, "updated": self.updated, "unchanged": self.unchanged, "skipped": self.skipped,
            "errors": [[error.row, error.message] for error in self.errors], "more_errors": self.more_errors,
            "changes": self.changes, "written": self.written,
        }  # fmt: skip


class FileProblem(Exception):
    """The file as a whole cannot be read: nothing is checked further."""


class RowProblem(Exception):
    pass


def check_workbook_zip(file) -> None:
    """Measure the .xlsx container before openpyxl expands anything."""
    try:
        with zipfile.ZipFile(file) as archive:
            parts = archive.infolist()
            if len(parts) > MAX_PARTS:
                raise FileProblem(_("This workbook has too many parts to be the exported template."))
            total = 0
            for part in parts:
                total += part.file_size
                if (
                    part.compress_size
                    and part.file_size / part.compress_size > MAX_RATIO
                    and part.file_size > 1_000_000
                ):
                    raise FileProblem(_("This workbook expands far beyond its size: it is not the exported template."))
            if total > MAX_UNCOMPRESSED:
                raise FileProblem(_("This workbook holds more than 50 MB of data: it is not the exported template."))
    except zipfile.BadZipFile:
        raise FileProblem(_("This is not an Excel (.xlsx) file that can be read.")) from None
    finally:
        file.seek(0)


class AreaTargetImporter:
    def __init__(self, area, catalogue, *, acting_user=None, report=None):
        self.area, self.catalogue, self.acting_user = area, catalogue, acting_user
        self.report = report or (lambda percent, message="": None)

    def check(self, file) -> ImportResult:
        return self.run(file, write=False)

    def run(self, file, *, write: bool) -> ImportResult:
        """Check every row and, with `write`, save all of them or none, in one transaction."""
        result = ImportResult()
        try:
            check_workbook_zip(file)
            # Formulas are read as written (not their cached results), so that one is refused, never obeyed.
            workbook = load_workbook(file, read_only=True, data_only=False)
        except FileProblem as problem:
            result.error(0, str(problem))
            return result
        except Exception:
            result.error(0, _("This is not an Excel (.xlsx) file that can be read."))
            return result
        try:
            with transaction.atomic():
                rows = self._rows(workbook)
                self.report(20, _("Checking {count} rows").format(count=len(rows)))
                changes = self._check(rows, result)
                if write and not result.refused:
                    self.report(70, _("Saving"))
                    self._write(changes, result)
                    result.written = True
                else:
                    self._count(changes, result)
        except FileProblem as problem:
            result.error(1, str(problem))
        except IntegrityError:  # another import or a colleague saved the same targets meanwhile
            result = ImportResult()
            result.error(0, _("Someone saved these targets while the file was being imported: nothing was saved. "
                              "Import the file again to see the changes."))  # fmt: skip
        finally:
            workbook.close()
        return result

    # -- reading -----------------------------------------------------------------------------------------------

    def _rows(self, workbook):
        self._check_about(workbook)
        sheet = workbook[SHEET_TARGETS] if SHEET_TARGETS in workbook.sheetnames else workbook.worksheets[0]
        lines = sheet.iter_rows()
        header = [_text(cell.value) for cell in next(lines, ())]
        positions = {}
        for key, title in COLUMNS:
            if title in header:
                positions[key] = header.index(title)
            elif key not in READ_ONLY_COLUMNS:
                raise FileProblem(_("Column “{column}” is missing: start from the exported file.").format(column=title))
        rows = []
        for number, line in enumerate(lines, start=2):
            if len(rows) >= MAX_ROWS:
                raise FileProblem(
                    _("The file has more than {count} rows: upload the workbook exported from this page.").format(
                        count=f"{MAX_ROWS:,}"
                    )
                )
            cells = {key: line[index] if index < len(line) else None for key, index in positions.items()}
            if any(cell is not None and cell.value not in (None, "") for cell in cells.values()):
                rows.append((number, cells))
        return rows

    def _check_about(self, workbook):
        if SHEET_ABOUT not in workbook.sheetnames:
            raise FileProblem(
                _("The sheet “{sheet}” is missing: start from the file exported from this page.").format(
                    sheet=SHEET_ABOUT
                )
            )
        about = {}
        for row in workbook[SHEET_ABOUT].iter_rows(max_row=20, max_col=2, values_only=True):
            if len(row) > 1 and row[0] is not None:
                about[_text(row[0])] = _text(row[1])
        expected = {
            ABOUT_AREA: self.area.code,
            ABOUT_CATALOGUE: self.catalogue.code,
            ABOUT_VERSION: self.catalogue.version,
        }
        for key, value in expected.items():
            if about.get(key) != value:
                raise FileProblem(
                    _("This file is for {key} “{found}”, but this page is for “{expected}”. Export the file from this "
                      "page (area {area}, catalogue {catalogue} version {version}) and fill that in.").format(
                        key=key, found=_shorten(about.get(key) or "—"), expected=value, area=self.area.code,
                        catalogue=self.catalogue.code, version=self.catalogue.version,
                    )
                )  # fmt: skip

    # -- checking ----------------------------------------------------------------------------------------------

    def _check(self, rows, result) -> list:
        selected = AreaRequirementSelection.objects.filter(area=self.area, requirement=OuterRef("pk"))
        requirements = {
            r.code: r
            for r in Requirement.objects.filter(catalogue=self.catalogue).annotate(selected_by_area=Exists(selected))
        }
        selected_ids = {r.pk for r in requirements.values() if r.selected_by_area}
        existing = {
            (t.requirement_id, t.fiscal_year): t
            for t in Target.objects.filter(area=self.area, requirement__catalogue=self.catalogue)
            .select_related("actual")
            .select_for_update(of=("self",))
        }
        seen, changes = {}, []
        for number, cells in rows:
            try:
                change = self._check_row(cells, requirements, selected_ids, existing, seen, number)
            except RowProblem as problem:
                result.error(number, str(problem))
                continue
            if change is None:
                result.skipped += 1
            else:
                changes.append(change)
        return changes

    def _check_row(self, cells, requirements, selected_ids, existing, seen, number):
        code = _text(_value(cells, "code"))
        requirement = requirements.get(code)
        if requirement is None:
            raise RowProblem(_("Requirement code “{code}” is not in this catalogue.").format(code=_shorten(code)))
        year = _year(_value(cells, "fiscal_year"), _header("fiscal_year"))
        key = (requirement.pk, year)
        if key in seen:
            raise RowProblem(
                _("{code} for fiscal year {year} is already on row {row}.").format(code=code, year=year, row=seen[key])
            )
        seen[key] = number
        kind = requirement.target_kind
        target_value = _number(cells, "target_value", kind)
        actual_value = _number(cells, "actual_value", kind)
        target = existing.get(key)
        actual = getattr(target, "actual", None) if target else None
        if target_value is None:
            if target is not None:
                raise RowProblem(_("The target value is empty but a target exists: delete it on the web page."))
            if actual_value is not None:
                raise RowProblem(_("Give a target value before its actual value."))
            return None
        if actual_value is None and actual is not None:
            raise RowProblem(_("The actual value is empty but a result exists: remove it on the data-entry page."))
        target = target or Target(area=self.area, requirement=requirement)
        target.requirement, target.area = requirement, self.area
        before = _snapshot(target, TARGET_FIELDS) if target.pk else None
        target.fiscal_year = year
        target.target_value = target_value
        target.baseline_value = _number(cells, "baseline_value", kind)
        target.baseline_year = _year(_value(cells, "baseline_year"), _header("baseline_year"), required=False)
        target.unit = _safe_text(_value(cells, "unit"), _header("unit")) or requirement.target_unit
        target.direction = _direction(_value(cells, "direction"))
        target.data_source = _safe_text(_value(cells, "data_source"), _header("data_source"))
        _validate(target, selected_ids)
        target_changed = before != _snapshot(target, TARGET_FIELDS)
        actual_changed = False
        if actual_value is not None:
            actual = actual or Actual(target=target)
            actual_before = _snapshot(actual, ACTUAL_FIELDS) if actual.pk else None
            actual.value = actual_value
            actual.recorded_on = _date(_value(cells, "recorded_on")) or actual.recorded_on
            actual.evidence_url = _safe_text(_value(cells, "evidence_url"), _header("evidence_url"))
            _validate_actual(actual, kind)
            actual_changed = actual_before != _snapshot(actual, ACTUAL_FIELDS)
        return target, before, target_changed, (actual if actual_changed else None)

    # -- writing -----------------------------------------------------------------------------------------------

    def _count(self, changes, result):
        for target, before, target_changed, actual in changes:
            self._tally(target, before, target_changed, actual, result)

    def _write(self, changes, result):
        total = max(len(changes), 1)
        for index, (target, before, target_changed, actual) in enumerate(changes):
            self._tally(target, before, target_changed, actual, result)
            if target_changed:
                target._history_user = self.acting_user
                target.save()
            if actual is not None:
                actual.target = target
                actual._history_user = self.acting_user
                actual.save()
            if index % 50 == 0:
                self.report(70 + 30 * index // total, _("Saving"))

    @staticmethod
    def _tally(target, before, target_changed, actual, result):
        label = f"{target.requirement.code} · {target.fiscal_year}"
        if target.pk is None:
            result.created += 1
            line = _("{row}: new target {value}").format(row=label, value=_plain(target.target_value))
        elif target_changed or actual is not None:
            result.updated += 1
            line = _("{row}: changed").format(row=label)
        else:
            result.unchanged += 1
            return
        if actual is not None:
            line += " · " + _("result {value}").format(value=_plain(actual.value))
        if len(result.changes) < MAX_CHANGES_SHOWN:
            result.changes.append(line)


# -- reading cells -------------------------------------------------------------------------------------------------


def _value(cells, key):
    cell = cells.get(key)
    if cell is None:
        return None
    _refuse_formula(cell, key)
    return cell.value


def _refuse_formula(cell, key) -> None:
    if getattr(cell, "data_type", None) == "f" or (isinstance(cell.value, str) and cell.value.startswith("=")):
        raise RowProblem(
            _("{column}: the cell holds a formula ({formula}). Type or paste the value itself.").format(
                column=_header(key), formula=_shorten(cell.value, 40)
            )
        )


def _header(key):
    return dict(COLUMNS)[key]


def _snapshot(obj, names):
    return tuple(_normal(getattr(obj, name)) for name in names)


def _normal(value):
    if isinstance(value, Decimal):
        return value.quantize(Decimal("0.0001"))
    return value


def _plain(value) -> str:
    return f"{Decimal(value).normalize():,f}"


def _shorten(text, length: int = 80) -> str:
    text = str(text)
    return text if len(text) <= length else text[: length - 1] + "…"


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < LIMIT:
        value = int(value)
    return str(value).strip()


def _safe_text(value, column) -> str:
    """Text as typed, minus control characters; refused when it starts like a formula (OWASP: a cell that
    starts with = + - @ runs when the sheet is opened again), unless an apostrophe quotes it as text, as the
    export writes such a value: then it is read back without the apostrophe, so a round trip changes nothing."""
    text = "".join(ch for ch in _text(value) if ch >= " " or ch in "\n")
    if text.startswith("'") and text[1:].startswith(FORMULA_START):
        # Written so by the export (exporters.neutralised): the text itself, read back as it was saved.
        return text[1:]
    if text.startswith(FORMULA_START):
        raise RowProblem(
            _(
                "{column}: “{value}” starts with {sign}, which a spreadsheet would run as a formula. Remove the sign "
                "or start with a letter."
            ).format(column=column, value=_shorten(text), sign=text[0])
        )
    return text


def _number(cells, key, kind):
    """A number from a cell: Excel numbers as they are (a cell formatted as percent stores 85% as 0.85 and is
    read as 85), text only when it matches a plain bounded pattern."""
    cell, column = cells.get(key), _header(key)
    if cell is None or cell.value in (None, ""):
        return None
    _refuse_formula(cell, key)
    value = cell.value
    if isinstance(value, bool):
        raise RowProblem(_("{column}: “{value}” is not a number.").format(column=column, value=value))
    if isinstance(value, int | float):
        if value != value or abs(value) >= LIMIT:  # NaN or out of range, checked before any conversion
            raise RowProblem(_("{column}: “{value}” is not a number.").format(column=column, value=_shorten(value)))
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        if "%" in (getattr(cell, "number_format", "") or ""):
            if kind != "percentage":
                raise RowProblem(
                    _(
                        "{column}: the cell is formatted as a percentage but this target is not one. Format it as a "
                        "number."
                    ).format(column=column)
                )
            number *= 100
        return number.quantize(Decimal("0.0001"))
    word = str(value).strip().lower()
    if word in YES_NO_WORDS and kind == "yes_no":
        return Decimal(YES_NO_WORDS[word])
    text = word.replace(",", "").removesuffix("%").strip()
    if len(text) > 30 or not NUMBER.fullmatch(text):
        raise RowProblem(_("{column}: “{value}” is not a number.").format(column=column, value=_shorten(value)))
    return Decimal(text).quantize(Decimal("0.0001"))


def _year(value, column, required=True):
    if value is None or value == "":
        if required:
            raise RowProblem(_("{column} is empty.").format(column=column))
        return None
    if isinstance(value, float) and value.is_integer() and 1000 <= value <= 9999:
        value = int(value)
    text = str(value).strip() if not isinstance(value, int) else str(value)
    if len(text) > 10 or not YEAR.fullmatch(text):
        raise RowProblem(
            _("{column}: “{value}” is not a year such as 2569.").format(column=column, value=_shorten(value))
        )
    year = int(text)
    if not dates.PLAUSIBLE_BE[0] <= year <= dates.PLAUSIBLE_BE[1]:
        raise RowProblem(
            _("{column}: {year} is not a Buddhist Era year such as 2569.").format(column=column, year=year)
        )
    return year


def _direction(value):
    text = _text(value).lower()
    if not text:
        return Direction.AT_LEAST
    if text not in DIRECTIONS:
        choices = ", ".join(DIRECTION_TH.values())
        raise RowProblem(
            _("{column}: “{value}” is not one of {choices}.").format(
                column=_header("direction"), value=_shorten(value), choices=choices
            )
        )
    return DIRECTIONS[text]


def _date(value):
    try:
        return dates.to_date(value)
    except dates.ImplausibleYear as error:
        raise RowProblem(
            _("{column}: the year reads as B.E. {year}, which cannot be right.").format(
                column=_header("recorded_on"), year=error.year_be
            )
        ) from None
    except (ValueError, OverflowError):
        raise RowProblem(
            _("{column}: “{value}” is not a date such as 22/11/2569.").format(
                column=_header("recorded_on"), value=_shorten(value)
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
        actual.clean_fields(exclude=["target", "notes"])
    except ValidationError as error:
        raise RowProblem("; ".join(" ".join(map(str, m)) for m in error.message_dict.values())) from None


def _label(name):
    keys = {key for key, _title in COLUMNS}
    return _header(name) if name in keys else str(Target._meta.get_field(name).verbose_name)
