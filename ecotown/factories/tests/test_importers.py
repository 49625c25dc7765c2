import csv
import io

import pytest
from django.core.management import call_command

from ecotown.factories.importers import COLUMNS, ErrorReport, FactoryImporter
from ecotown.factories.models import Factory
from ecotown.factories.samples import sample_rows, write_sample
from ecotown.geo.models import Province

pytestmark = pytest.mark.django_db


def csv_bytes(rows, *, encoding="utf-8-sig", header=COLUMNS) -> io.BytesIO:
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(header)
    writer.writerows(rows)
    return io.BytesIO(text.getvalue().encode(encoding))


def rows(count=5, **changes):
    """Sample rows in Pathum Thani (13) with `changes` ({row index: {column: value}}) applied."""
    made = [list(row) for row in sample_rows(count, provinces=["13"])]
    for index, cells in changes.items():
        for column, value in cells.items():
            made[int(index)][COLUMNS.index(column)] = value
    return made


def run(file, write=True, **options):
    return FactoryImporter(**options).run(file, write=write)


def test_it_creates_then_leaves_unchanged_then_updates():
    first = run(csv_bytes(rows(5)))
    assert (first.created, first.updated, first.written) == (5, 0, True)
    assert Factory.objects.count() == 5
    assert Factory.history.filter(history_type="+").count() == 5

    again = run(csv_bytes(rows(5)))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 5)

    renamed = run(csv_bytes(rows(5, **{"2": {"FNAME": "บริษัท ใหม่ จำกัด", "TOTAL_WORKER": "999"}})))
    assert (renamed.created, renamed.updated, renamed.unchanged) == (0, 1, 4)
    factory = Factory.objects.get(name="บริษัท ใหม่ จำกัด")
    assert factory.workers == 999
    assert factory.revision == 2
    assert factory.history.count() == 2
    assert factory.history.latest().history_type == "~"


def test_a_dry_run_writes_nothing_but_counts():
    result = run(csv_bytes(rows(4)), write=False)
    assert (result.created, result.written) == (4, False)
    assert not Factory.objects.exists()
    assert len(result.changes) == 4


def test_the_row_is_read_into_the_register():
    made = rows(1, **{"0": {"FACREG": '="10130000000042"', "DISPFACREG": "3-105-1/60 ปท", "FFLAG": "3",
                            "TOTAL_CAP": "1,500,000", "ESTATE": "IN", "ESTATE_NAME_TH": "นิคมอุตสาหกรรมนวนคร",
                            "LAST_UPDATE": "14/08/2569"}})  # fmt: skip
    run(csv_bytes(made))
    factory = Factory.objects.get()
    assert factory.registration_number == "10130000000042"
    assert factory.old_registration_number == "3-105-1/60ปท"
    assert factory.factory_class == "3"
    assert factory.operating_status == "stopped"
    assert factory.capital == 1_500_000
    assert factory.in_industrial_estate
    assert factory.province.code == "13"
    assert factory.district is not None
    assert factory.district.province_id == factory.province_id
    assert factory.source_updated.isoformat() == "2026-08-14"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "tis-620", "cp874"])
def test_it_reads_utf8_with_or_without_bom_and_tis620(encoding):
    result = run(csv_bytes(rows(3), encoding=encoding))
    assert (result.problem, result.created) == ("", 3)
    assert Factory.objects.filter(name__startswith="บริษัท").count() == 3


def test_missing_columns_are_named():
    header = [column for column in COLUMNS if column not in ("LAT", "FFLAG")]
    made = [[cell for column, cell in zip(COLUMNS, row, strict=True) if column in header] for row in rows(2)]
    result = run(csv_bytes(made, header=header))
    assert "LAT, FFLAG" in result.problem
    assert not Factory.objects.exists()


def test_an_excel_workbook_is_recognised():
    assert "Excel" in run(io.BytesIO(b"PK\x03\x04 rest of a zip")).problem
    assert "empty" in run(io.BytesIO(b"")).problem


