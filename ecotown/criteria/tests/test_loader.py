import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from ecotown.criteria.loader import parse, plan_catalogue
from ecotown.criteria.models import Catalogue, Requirement
from ecotown.criteria.tests.factories import EIT_2022, MINIMAL, load, table_counts

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    """The assertions read the English messages; the Thai ones come from the translation catalogue."""
    with translation.override("en"):
        yield


def test_a_valid_catalogue_loads_with_its_levels_dimensions_and_requirements():
    catalogue = load()
    assert catalogue.code == "test"
    assert catalogue.effective_date.isoformat() == "2024-01-01"
    assert len(catalogue.source_sha256) == 64
    general = catalogue.requirements.get(code="G1")
    assert general.level.number == 1
    assert sorted(general.dimensions.values_list("code", flat=True)) == ["environment", "society"]
    assert (general.target_required, general.target_kind, general.target_unit) == (True, "percentage", "%")
    assert general.is_provisional
    assert catalogue.requirements.get(code="S2").applies_to_area_kinds == ["pollution_control_zone"]
    assert catalogue.requirements.get(code="B01").level is None


def test_the_2022_catalogue_has_12_basic_requirements_and_the_per_level_counts_of_the_seed():
    catalogue = load(EIT_2022.read_text(encoding="utf-8"))
    requirements = catalogue.requirements
    assert requirements.filter(kind="basic").count() == 12
    per_level = {
        number: (
            requirements.filter(level__number=number, kind="general").count(),
            requirements.filter(level__number=number, kind="specific").count(),
        )
        for number in range(1, 6)
    }
    assert per_level == {1: (4, 0), 2: (3, 3), 3: (5, 0), 4: (3, 0), 5: (6, 0)}
    assert list(catalogue.dimensions.values_list("code", flat=True)) == [
        "physical", "environment", "economy", "society", "management",
    ]  # fmt: skip
    assert not requirements.exclude(wording="provisional").exists()
    assert not requirements.exclude(title_en="").filter(title_th="").exists()
    assert catalogue.levels.get(number=1).name_en == "Engagement"


def test_loading_the_same_file_twice_is_a_no_op_that_says_so():
    load()
    before = table_counts()
    plan = plan_catalogue(MINIMAL)
    assert plan.is_unchanged
    stdout = _command(MINIMAL)
    assert "already loaded" in stdout
    assert table_counts() == before


def test_the_same_version_with_different_content_is_rejected():
    load()
    before = table_counts()
    plan = plan_catalogue(MINIMAL.replace("มีคณะกรรมการ", "มีคณะกรรมการจังหวัด"))
    assert [(error.line, "already loaded with different content" in error.message) for error in plan.errors] == [
        (2, True)
    ]
    assert table_counts() == before


def test_a_new_version_leaves_the_older_version_untouched():
    old = load()
    old_rows = list(Requirement.objects.filter(catalogue=old).values())
    new = load(MINIMAL.replace('version: "1"', 'version: "2"').replace("ลดของเสีย", "ลดของเสียที่ฝังกลบ"))
    assert new.pk != old.pk
    assert list(Requirement.objects.filter(catalogue=old).values()) == old_rows
    plan = plan_catalogue(MINIMAL.replace('version: "1"', 'version: "3"'))
    assert plan.previous == new
    assert [change.code for change in plan.comparison.changed] == ["G1"]


def _replace(old, new):
    assert old in MINIMAL
    return MINIMAL.replace(old, new, 1)


MALFORMED = {
    "yaml syntax": (_replace("kind: basic", "kind: [basic"), 18, "starts on line 17"),
    "schema: missing title": (_replace("    title: {th: มีคณะกรรมการ, en: A committee exists}\n", ""), 16, "title"),
    "schema: unknown kind": (_replace("kind: basic", "kind: core"), 17, "core"),
    "schema: unquoted version": (_replace('version: "1"', "version: 1"), 2, "expected text"),
    "schema: unknown field": (_replace("wording: official", "wording: official\n    colour: red"), 20, "colour"),
    "bad date": (_replace("2024-01-01", "2024-02-30"), 4, "not a date"),
    "duplicate requirement code": (_replace("code: G1", "code: B01"), 21, "used twice"),
    "level not declared": (_replace("level: 2", "level: 7"), 30, "level 7 is not declared"),
    "unknown dimension": (_replace("dimensions: [environment]", "dimensions: [energy]"), 31, "energy"),
    "basic requirement with a level": (_replace("kind: basic", "kind: basic\n    level: 1"), 18, "no level"),
    "general requirement without a level": (_replace("    level: 1\n", ""), 21, "needs a level"),
    "target required without kind": (
        _replace('{required: true, kind: percentage, unit: "%"}', "{required: true}"),
        27,
        "needs a kind",
    ),
    "duplicate level": (_replace("number: 2", "number: 1"), 8, "declared twice"),
    "duplicate key": (_replace("wording: official", "wording: official\n    wording: official"), 20, "twice"),
    "applies_to on a general requirement": (
        _replace('unit: "%"}', 'unit: "%"}\n    applies_to_area_kinds: [district]'),
        28,
        "only specific",
    ),
}


@pytest.mark.parametrize(("text", "line", "fragment"), MALFORMED.values(), ids=MALFORMED.keys())
def test_a_malformed_catalogue_reports_the_line_and_writes_nothing(text, line, fragment):
    load(MINIMAL.replace("code: test", "code: other"))
    before = table_counts()
    plan = plan_catalogue(text)
    assert not plan.is_valid
    assert any(error.line == line and fragment in error.message for error in plan.errors), plan.errors
    with pytest.raises(CommandError):
        _command(text)
    assert table_counts() == before


def test_every_error_is_reported_not_only_the_first():
    text = _replace("level: 2", "level: 7").replace("dimensions: [society]", "dimensions: [energy]")
    plan = parse(text)
    assert [error.line for error in plan.errors] == [18, 30]


def test_the_command_records_who_loaded_the_catalogue(world):
    _command(MINIMAL, "--user", "diw_admin")
    assert Catalogue.objects.get().loaded_by == world.diw_admin


def _command(text, *args):
    import io
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".yaml", encoding="utf-8") as file:
        file.write(text)
        file.flush()
        out, err = io.StringIO(), io.StringIO()
        call_command("load_catalogue", file.name, *args, stdout=out, stderr=err)
    return out.getvalue()
