"""Import the Ministry of Industry's open-data `Factory_Data` CSV (research §7.7), or our Excel template of the
same columns (workbook.py), into the register.

The national file has about 240,000 rows, so it is read as a stream in batches: memory stays flat whatever the
file's length (only the set of registration numbers already seen grows, 14-digit integers, to find duplicates).
Each batch is matched on the 14-digit registration number and created or updated in bulk, with history records.

- `write=False` (the dry run, the page's preview) checks every row and counts what would be added, changed or
  left alone; nothing is written.
- `write=True` checks again and writes in one transaction; with `all_or_nothing` (the default) one bad row
  means nothing is saved at all. `all_or_nothing=False` saves the good rows and reports the others.
- Every refused row goes to the error report (`error_sink`, a CSV with the message in Thai and English); the
  result keeps the first MAX_ERRORS_SHOWN for the page.
- `provinces` limits what an import may write (a provincial officer's): rows of other provinces are skipped and
  counted, never written.

The file is untrusted: encodings are told apart by their bytes (UTF-8 with or without BOM, or TIS-620/cp874),
an .xlsx is read as our template (bounded, formulas refused: workbook.py), cells are read with bounded patterns and
range-checked, and a line is at most MAX_FIELD characters a cell.
"""

import codecs
import csv
import datetime
import functools
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ecotown.core import dates
from ecotown.factories.bulk import FactoryWriter, large_cache
from ecotown.factories.choices import FFLAG_STATUS
from ecotown.factories.models import Factory
from ecotown.factories.models.factory import LATITUDE, LONGITUDE
from ecotown.factories.registration import InvalidRegistration, clean_text, normalise_new, normalise_registration
from ecotown.geo.models import District, Province, Subdistrict

COLUMNS = (
    "FACREG", "DISPFACREG", "FID", "FACTYPE", "FNAME", "ONAME", "OBJECT", "FADDR", "FMOO", "FSOI", "FROAD",
    "FTUMNAME", "FAMPNAME", "FPROVNAME", "TOTAL_CAP", "TOTAL_WORKER", "HP", "LAT", "LNG", "ISIC_CODE", "ESTATE",
    "ESTATE_NAME_TH", "FFLAG", "LAST_UPDATE",
)  # fmt: skip
# What each column fills (besides FACREG, DISPFACREG and the place, which are read on their own).
TEXT_COLUMNS = {
    "FID": "ministry_id", "FACTYPE": "main_type_code", "FNAME": "name", "ONAME": "operator_name",
    "OBJECT": "activity", "FADDR": "house_number", "FMOO": "moo", "FSOI": "soi", "FROAD": "road",
    "ISIC_CODE": "isic_code", "ESTATE_NAME_TH": "industrial_estate",
}  # fmt: skip
COMPARED = (
    "old_registration_number", "ministry_id", "main_type_code", "name", "operator_name", "activity",
    "house_number", "moo", "soi", "road", "isic_code", "industrial_estate", "factory_class", "province_id",
    "district_id", "subdistrict_id", "district_name", "subdistrict_name", "capital", "workers", "horsepower",
    "latitude", "longitude", "in_industrial_estate", "operating_status", "source_updated",
)  # fmt: skip
BATCH = 1000
LARGE_LOAD = 10_000  # rows written, after which the planner's statistics are refreshed
MAX_ERRORS_SHOWN = 200
MAX_CHANGES_SHOWN = 300
MAX_FIELD = 10_000
SNIFF_BYTES = 64 * 1024
NUMBER = re.compile(r"-?\d{1,15}(?:\.\d{1,6})?")
# Bounds from the columns' sizes (Factory): a value beyond them is a typing or export error, not a factory.
CAPITAL_LIMIT = Decimal(10) ** 15
HORSEPOWER_LIMIT = Decimal(10) ** 11
WORKERS_LIMIT = Decimal(10) ** 7
CENTS = Decimal("0.01")
OUTSIDE_ESTATE = {"", "OUT", "-", "0"}
PLACE_PREFIXES = ("จังหวัด", "จ.", "อำเภอ", "อ.", "เขต", "กิ่งอำเภอ", "ตำบล", "ต.", "แขวง")
PROVINCE_ALIASES = {"กรุงเทพ": "กรุงเทพมหานคร", "กรุงเทพฯ": "กรุงเทพมหานคร", "กทม": "กรุงเทพมหานคร",
                    "กทม.": "กรุงเทพมหานคร"}  # fmt: skip