@pytest.mark.parametrize(
    ("changes", "column", "words"),
    [
        ({"1": {"FACREG": rows(1)[0][0]}}, "FACREG", "same registration number is on row 2"),
        ({"1": {"LAT": "48.85", "LNG": "2.35"}}, "LAT", "not in Thailand"),
        ({"1": {"LAT": "100.5", "LNG": "13.7"}}, "LAT", "look swapped"),
        ({"1": {"TOTAL_WORKER": "-5"}}, "TOTAL_WORKER", "negative"),
        ({"1": {"HP": "ห้าสิบ"}}, "HP", "not a number"),
        ({"1": {"TOTAL_CAP": "12abc"}}, "TOTAL_CAP", "not a number"),
        ({"1": {"FACREG": "1.01300000001E+13"}}, "FACREG", "scientific notation"),
        ({"1": {"DISPFACREG": "9-105-1/60ชบ"}}, "DISPFACREG", "factory class"),
        ({"1": {"FPROVNAME": "แอตแลนติส"}}, "FPROVNAME", "not a province"),
        ({"1": {"FFLAG": "7"}}, "FFLAG", "not a status code"),
        ({"1": {"LAST_UPDATE": "yesterday"}}, "LAST_UPDATE", "not a date"),
        ({"1": {"FNAME": ""}}, "FNAME", "empty"),
    ],
)
def test_each_bad_row_is_reported_and_nothing_is_written(changes, column, words):
    result = run(csv_bytes(rows(3, **changes)))
    assert result.refused == 1
    row, _number, found_column, message = result.errors[0]
    assert (row, found_column) == (3, column)
    assert words in message
    assert not result.written
    assert not Factory.objects.exists()


def test_keep_going_saves_the_good_rows():
    result = run(csv_bytes(rows(3, **{"1": {"HP": "-1"}})), all_or_nothing=False)
    assert (result.created, result.refused, result.written) == (2, 1, True)
    assert Factory.objects.count() == 2


def test_zero_coordinates_mean_not_surveyed():
    run(csv_bytes(rows(1, **{"0": {"LAT": "0", "LNG": "0"}})))
    assert Factory.objects.get().latitude is None


def test_an_officer_writes_only_their_province():
    made = [list(row) for row in sample_rows(4, provinces=["13", "21"], seed=3)]
    expected = sum(1 for row in made if row[COLUMNS.index("FPROVNAME")] == "ปทุมธานี")
    result = run(csv_bytes(made), provinces=[Province.objects.get(code="13")])
    assert result.created == expected
    assert result.outside == 4 - expected
    assert set(Factory.objects.values_list("province__code", flat=True)) <= {"13"}


def test_the_error_report_is_bilingual_and_formula_safe():
    sink = io.StringIO()
    run(csv_bytes(rows(2, **{"1": {"FACREG": "=1+2"}})), error_sink=ErrorReport(sink))
    report = list(csv.reader(io.StringIO(sink.getvalue().lstrip("\ufeff"))))
    assert report[0][0] == "แถว / row"
    assert report[1][0] == "3"
    assert report[1][4]
    assert report[1][3]
    assert not report[1][1].startswith("=")


def test_a_file_switching_encoding_midway_is_refused():
    good = csv_bytes(rows(400)).getvalue()
    assert len(good) > 70_000  # beyond the part read to tell the encoding
    result = run(io.BytesIO(good + "10130000009999,,,,บริษัท".encode("cp874") + b"\n"))
    assert "encoding" in result.problem
    assert not Factory.objects.exists()


def test_the_commands_make_and_import_a_sample(tmp_path):
    path = tmp_path / "factories.csv"
    call_command("make_sample_factories", rows=30, output=str(path), province=["13"])
    call_command("import_factories", str(path), dry_run=True)
    assert not Factory.objects.exists()
    from ecotown.accounts.testing import make_user

    importer = make_user("importer")
    call_command("import_factories", str(path), user="importer")
    assert Factory.objects.count() == 30
    assert Factory.history.filter(history_user=importer).count() == 30


def test_the_sample_is_deterministic():
    first, second = io.StringIO(), io.StringIO()
    write_sample(first, 10, seed=5)
    write_sample(second, 10, seed=5)
    assert first.getvalue() == second.getvalue()
