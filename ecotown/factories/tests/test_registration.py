import pytest

from ecotown.factories.registration import IEAT, NEW, OLD, InvalidRegistration, clean_text, normalise_registration


@pytest.mark.parametrize(
    ("raw", "number", "factory_class", "type_code", "province"),
    [
        ("3-105-1/60ชบ", "3-105-1/60ชบ", "3", "105", "ชบ"),
        ("3-64(6)-45/17", "3-64(6)-45/17", "3", "64(6)", ""),
        (" 3 - 106 - 33 / 50 สบ ", "3-106-33/50สบ", "3", "106", "สบ"),
        ("3–002–02/51สป", "3-002-02/51สป", "3", "2", "สป"),  # en dashes from a word processor
        ("1-10-1/2560", "1-10-1/2560", "1", "10", ""),
        ("๓-๑๐๕-๑/๖๐ชบ", "3-105-1/60ชบ", "3", "105", "ชบ"),  # Thai digits
    ],
)
def test_it_reads_old_format_numbers(raw, number, factory_class, type_code, province):
    registration = normalise_registration(raw)
    assert (registration.kind, registration.number) == (OLD, number)
    assert (registration.factory_class, registration.type_code, registration.province) == (
        factory_class, type_code, province,
    )  # fmt: skip


@pytest.mark.parametrize(
    "raw",
    ['="10180000125417"', "'10180000125417", "10180000125417.0", 10180000125417.0, "10180000125417 ",
     "\u200b10180000125417\u00a0", '"10180000125417"', "1018-0000-1254-17"],
)  # fmt: skip
def test_it_strips_spreadsheet_artefacts_from_new_numbers(raw):
    registration = normalise_registration(raw)
    assert registration.kind == NEW
    assert registration.number == "10180000125417"
    assert registration.province == "18"
    assert registration.inside_estate is False


def test_the_location_digit_says_inside_an_estate():
    assert normalise_registration("12210000000001").inside_estate is True


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        ("", "empty"),
        ("1.01800001254E+13", "scientific notation"),
        ("06302307522", "has 11 digits"),
        ("40180000125417", "issuing agency"),
        ("15180000125417", "second digit"),
        ("4-105-1/60ชบ", "factory class"),
        ("3-105/60ชบ", "three parts"),
        ("3-1056-1/60ชบ", "type “1056”"),
        ("3-105-1/ชบ", "After the slash"),
        ("3-105-1/1960", "not a Buddhist Era year"),
        ("ABC", "neither"),
        ("น.", "no number"),
        ("1" * 41, "too long"),
    ],
)
def test_it_explains_what_is_wrong(raw, words):
    with pytest.raises(InvalidRegistration, match=words):
        normalise_registration(raw)


def test_ieat_numbers_are_accepted_loosely():
    registration = normalise_registration("น.33-1/2545-นคม")
    assert registration.kind == IEAT
    assert registration.inside_estate is True


def test_clean_text_unwraps_nested_excel_quoting():
    assert clean_text("=\"'3-105-1/60ชบ'\"") == "3-105-1/60ชบ"
    assert clean_text(None) == ""