class FileProblem(Exception):
    """The file as a whole cannot be read: no row is checked."""


class RowProblem(Exception):
    """A row that cannot be imported. `message` is a callable so the report can say it in Thai and English."""

    def __init__(self, column: str, message: Callable[[], str]):
        super().__init__(column)
        self.column, self.message = column, message

    def text(self, language: str | None = None) -> str:
        if language is None:
            return self.message()
        with translation.override(language):
            return self.message()


@dataclass
class ImportResult:
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    outside: int = 0  # rows of provinces the importer may not write
    refused: int = 0
    errors: list = field(default_factory=list)  # [row, registration number, column, message]
    changes: list = field(default_factory=list)
    written: bool = False
    problem: str = ""  # the file as a whole

    def as_dict(self) -> dict:
        return {
            "rows": self.rows, "created": self.created, "updated": self.updated, "unchanged": self.unchanged,
            "outside": self.outside, "refused": self.refused, "errors": self.errors, "changes": self.changes,
            "written": self.written, "problem": self.problem,
            "more_errors": max(0, self.refused - len(self.errors)),
        }  # fmt: skip


class ErrorReport:
    """Every refused row as CSV (opens in Excel: UTF-8 with BOM), the message in Thai and in English."""

    HEADER = ("แถว / row", "เลขทะเบียน / registration number", "คอลัมน์ / column", "ปัญหา", "problem")

    def __init__(self, stream):
        stream.write("\ufeff")
        self.writer = csv.writer(stream)
        self.writer.writerow(self.HEADER)

    def add(self, row: int, number: str, problem: RowProblem) -> None:
        cells = (row, number, problem.column, problem.text("th"), problem.text("en"))
        self.writer.writerow([_inert(str(cell)) for cell in cells])


