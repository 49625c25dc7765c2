"""Our Excel template: download, fill, import through the same importer; bad rows and hostile workbooks."""

import io
import zipfile

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from ecotown.factories.importers import COLUMNS, FactoryImporter
from ecotown.factories.models import Factory
from ecotown.factories.samples import sample_rows
from ecotown.factories.workbook import MAX_ROWS, FactoryTemplateExporter

pytestmark = pytest.mark.django_db


def filled(rows, *, change=None) -> io.BytesIO:
    """The template with `rows` (lists in COLUMNS order) typed in from row 3; `change(sheet)` edits it further."""
    workbook = load_workbook(io.BytesIO(FactoryTemplateExporter().to_xlsx()))
    sheet = workbook.worksheets[0]
    for offset, row in enumerate(rows):
        for index, value in enumerate(row, start=1):
            sheet.cell(row=3 + offset, column=index, value=value)
    if change:
        change(sheet)
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    return buffer


def typed(count, **cells):
    """Sample rows as a person types them: numbers as numbers, `cells` ({row: {column: value}}) changed."""
    made = []
    for row in sample_rows(count, provinces=["13"], seed=4):
        values = dict(zip(COLUMNS, row, strict=True))
        for column in ("TOTAL_CAP", "TOTAL_WORKER", "HP", "LAT", "LNG"):
            values[column] = float(values[column]) if values[column] else None
        made.append(values)
    for index, changes in cells.items():
        made[int(index)].update(changes)
    return [[values[column] for column in COLUMNS] for values in made]


def run(file, write=True):
    return FactoryImporter().run(file, write=write)


def test_the_template_explains_itself_and_marks_its_example():
    workbook = load_workbook(io.BytesIO(FactoryTemplateExporter().to_xlsx()))
    sheet = workbook.worksheets[0]
    header = [cell.value for cell in sheet[1]]
    assert header[0] == "Registration number (FACREG)"
    assert header[-1] == "Note (NOTE)"
    assert sheet.cell(row=2, column=len(header)).value.startswith("Example")
    rules = {str(rule.sqref): rule.formula1 for rule in sheet.data_validations.dataValidation}
    assert rules["N3:N20002"].endswith("!$A$2:$A$78")  # the province column offers the 77 provinces
    assert rules["W3:W20002"] == '"0,1,2,3"'
    notes = workbook.worksheets[1]
    assert any("FFLAG" in row for row in notes.iter_rows(values_only=True))
    assert workbook.worksheets[2].max_row == 78  # header and 77 provinces


def test_a_filled_template_round_trips_through_the_importer():
    file = filled(typed(3, **{"0": {"LAST_UPDATE": None}}))
    preview = run(file, write=False)
    assert (preview.problem, preview.created, preview.refused, preview.rows) == ("", 3, 0, 3)  # no example row
    file.seek(0)
    result = run(file)
    assert (result.created, result.written) == (3, True)
    expected = typed(3)[1]
    factory = Factory.objects.get(registration_number=expected[0])
    assert factory.workers == int(expected[COLUMNS.index("TOTAL_WORKER")])
    assert factory.province.code == "13"
    file.seek(0)
    assert run(file).unchanged == 3  # the same workbook again: idempotent


def test_the_command_imports_a_workbook(tmp_path):
    path = tmp_path / "factories.xlsx"
    path.write_bytes(filled(typed(2)).getvalue())
    call_command("import_factories", str(path))
    assert Factory.objects.count() == 2


@pytest.mark.parametrize(
    ("cells", "column", "words"),
    [
        ({"FNAME": '=HYPERLINK("http://x","y")'}, "FNAME", "formula"),
        ({"ONAME": "@SUM(1)"}, "ONAME", "run as a formula"),
        ({"TOTAL_WORKER": -4.0}, "TOTAL_WORKER", "negative"),
        ({"LAT": 48.85, "LNG": 2.35}, "LAT", "not in Thailand"),
        ({"HP": "ห้าสิบ"}, "HP", "not a number"),
        ({"FPROVNAME": "แอตแลนติส"}, "FPROVNAME", "not a province"),
    ],
)
def test_every_bad_row_is_reported_with_its_excel_row_and_nothing_is_written(cells, column, words):
    result = run(filled(typed(3, **{"1": cells})))
    assert result.refused == 1
    row, _number, found_column, message = result.errors[0]
    assert (row, found_column) == (4, column)  # the example is row 2, the data start at row 3
    assert words in message
    assert not Factory.objects.exists()


def test_a_duplicate_number_names_the_first_row():
    made = typed(3)
    made[2][0] = made[0][0]
    result = run(filled(made))
    assert result.errors[0][:3] == [5, made[0][0], "FACREG"]
    assert "row 3" in result.errors[0][3]


def test_too_many_rows_are_refused_without_reading_them_all(monkeypatch):
    monkeypatch.setattr("ecotown.factories.workbook.MAX_ROWS", 5)
    result = run(filled(typed(8)))
    assert "more than 5 rows" in result.problem
    assert not Factory.objects.exists()
    assert MAX_ROWS == 20_000


def test_a_hostile_workbook_is_refused_as_a_whole():
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/sharedStrings.xml", "<sst>" + "A" * 60_000_000 + "</sst>")
    bomb.seek(0)
    result = run(bomb)
    assert "expands far beyond its size" in result.problem or "more than 50 MB" in result.problem
    assert not Factory.objects.exists()
    broken = run(io.BytesIO(b"PK\x03\x04 not really a zip"))
    assert "Excel" in broken.problem
