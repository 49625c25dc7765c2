"""Read a plan's project workbook (exporters.PlanProjectExporter) back into a draft version.

Two passes over the same file, as for target values (targets.importers): `check` writes nothing and gives the
preview — projects to add, change, leave unchanged, and every refused row with its reason — and `write` checks
again and saves every row or none, in one transaction. Projects are matched by their code within the version;
a project missing from the file is left as it is (delete it on its page). Budget cells replace the project's
budget lines; rows on the KPI sheet replace the KPIs of the projects they name.

The file is untrusted: the container is measured before it is opened, formulas are refused, text that a
spreadsheet would run as a formula is refused, numbers are read by bounded patterns, rows are capped.
"""

import re
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from ecotown.core import dates
from ecotown.criteria.models import Requirement
from ecotown.plans.coverage import catalogue_for_plan
from ecotown.plans.exporters import (
    ABOUT_PLAN,
    ABOUT_VERSION,
    KPI_COLUMNS,
    PROJECT_COLUMNS,
    SHEET_ABOUT,
    SHEET_KPIS,
    SHEET_PROJECTS,
    budget_columns,
)
from ecotown.plans.models import BudgetLine, Kpi, PlanVersion, Project
from ecotown.targets.importers import FileProblem, ImportResult, RowProblem, check_workbook_zip

MAX_ROWS = 2_000
MAX_CHANGES_SHOWN = 500
NUMBER = re.compile(r"[+-]?\d{1,13}(?:\.\d{1,4})?")
YEAR = re.compile(r"\d{4}")
LIMIT = Decimal(10) ** 13
FORMULA_START = ("=", "+", "-", "@")
REQUIRED = ("code", "title", "owner_organisation")
HEADERS = dict(PROJECT_COLUMNS)
KPI_HEADERS = dict(KPI_COLUMNS)
PROJECT_FIELDS = ("title", "owner_organisation", "supporting_organisations", "rationale", "start_date", "end_date")


@dataclass
class Planned:
    """What one row of the file makes of a project: the project (new or existing, with its fields set), its
    requirements, budget and — when the KPI sheet names it — KPIs."""

    row: int
    project: Project
    changed: bool
    requirements: list
    budget: dict
    kpis: list | None = None
    requirements_changed: bool = False
    budget_changed: bool = False
    kpis_changed: bool = False

    @property
    def any_change(self) -> bool:
        return self.project.pk is None or self.changed or self.requirements_changed or self.budget_changed or (
            self.kpis_changed
        )  # fmt: skip