def _inert(text: str) -> str:
    """Text a spreadsheet will not run as a formula (OWASP CSV injection)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


class FactoryImporter:
    def __init__(self, *, acting_user=None, provinces=None, all_or_nothing=True, report=None, error_sink=None,
                 batch_size=BATCH):  # fmt: skip
        self.acting_user = acting_user
        self.allowed = None if provinces is None else {p.pk if hasattr(p, "pk") else p for p in provinces}
        self.all_or_nothing, self.batch_size = all_or_nothing, batch_size
        self.report = report or (lambda percent, message="": None)
        self.error_sink = error_sink
        self.places = Places()
        self.writer = FactoryWriter(acting_user)

    def run(self, file, *, write: bool) -> ImportResult:
        """Check (and with `write`, save) every row of `file`, a binary stream."""
        result = ImportResult()
        try:
            if _is_workbook(file):
                from ecotown.factories.workbook import read_workbook  # it builds on this module

                reader, size = read_workbook(file), 0
            else:
                reader, size = open_csv(file)
            positions = header_positions(_first(reader))
        except FileProblem as problem:
            result.problem = str(problem)
            return result
        try:
            with large_cache(), transaction.atomic():
                self._rows(reader, positions, result, write, file, size)
                if write and (result.refused == 0 or not self.all_or_nothing):
                    result.written = True
                    if result.created + result.updated >= LARGE_LOAD:
                        self.writer.refresh_statistics()
                else:
                    transaction.set_rollback(True)
        except FileProblem as problem:
            result.problem = str(problem)
            result.written = False
        return result

    # -- the stream --------------------------------------------------------------------------------------------

    def _rows(self, reader, positions, result, write, file, size):
        seen: dict[int, int] = {}
        batch = []
        line = 1
        try:
            for line, cells in enumerate(reader, start=2):
                if isinstance(cells, RowProblem):  # a workbook row holding a formula
                    result.rows += 1
                    self._refuse(result, line, "", cells)
                    continue
                if not any(cells):
                    continue
                result.rows += 1
                batch.append((line, cells))
                if len(batch) >= self.batch_size:
                    self._batch(batch, positions, seen, result, write)
                    batch = []
                    self._progress(file, size, result)
            if batch:
                self._batch(batch, positions, seen, result, write)
        except UnicodeDecodeError:
            raise FileProblem(
                _(
                    "Row {row} is not in the same encoding as the rows before it: save the whole file again as UTF-8."
                ).format(row=line + 1)
            ) from None
        except csv.Error as error:
            raise FileProblem(_("Row {row} cannot be read as CSV ({error}).").format(row=line, error=error)) from None

    def _progress(self, file, size, result):
        try:
            done = file.tell() / size if size else 0
        except (OSError, ValueError):
            done = 0
        self.report(5 + int(90 * done), _("{count} rows read").format(count=f"{result.rows:,}"))

    # -- one batch ---------------------------------------------------------------------------------------------

    def _batch(self, batch, positions, seen, result, write):
        parsed = []
        for line, cells in batch:
            number = _cell(cells, positions["FACREG"])
            try:
                values = self._parse(cells, positions)
                key = int(values["registration_number"])
                if key in seen:
                    first = seen[key]
                    raise RowProblem("FACREG", lambda first=first: _("The same registration number is on row {row}.")
                                     .format(row=first))  # fmt: skip
                seen[key] = line
            except RowProblem as problem:
                self._refuse(result, line, clean_text(number)[:40], problem)
                continue
            if self.allowed is not None and values["province_id"] not in self.allowed:
                result.outside += 1
                continue
            parsed.append(values)
        if parsed:
            self._match(parsed, result, write)

    def _refuse(self, result, line, number, problem):
        result.refused += 1
        if len(result.errors) < MAX_ERRORS_SHOWN:
            result.errors.append([line, number, problem.column, problem.text()])
        if self.error_sink is not None:
            self.error_sink.add(line, number, problem)

    def _match(self, parsed, result, write):
        numbers = [values["registration_number"] for values in parsed]
        existing = {
            row["registration_number"]: row
            # order_by(): the model's Thai-collation order would sort every batch through ICU for nothing.
            for row in Factory.objects.filter(registration_number__in=numbers)
            .order_by()
            .values("pk", "registration_number", "revision", *COMPARED)
        }
        new, changed = [], []
        for values in parsed:
            stored = existing.get(values["registration_number"])
            if stored is None:
                new.append(values)
                if len(result.changes) < MAX_CHANGES_SHOWN:
                    result.changes.append(_("{number} {name}: new").format(number=values["registration_number"],
                                                                             name=values["name"]))  # fmt: skip
                continue
            differing = [name for name in COMPARED if _normal(stored[name]) != _normal(values[name])]
            if not differing:
                result.unchanged += 1
                continue
            changed.append({**values, "pk": stored["pk"], "revision": stored["revision"] + 1})
            if len(result.changes) < MAX_CHANGES_SHOWN:
                labels = ", ".join(str(Factory._meta.get_field(name.removesuffix("_id")).verbose_name)
                                   for name in differing[:6])  # fmt: skip
                result.changes.append(_("{number} {name}: {fields}").format(
                    number=values["registration_number"], name=values["name"], fields=labels))  # fmt: skip
        result.created += len(new)
        result.updated += len(changed)
        if write:
            self._write(new, changed)

    def _write(self, new, changed):
        """Save the batch: `new` and `changed` are the rows' values."""
        now = timezone.now()
        if new:
            self.writer.insert(new, now)
        if changed:
            self.writer.update(changed, COMPARED, now)

    # -- one row -----------------------------------------------------------------------------------------------

    def _parse(self, cells, positions) -> dict:
        width = positions["width"]
        if len(cells) < width:  # a short line: the missing cells are empty
            cells = [*cells, *[""] * (width - len(cells))]
        text = {column: cells[positions[column]] for column in COLUMNS}
        values = {"registration_number": _registration(text["FACREG"])}
        old = clean_text(text["DISPFACREG"])
        values["old_registration_number"], values["factory_class"] = _old_number(old) if old else ("", "")
        for column, name in TEXT_COLUMNS.items():  # inlined _text: eleven calls a row add up over 250,000 rows
            raw = text[column]
            value = " ".join(raw.split()) if raw else ""
            if len(value) > _limit(name):
                _text(raw, column, name)  # raises with the message
            values[name] = value
        if not values["name"]:
            raise RowProblem("FNAME", lambda: _("The factory name is empty."))
        values.update(self.places.locate(text["FPROVNAME"], text["FAMPNAME"], text["FTUMNAME"]))
        values["capital"] = _number(text["TOTAL_CAP"], "TOTAL_CAP", CAPITAL_LIMIT)
        workers = _number(text["TOTAL_WORKER"], "TOTAL_WORKER", WORKERS_LIMIT)
        if workers is not None and workers != workers.to_integral_value():
            raise RowProblem("TOTAL_WORKER", lambda: _("The number of workers must be a whole number."))
        values["workers"] = int(workers) if workers is not None else None
        values["horsepower"] = _number(text["HP"], "HP", HORSEPOWER_LIMIT)
        values["latitude"], values["longitude"] = _coordinates(text["LAT"], text["LNG"])
        estate = clean_text(text["ESTATE"]).upper()
        values["in_industrial_estate"] = estate not in OUTSIDE_ESTATE
        values["operating_status"] = _status(text["FFLAG"])
        values["source_updated"] = _date(text["LAST_UPDATE"])
        return values


