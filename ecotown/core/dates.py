"""Buddhist Era dates and the Thai fiscal year.

Thai government documents show years in the Buddhist Era (พ.ศ. = ค.ศ. + 543) and budget by fiscal year
(ปีงบประมาณ), which runs from 1 October to 30 September and is named after the year it ends in: FY 2569 is
1 Oct 2568 – 30 Sep 2569.
"""

import datetime
import re

from django.utils import translation

BE_OFFSET = 543
# A typed year above this is read as B.E.: no record in this programme predates C.E. 2400 (= B.E. 2943).
BE_THRESHOLD = 2400
# Years a record of this programme can carry. A typed B.E. year outside them (2469 for 2569, say) is a typo,
# refused with the year read rather than stored as C.E. 1926.
PLAUSIBLE_BE = (2500, 2700)

MONTHS_TH = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)  # fmt: skip
MONTHS_TH_SHORT = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)  # fmt: skip
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def to_be(year_ce: int) -> int:
    return year_ce + BE_OFFSET


class ImplausibleYear(ValueError):
    """A date whose year cannot belong to this programme; `year_be` is the B.E. year it would mean."""

    def __init__(self, text, year_be: int):
        super().__init__(text)
        self.year_be = year_be


def to_ce(year: int) -> int:
    """A year typed by a user, in either era, as C.E."""
    return year - BE_OFFSET if year > BE_THRESHOLD else year


def check_plausible(year_ce: int, text: str = "") -> int:
    year_be = to_be(year_ce)
    if not PLAUSIBLE_BE[0] <= year_be <= PLAUSIBLE_BE[1]:
        raise ImplausibleYear(text or str(year_be), year_be)
    return year_ce


def format_be(value, style: str = "short", language: str | None = None) -> str:
    """`22 พ.ย. 2569` (short), `22 พฤศจิกายน 2569` (long); English keeps the B.E. year: `22 Nov 2569 BE`."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime.datetime):
        from django.utils import timezone

        value = timezone.localtime(value) if timezone.is_aware(value) else value
    language = language or translation.get_language() or "th"
    day, month, year = value.day, value.month - 1, to_be(value.year)
    if language.startswith("th"):
        month_name = MONTHS_TH[month] if style == "long" else MONTHS_TH_SHORT[month]
        text = f"{day} {month_name} {year}"
    else:
        month_name = MONTHS_EN[month] if style == "long" else MONTHS_EN[month][:3]
        text = f"{day} {month_name} {year} BE"
    if isinstance(value, datetime.datetime) and style == "datetime":
        text += f" {value:%H:%M}"
    return text


_NUMERIC = re.compile(r"^\s*(\d{1,4})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{1,4})\s*$")


def parse_date(text: str) -> datetime.date:
    """Read `22/11/2569`, `22-11-2026` or ISO `2569-11-22`; a year above 2400 is B.E. Raises ValueError."""
    match = _NUMERIC.match(text or "")
    if not match:
        raise ValueError(text)
    first, month, last = (int(part) for part in match.groups())
    if len(match.group(1)) == 4:
        year, day = first, last
    else:
        day, year = first, last
    if year < 100:
        raise ValueError(text)
    return datetime.date(check_plausible(to_ce(year), text), month, day)


def local_date(value: datetime.date) -> datetime.date:
    """The Bangkok date of a date or date-time: an aware date-time is converted first, so that 1 October
    00:30 ICT (30 September 17:30 UTC) is 1 October."""
    if isinstance(value, datetime.datetime):
        from django.utils import timezone

        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def to_date(value) -> datetime.date | None:
    """A date from a date, a datetime, or text in either era (`parse_date`); None when empty. Raises ValueError."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime.datetime):
        return local_date(value)
    if isinstance(value, datetime.date):
        return value
    return parse_date(str(value))


def fiscal_year(value: datetime.date) -> int:
    """The Thai fiscal year (B.E.) a date (or date-time, read in Bangkok time) falls in."""
    value = local_date(value)
    year_be = to_be(value.year)
    return year_be + 1 if value.month >= 10 else year_be


def fiscal_year_bounds(year_be: int) -> tuple[datetime.date, datetime.date]:
    """First and last day of a fiscal year given in B.E."""
    year_ce = year_be - BE_OFFSET
    return datetime.date(year_ce - 1, 10, 1), datetime.date(year_ce, 9, 30)


def current_fiscal_year() -> int:
    from django.utils import timezone

    return fiscal_year(timezone.localdate())
