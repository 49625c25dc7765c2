"""Factory registration numbers (เลขทะเบียนโรงงาน), read the way people and spreadsheets actually write them.

Two formats are in use (research §7.2):
- the **new 14-digit number** `ABCCDDDDDEEEEF` (เลขทะเบียนผู้ประกอบการอุตสาหกรรม): A the issuing agency (1 DIW,
  2 a provincial industry office, 7 IEAT), B the location (0 outside an industrial estate, 2–3 inside), CC the
  province code. The meaning of the rest is not published, so it is checked for length and digits only;
- the **old number** `class-type-sequence/year` plus the province abbreviation: `3-105-1/60ชบ`, `3-64(6)-45/17`
  (Bangkok has no abbreviation), sometimes with a 4-digit B.E. year (`1-10-1/2560`); factories under IEAT carry
  numbers prefixed `น.`, whose shape varies and is only checked loosely.

Validation is deliberately loose: the aim is to catch spreadsheet damage and typing slips, and to say what is
wrong in words an officer can act on, not to reject numbers whose rules nobody has published.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext as _

NEW, OLD, IEAT = "new", "old", "ieat"
AGENCIES = {"1": "DIW", "2": "provincial", "7": "IEAT"}
LOCATIONS = {"0", "2", "3"}
THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
DASHES = re.compile(r"[\u2010-\u2015\u2212\uFE58\uFE63]")
INVISIBLE = re.compile(r"[\s\u200b-\u200d\u2060\ufeff]+")
QUOTES = "\"'“”‘’`"
SCIENTIFIC = re.compile(r"^\d+(?:\.\d+)?[eE]\+?\d+$")
OLD_NUMBER = re.compile(
    r"^(?P<cls>[123])-(?P<type>\d{1,3}(?:\(\d{1,2}\))?)-(?P<sequence>\d{1,6})/(?P<year>\d{2}|\d{4})(?P<province>[ก-ฮ]{0,3})$"
)
MAX_LENGTH = 40
# Text made only of these needs no cleaning (the common case: an import reads ~10 cells a row through clean_text).
PLAIN = re.compile(r"[0-9A-Za-z.,/()\-\u0e01-\u0e4e]*")


class InvalidRegistration(ValueError):
    """The text cannot be a registration number; the message says why, for the person who typed it."""


@dataclass(frozen=True)
class Registration:
    kind: str  # NEW, OLD or IEAT
    number: str  # normalised: 14 digits, or the old number without spaces
    factory_class: str = ""  # old numbers: จำพวก 1, 2 or 3
    type_code: str = ""  # old numbers: ลำดับประเภท, e.g. "105" or "64(6)"
    province: str = ""  # new: the two-digit province code; old: the abbreviation (empty for Bangkok)
    inside_estate: bool | None = None  # new numbers: from the location digit

    def __str__(self):
        return self.number


def clean_text(raw) -> str:
    """The text of a cell without what spreadsheets and copy-paste add: `="0630..."`, a leading apostrophe,
    quotes, spaces (also non-breaking and zero-width ones), Thai or full-width digits, typographic dashes, and
    a trailing `.0` that a number column gives whole numbers."""
    if raw is None:
        return ""
    if isinstance(raw, bool):
        return str(raw)
    if isinstance(raw, float):
        if raw.is_integer() and abs(raw) < 1e15:
            return str(int(raw))
        return repr(raw)
    if isinstance(raw, str) and PLAIN.fullmatch(raw) and not raw.endswith(".0"):
        return raw
    text = unicodedata.normalize("NFKC", str(raw)).translate(THAI_DIGITS)
    text = INVISIBLE.sub("", DASHES.sub("-", text))
    previous = None
    while text != previous:
        previous = text
        text = text.removeprefix("=").strip(QUOTES)
    if re.fullmatch(r"\d+\.0+", text):
        text = text.split(".")[0]
    return text


def normalise_registration(raw) -> Registration:
    """The registration number in `raw`, either format, normalised; InvalidRegistration says what is wrong."""
    text = clean_text(raw)
    if not text:
        raise InvalidRegistration(_("The registration number is empty."))
    if len(text) > MAX_LENGTH:
        raise InvalidRegistration(
            _("“{text}…” is too long to be a registration number.").format(text=text[:MAX_LENGTH])
        )
    if SCIENTIFIC.match(text):
        raise InvalidRegistration(
            _(
                "“{text}” is a number in scientific notation: the spreadsheet has rounded away the last digits. "
                "Format the column as text and copy the numbers again."
            ).format(text=text)
        )
    if text.startswith("น."):
        return _ieat(text)
    if "/" in text:
        return _old(text)
    if text.replace("-", "").isdigit():
        return _new(text.replace("-", ""))
    raise InvalidRegistration(
        _(
            "“{text}” is neither a 14-digit registration number (e.g. 10180000125417) nor an old-format one "
            "(e.g. 3-105-1/60ชบ)."
        ).format(text=text)
    )


def normalise_new(raw) -> Registration:
    """A number that must be in the new 14-digit format (the Ministry's FACREG column)."""
    text = clean_text(raw)
    if not text:
        raise InvalidRegistration(_("The registration number is empty."))
    registration = normalise_registration(text)
    if registration.kind != NEW:
        raise InvalidRegistration(
            _("“{text}” is an old-format number; this column holds the 14-digit number.").format(text=text)
        )
    return registration


def _new(digits: str) -> Registration:
    if len(digits) != 14:
        raise InvalidRegistration(
            _(
                "“{digits}” has {count} digits; a registration number has 14 (e.g. 10180000125417). A spreadsheet "
                "may have dropped or rounded digits: format the column as text."
            ).format(digits=digits, count=len(digits))
        )
    agency, location = digits[0], digits[1]
    if agency not in AGENCIES:
        raise InvalidRegistration(
            _(
                "“{digits}” starts with {digit}; the first digit names the issuing agency: 1 (DIW), 2 (a provincial "
                "industry office) or 7 (IEAT)."
            ).format(digits=digits, digit=agency)
        )
    if location not in LOCATIONS:
        raise InvalidRegistration(
            _(
                "The second digit of “{digits}” is {digit}; it says where the factory is: 0 (outside an industrial "
                "estate), 2 or 3 (inside one)."
            ).format(digits=digits, digit=location)
        )
    return Registration(NEW, digits, province=digits[2:4], inside_estate=location != "0")


def _old(text: str) -> Registration:
    match = OLD_NUMBER.match(text)
    if match is None:
        raise InvalidRegistration(_explain_old(text))
    year = match["year"]
    if len(year) == 4 and not 2480 <= int(year) <= 2700:
        raise InvalidRegistration(
            _("The year in “{text}” reads {year}, which is not a Buddhist Era year such as 2560.").format(
                text=text, year=year
            )
        )
    return Registration(
        OLD, text, factory_class=match["cls"], type_code=match["type"].lstrip("0") or "0", province=match["province"]
    )


def _explain_old(text: str) -> str:
    """The first thing wrong with an old-format number, in words."""
    example = "3-105-1/60ชบ"
    head, _slash, _tail = text.partition("/")
    parts = head.split("-")
    if len(parts) != 3 or not all(parts):
        return _("“{text}” should have three parts before the slash, class-type-sequence, as in {example}.").format(
            text=text, example=example
        )
    if parts[0] not in ("1", "2", "3"):
        return _(
            "“{text}” starts with {found}; the first part is the factory class (จำพวก) 1, 2 or 3, as in {example}."
        ).format(text=text, found=parts[0], example=example)
    if not re.fullmatch(r"\d{1,3}(?:\(\d{1,2}\))?", parts[1]):
        return _(
            "The type “{found}” in “{text}” should be a number of up to three digits, with an item in brackets if "
            "any, as in 3-64(6)-45/17."
        ).format(text=text, found=parts[1])
    if not parts[2].isdigit():
        return _("The sequence “{found}” in “{text}” should be a number.").format(text=text, found=parts[2])
    return _(
        "After the slash “{text}” should have the year (2 or 4 digits) and the province abbreviation, as in "
        "{example} (Bangkok has none)."
    ).format(text=text, example=example)


def _ieat(text: str) -> Registration:
    rest = text.removeprefix("น.")
    if not re.search(r"\d", rest):
        raise InvalidRegistration(
            _("“{text}” starts like an IEAT number (น.) but has no number after it.").format(text=text)
        )
    return Registration(IEAT, text, inside_estate=True)
