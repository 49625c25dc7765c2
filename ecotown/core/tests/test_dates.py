import datetime

import pytest
from django.utils import translation

from ecotown.core import dates
from ecotown.core.forms import BuddhistDateField


def test_it_shows_dates_in_the_buddhist_era():
    day = datetime.date(2026, 11, 22)
    with translation.override("th"):
        assert dates.format_be(day) == "22 พ.ย. 2569"
        assert dates.format_be(day, "long") == "22 พฤศจิกายน 2569"
    with translation.override("en"):
        assert dates.format_be(day) == "22 Nov 2569 BE"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("22/11/2569", datetime.date(2026, 11, 22)),
        ("22/11/2026", datetime.date(2026, 11, 22)),
        ("2569-11-22", datetime.date(2026, 11, 22)),
        ("1.10.2568", datetime.date(2025, 10, 1)),
    ],
)
def test_the_date_field_reads_either_era(typed, expected):
    assert BuddhistDateField().clean(typed) == expected


@pytest.mark.parametrize("typed", ["31/02/2569", "tomorrow", "22/11/26"])
def test_the_date_field_explains_a_bad_date(typed):
    field = BuddhistDateField()
    with pytest.raises(Exception, match="22/11/2569"):
        field.clean(typed)


def test_the_date_widget_shows_the_buddhist_year():
    assert BuddhistDateField().widget.format_value(datetime.date(2026, 1, 5)) == "05/01/2569"


@pytest.mark.parametrize(
    ("day", "year"),
    [(datetime.date(2025, 10, 1), 2569), (datetime.date(2026, 9, 30), 2569), (datetime.date(2026, 10, 1), 2570)],
)
def test_the_fiscal_year_starts_on_1_october(day, year):
    assert dates.fiscal_year(day) == year


def test_fiscal_year_bounds():
    assert dates.fiscal_year_bounds(2569) == (datetime.date(2025, 10, 1), datetime.date(2026, 9, 30))