class ProjectImporter:
    def __init__(self, version, *, acting_user=None, report=None):
        self.version, self.plan, self.acting_user = version, version.plan, acting_user
        self.report = report or (lambda percent, message="": None)

    def run(self, file, *, write: bool) -> ImportResult:
        result = ImportResult()
        try:
            check_workbook_zip(file)
            workbook = load_workbook(file, read_only=True, data_only=False)
        except FileProblem as problem:
            result.error(0, str(problem))
            return result
        except Exception:
            result.error(0, _("This is not an Excel (.xlsx) file that can be read."))
            return result
        try:
            with transaction.atomic():
                # Locked, so that nobody submits the version between the check and the write.
                version = PlanVersion.objects.select_for_update().get(pk=self.version.pk)
                if version.is_frozen:
                    raise FileProblem(_("This plan version is {status} and frozen: start a new version to import "
                                        "projects.").format(status=version.get_status_display().lower()))  # fmt: skip
                self._check_about(workbook)
                planned = self._check(workbook, result)
                self.report(60, _("Checked {count} rows").format(count=len(planned)))
                self._tally(planned, result)
                if write and not result.refused:
                    self.report(70, _("Saving"))
                    self._write(planned)
                    result.written = True
        except FileProblem as problem:
            result = ImportResult()
            result.error(0, str(problem))
        finally:
            workbook.close()
        return result

    # -- reading -----------------------------------------------------------------------------------------------

    def _check_about(self, workbook):
        if SHEET_ABOUT not in workbook.sheetnames:
            raise FileProblem(_("The sheet “{sheet}” is missing: start from the file exported from the plan's "
                                "page.").format(sheet=SHEET_ABOUT))  # fmt: skip
        about = {}
        for row in workbook[SHEET_ABOUT].iter_rows(max_row=20, max_col=2, values_only=True):
            if len(row) > 1 and row[0] is not None:
                about[_text(row[0])] = _text(row[1])
        if about.get(ABOUT_PLAN) != str(self.plan.pk):
            raise FileProblem(_("This file is for another plan: export the file from this plan's page and fill that "
                                "in."))  # fmt: skip
        if about.get(ABOUT_VERSION) not in (str(self.version.number), str(self.version.number - 1)):
            raise FileProblem(
                _("This file is for version {found}; this page imports into version {number}.").format(
                    found=_shorten(about.get(ABOUT_VERSION) or "—"), number=self.version.number
                )
            )

    def _sheet_rows(self, sheet, columns, required):
        lines = sheet.iter_rows()
        header = [_text(cell.value) for cell in next(lines, ())]
        positions = {}
        for key, title in columns:
            if title in header:
                positions[key] = header.index(title)
            elif key in required:
                raise FileProblem(_("Column “{column}” is missing: start from the exported file.").format(column=title))
        rows = []
        for number, line in enumerate(lines, start=2):
            if len(rows) >= MAX_ROWS:
                raise FileProblem(_("The file has more than {count} rows.").format(count=f"{MAX_ROWS:,}"))
            cells = {key: line[index] if index < len(line) else None for key, index in positions.items()}
            if any(cell is not None and cell.value not in (None, "") for cell in cells.values()):
                rows.append((number, cells))
        return rows

    def _check(self, workbook, result) -> list[Planned]:
        if SHEET_PROJECTS not in workbook.sheetnames:
            raise FileProblem(_("The sheet “{sheet}” is missing.").format(sheet=SHEET_PROJECTS))
        budget = budget_columns(self.plan.years)
        rows = self._sheet_rows(workbook[SHEET_PROJECTS], (*PROJECT_COLUMNS, *budget), REQUIRED)
        catalogue = catalogue_for_plan(self.plan)
        self.requirements = {r.code: r for r in Requirement.objects.filter(catalogue=catalogue)} if catalogue else {}
        existing = {
            p.code: p for p in self.version.projects.prefetch_related("requirements", "budget_lines", "kpis") if p.code
        }
        planned, seen = {}, {}
        for number, cells in rows:
            try:
                item = self._check_row(number, cells, existing, seen, budget)
            except RowProblem as problem:
                result.error(number, str(problem))
                continue
            planned[item.project.code] = item
        if SHEET_KPIS in workbook.sheetnames:
            self._check_kpis(workbook[SHEET_KPIS], planned, result)
        return list(planned.values())

    def _check_row(self, number, cells, existing, seen, budget) -> Planned:
        code = _safe_text(_value(cells, "code"), HEADERS["code"])
        if not code:
            raise RowProblem(_("Give the project a code: the import matches projects by code."))
        if len(code) > Project._meta.get_field("code").max_length:
            raise RowProblem(_("The code “{code}” is too long.").format(code=_shorten(code)))
        if code in seen:
            raise RowProblem(_("Project {code} is already on row {row}.").format(code=code, row=seen[code]))
        seen[code] = number
        project = existing.get(code) or Project(version=self.version, code=code)
        before = _snapshot(project) if project.pk else None
        for key in ("title", "owner_organisation", "supporting_organisations", "rationale"):
            setattr(project, key, _safe_text(_value(cells, key), HEADERS[key]))
        project.start_date = _date(_value(cells, "start_date"), HEADERS["start_date"])
        project.end_date = _date(_value(cells, "end_date"), HEADERS["end_date"])
        try:
            project.full_clean(exclude=["version", "key", "notes", "position"])
        except ValidationError as error:
            raise RowProblem(_messages(error, Project)) from None
        requirements = self._requirements(_text(_value(cells, "requirements")))
        amounts = {}
        for key, header in budget:
            amount = _amount(cells.get(key), header)
            if amount is not None:
                amounts[key] = amount
        item = Planned(number, project, before != _snapshot(project), requirements, amounts)
        if project.pk:
            item.requirements_changed = {r.code for r in project.requirements.all()} != {r.code for r in requirements}
            item.budget_changed = {(b.fiscal_year, b.source): b.amount for b in project.budget_lines.all()} != amounts
        else:
            item.requirements_changed, item.budget_changed = bool(requirements), bool(amounts)
        return item

    def _requirements(self, text: str) -> list:
        codes = [code.strip() for code in re.split(r"[,;\s]+", text[:2000]) if code.strip()]
        unknown = [code for code in codes if code not in self.requirements]
        if unknown:
            raise RowProblem(_("Requirement {codes} is not in the catalogue in force.").format(
                codes=", ".join(_shorten(code, 20) for code in unknown[:5])))  # fmt: skip
        return [self.requirements[code] for code in dict.fromkeys(codes)]

    def _check_kpis(self, sheet, planned, result):
        rows = self._sheet_rows(sheet, KPI_COLUMNS, ("code", "name", "target_value"))
        for number, cells in rows:
            try:
                code = _safe_text(_value(cells, "code"), KPI_HEADERS["code"])
                item = planned.get(code)
                if item is None:
                    raise RowProblem(_("KPI sheet: project {code} is not on the project sheet.").format(
                        code=_shorten(code or "—")))  # fmt: skip
                kpi = Kpi(
                    project=item.project if item.project.pk else None,
                    name=_safe_text(_value(cells, "name"), KPI_HEADERS["name"]),
                    unit=_safe_text(_value(cells, "unit"), KPI_HEADERS["unit"]),
                    baseline=_amount(cells.get("baseline"), KPI_HEADERS["baseline"], negative=True),
                    target_value=_amount(cells.get("target_value"), KPI_HEADERS["target_value"], negative=True),
                    target_year=_year(_value(cells, "target_year"), KPI_HEADERS["target_year"]),
                )
                if not kpi.name or kpi.target_value is None:
                    raise RowProblem(_("KPI sheet: give the KPI and its target value."))
                try:
                    kpi.clean_fields(exclude=["project", "notes"])
                except ValidationError as error:
                    raise RowProblem(_messages(error, Kpi)) from None
            except RowProblem as problem:
                result.error(number, f"{SHEET_KPIS}: {problem}")
                continue
            if item.kpis is None:
                item.kpis = []
            item.kpis.append(kpi)
        for item in planned.values():
            if item.kpis is not None:
                old = [_kpi_key(k) for k in item.project.kpis.all()] if item.project.pk else []
                item.kpis_changed = old != [_kpi_key(k) for k in item.kpis]

    # -- counting and writing ------------------------------------------------------------------------------------

    def _tally(self, planned, result):
        for item in planned:
            label = f"{item.project.code} {item.project.title}"
            if item.project.pk is None:
                result.created += 1
                line = _("{row}: new project").format(row=label)
            elif item.any_change:
                result.updated += 1
                line = _("{row}: changed").format(row=label)
            else:
                result.unchanged += 1
                continue
            if len(result.changes) < MAX_CHANGES_SHOWN:
                result.changes.append(line)

    def _write(self, planned):
        user = self.acting_user
        total = max(len(planned), 1)
        for index, item in enumerate(planned):
            if not item.any_change:
                continue
            project = item.project
            if project.pk is None or item.changed:
                project._history_user = user
                project.save()
            if item.requirements_changed:
                project.requirements.set(item.requirements)
            if item.budget_changed:
                self._write_budget(project, item.budget)
            if item.kpis_changed:
                for kpi in project.kpis.all():
                    kpi._history_user = user
                    kpi.delete()
                for kpi in item.kpis:
                    kpi.project = project
                    kpi._history_user = user
                    kpi.save()
            if index % 20 == 0:
                self.report(70 + 30 * index // total, _("Saving"))

    def _write_budget(self, project, amounts):
        current = {(line.fiscal_year, line.source): line for line in project.budget_lines.all()}
        for key, line in current.items():
            if key not in amounts:
                line._history_user = self.acting_user
                line.delete()
        for (year, source), amount in amounts.items():
            line = current.get((year, source)) or BudgetLine(project=project, fiscal_year=year, source=source)
            if line.pk and line.amount == amount:
                continue
            line.amount = amount
            line._history_user = self.acting_user
            line.save()


# -- reading cells -------------------------------------------------------------------------------------------------


def _snapshot(project):
    return tuple(getattr(project, name) for name in PROJECT_FIELDS)


def _kpi_key(kpi):
    return (kpi.name, kpi.unit, _normal(kpi.baseline), _normal(kpi.target_value), kpi.target_year)


def _normal(value):
    return None if value is None else Decimal(value).quantize(Decimal("0.0001"))


def _value(cells, key):
    cell = cells.get(key)
    if cell is None:
        return None
    _refuse_formula(cell)
    return cell.value


def _refuse_formula(cell) -> None:
    if getattr(cell, "data_type", None) == "f" or (isinstance(cell.value, str) and cell.value.startswith("=")):
        raise RowProblem(_("A cell holds a formula ({formula}). Type or paste the value itself.").format(
            formula=_shorten(cell.value, 40)))  # fmt: skip


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < LIMIT:
        value = int(value)
    return str(value).strip()


def _shorten(text, length: int = 80) -> str:
    text = str(text)
    return text if len(text) <= length else text[: length - 1] + "…"


def _safe_text(value, column) -> str:
    """Text minus control characters; refused when it starts like a formula (OWASP CSV injection)."""
    text = "".join(ch for ch in _text(value) if ch >= " " or ch in "\n")
    if text.startswith("'") and text[1:].startswith(FORMULA_START):
        text = text[1:]  # our own export's neutralised text, read back as typed
        return _refuse_start(text, column, allow=True)
    return _refuse_start(text, column)


def _refuse_start(text, column, allow=False) -> str:
    if not allow and text.startswith(FORMULA_START):
        raise RowProblem(
            _("{column}: “{value}” starts with {sign}, which a spreadsheet would run as a formula. Remove the sign "
              "or start with a letter.").format(column=column, value=_shorten(text), sign=text[0])
        )  # fmt: skip
    return text


def _amount(cell, column, negative=False):
    if cell is None or cell.value in (None, ""):
        return None
    _refuse_formula(cell)
    value = cell.value
    if isinstance(value, bool):
        raise RowProblem(_("{column}: “{value}” is not a number.").format(column=column, value=value))
    if isinstance(value, int | float):
        if value != value or abs(value) >= LIMIT:
            raise RowProblem(_("{column}: “{value}” is not a number.").format(column=column, value=_shorten(value)))
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    else:
        text = str(value).strip().replace(",", "")
        if len(text) > 30 or not NUMBER.fullmatch(text):
            raise RowProblem(_("{column}: “{value}” is not a number.").format(column=column, value=_shorten(value)))
        number = Decimal(text)
    if number < 0 and not negative:
        raise RowProblem(_("{column}: an amount cannot be negative.").format(column=column))
    return number.quantize(Decimal("0.01")) if not negative else number.quantize(Decimal("0.0001"))


def _year(value, column):
    if value in (None, ""):
        return None
    text = _text(value)
    if len(text) > 10 or not YEAR.fullmatch(text):
        raise RowProblem(_("{column}: “{value}” is not a year such as 2569.").format(column=column,
                                                                                    value=_shorten(value)))  # fmt: skip
    year = int(text)
    if not dates.PLAUSIBLE_BE[0] <= year <= dates.PLAUSIBLE_BE[1]:
        raise RowProblem(_("{column}: {year} is not a Buddhist Era year such as 2569.").format(column=column,
                                                                                              year=year))  # fmt: skip
    return year


def _date(value, column):
    try:
        return dates.to_date(value)
    except dates.ImplausibleYear as error:
        raise RowProblem(_("{column}: the year reads as B.E. {year}, which cannot be right.").format(
            column=column, year=error.year_be)) from None  # fmt: skip
    except (ValueError, OverflowError):
        raise RowProblem(_("{column}: “{value}” is not a date such as 22/11/2569.").format(
            column=column, value=_shorten(value))) from None  # fmt: skip


def _messages(error, model) -> str:
    parts = []
    for name, messages in error.message_dict.items():
        label = HEADERS.get(name) or KPI_HEADERS.get(name)
        if label is None and name != "__all__":
            label = str(model._meta.get_field(name).verbose_name)
        parts.append(f"{label}: {' '.join(map(str, messages))}" if label else " ".join(map(str, messages)))
    return "; ".join(parts)
