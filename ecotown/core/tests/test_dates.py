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


@pytest.mark.parametrize(
    ("moment", "year"),
    [
        # 1 October 00:30 in Bangkok is still 30 September in UTC: the fiscal year is the new one.
        ("2025-10-01T00:30:00+07:00", 2569),
        ("2025-09-30T23:59:00+07:00", 2568),
        # 1 January 03:00 in Bangkok is 31 December in UTC: the B.E. year is the new one.
        ("2026-01-01T03:00:00+07:00", 2569),
    ],
)
def test_aware_date_times_are_read_in_bangkok_time(moment, year):
    value = datetime.datetime.fromisoformat(moment).astimezone(datetime.UTC)
    assert dates.fiscal_year(value) == year


def test_the_buddhist_year_filter_reads_bangkok_time():
    from ecotown.core.templatetags.ecotown import buddhist_year

    new_year = datetime.datetime(2025, 12, 31, 20, 0, tzinfo=datetime.UTC)  # 03:00 on 1 January in Bangkok
    assert buddhist_year(new_year) == 2569


def test_to_date_reads_bangkok_time():
    value = datetime.datetime(2025, 9, 30, 17, 30, tzinfo=datetime.UTC)  # 1 October 00:30 in Bangkok
    assert dates.to_date(value) == datetime.date(2025, 10, 1)


@pytest.mark.parametrize("typed", ["22/11/2469", "2469-11-22", "01/01/2999"])
def test_an_implausible_buddhist_year_is_refused_with_the_year_read(typed):
    field = BuddhistDateField()
    with pytest.raises(Exception, match=r"2469|2999"):
        field.clean(typed)