# -- opening the file ------------------------------------------------------------------------------------------------


def open_csv(file):
    """A csv reader over the binary stream `file`, in the encoding its bytes are in, and the file's size."""
    start = file.read(SNIFF_BYTES)
    file.seek(0, io.SEEK_END)
    size = file.tell()
    file.seek(0)
    if not start.strip():
        raise FileProblem(_("The file is empty."))
    if b"\x00" in start[:4096]:
        raise FileProblem(_("This is not a text (CSV) file, or it is saved as UTF-16: save it as “CSV UTF-8”."))
    encoding = "utf-8-sig" if _is_utf8(start) else "cp874"  # cp874 is TIS-620 with the Windows additions
    text = io.TextIOWrapper(file, encoding=encoding, newline="")
    csv.field_size_limit(MAX_FIELD)
    return csv.reader(text), size


def _is_workbook(file) -> bool:
    """An .xlsx (a zip): our Excel template, read by workbook.py."""
    start = file.read(4)
    file.seek(0)
    return start == b"PK\x03\x04"


def _first(reader):
    try:
        return next(reader, None)
    except (UnicodeDecodeError, csv.Error):
        raise FileProblem(_("The first line cannot be read: save the file as “CSV UTF-8”.")) from None


def _is_utf8(start: bytes) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(start, final=False)  # a character cut at the end of the sample is not an error
    except UnicodeDecodeError:
        return False
    return True


def header_positions(header) -> dict[str, int]:
    if header is None:
        raise FileProblem(_("The file is empty."))
    names = [clean_text(name).upper() for name in header]
    missing = [column for column in COLUMNS if column not in names]
    if missing:
        raise FileProblem(
            _("Columns missing: {columns}. The file must have the Ministry's Factory_Data columns ({all}).").format(
                columns=", ".join(missing), all=", ".join(COLUMNS)
            )
        )
    positions = {column: names.index(column) for column in COLUMNS}
    positions["width"] = max(positions.values()) + 1
    return positions


# -- reading cells ---------------------------------------------------------------------------------------------------


def _cell(cells, index) -> str:
    return cells[index] if index < len(cells) else ""


def _registration(raw) -> str:
    try:
        return normalise_new(raw).number
    except InvalidRegistration:
        return _raise_again("FACREG", normalise_new, raw)


def _old_number(raw) -> tuple[str, str]:
    try:
        registration = normalise_registration(raw)
    except InvalidRegistration:
        return _raise_again("DISPFACREG", normalise_registration, raw)
    return registration.number, registration.factory_class


def _raise_again(column, read, raw):
    """Refuse the row with the reader's own message, rendered again in whichever language the report needs."""

    def message():
        try:
            read(raw)
        except InvalidRegistration as problem:
            return str(problem)
        return ""

    raise RowProblem(column, message)


@functools.cache
def _limit(name: str) -> float:
    return Factory._meta.get_field(name).max_length or float("inf")


def _text(raw: str, column: str, name: str) -> str:
    text = " ".join(raw.split()) if raw else ""
    limit = _limit(name)
    if len(text) > limit:
        raise RowProblem(column, lambda: _("The text is longer than {limit} characters.").format(limit=limit))
    return text


def _number(raw: str, column: str, limit: Decimal) -> Decimal | None:
    text = clean_text(raw).replace(",", "")
    if not text or text == "-":
        return None
    if len(text) > 24 or not NUMBER.fullmatch(text):
        shown = raw.strip()[:40]
        raise RowProblem(column, lambda: _("“{value}” is not a number.").format(value=shown))
    number = Decimal(text)
    if number < 0:
        raise RowProblem(column, lambda: _("{value} is negative; this cannot be below zero.").format(value=text))
    if number >= limit:
        raise RowProblem(column, lambda: _("{value} is far too large.").format(value=text))
    return number.quantize(CENTS)


def _coordinates(raw_lat: str, raw_lng: str):
    lat, lng = _number_signed(raw_lat, "LAT"), _number_signed(raw_lng, "LNG")
    if lat is None and lng is None:
        return None, None
    if lat is None or lng is None or (lat == 0 and lng == 0):
        return None, None  # the feed writes 0/0 or half a pair for "not surveyed"
    if not (LATITUDE[0] <= lat <= LATITUDE[1] and LONGITUDE[0] <= lng <= LONGITUDE[1]):
        if LATITUDE[0] <= lng <= LATITUDE[1] and LONGITUDE[0] <= lat <= LONGITUDE[1]:
            raise RowProblem("LAT", lambda: _("Latitude {lat} and longitude {lng} look swapped.").format(
                lat=lat, lng=lng))  # fmt: skip
        raise RowProblem("LAT", lambda: _("{lat}, {lng} is not in Thailand.").format(lat=lat, lng=lng))
    return lat.quantize(Decimal("0.000001")), lng.quantize(Decimal("0.000001"))


def _number_signed(raw: str, column: str) -> Decimal | None:
    text = clean_text(raw)
    if not text:
        return None
    if len(text) > 24 or not NUMBER.fullmatch(text):
        shown = raw.strip()[:40]
        raise RowProblem(column, lambda: _("“{value}” is not a number.").format(value=shown))
    return Decimal(text)


def _status(raw: str) -> str:
    code = clean_text(raw)
    if code not in FFLAG_STATUS:
        raise RowProblem("FFLAG", lambda: _("“{code}” is not a status code: 0 licensed, 1 operating, 2 struck off, "
                                            "3 temporarily stopped.").format(code=code[:20]))  # fmt: skip
    return FFLAG_STATUS[code]


def _date(raw: str) -> datetime.date | None:
    text = raw.strip()
    if not text:
        return None
    try:
        day = datetime.date.fromisoformat(text[:10])
        return datetime.date(dates.check_plausible(dates.to_ce(day.year), text), day.month, day.day)
    except ValueError:
        pass
    try:
        return dates.parse_date(text.split(" ")[0])
    except ValueError:
        shown = text[:40]
        raise RowProblem("LAST_UPDATE", lambda: _("“{value}” is not a date such as 2026-08-14 or 14/08/2569.")
                         .format(value=shown)) from None  # fmt: skip


def _normal(value):
    if isinstance(value, Decimal):
        return value.normalize()
    if value is None:
        return None
    return value


class Places:
    """Province, district and subdistrict by their Thai names, read once: the feed names places, not codes.
    A district or subdistrict that matches none is kept as text (the feed's names drift); a province must match."""

    def __init__(self):
        self.provinces = {_place(name): pk for pk, name in Province.objects.order_by().values_list("pk", "name_th")}
        districts = District.objects.order_by().values_list("pk", "province_id", "name_th")
        self.districts = {(province, _place(name)): pk for pk, province, name in districts}
        self.subdistricts = {
            (district, _place(name)): pk
            for pk, district, name in Subdistrict.objects.order_by().values_list("pk", "district_id", "name_th")
        }

    def locate(self, province_name: str, district_name: str, subdistrict_name: str) -> dict:
        key = _place(province_name)
        province = self.provinces.get(PROVINCE_ALIASES.get(key, key))
        if province is None:
            shown = province_name.strip()[:60]
            raise RowProblem("FPROVNAME", lambda: _("“{name}” is not a province of Thailand.").format(name=shown)
                             if shown else _("The province is empty."))  # fmt: skip
        district = self.districts.get((province, _place(district_name)))
        subdistrict = self.subdistricts.get((district, _place(subdistrict_name))) if district else None
        return {
            "province_id": province,
            "district_id": district,
            "subdistrict_id": subdistrict,
            "district_name": "" if district else " ".join(district_name.split())[:100],
            "subdistrict_name": "" if subdistrict else " ".join(subdistrict_name.split())[:100],
        }


@functools.lru_cache(maxsize=20_000)
def _place(name: str) -> str:
    text = "".join((name or "").split())
    for prefix in PLACE_PREFIXES:
        if text.startswith(prefix) and len(text) > len(prefix):
            return text[len(prefix) :]
    return text
