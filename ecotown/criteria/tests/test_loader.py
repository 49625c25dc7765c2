from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from ecotown.criteria import loader
from ecotown.criteria.loader import CatalogueClash, apply_plan, load_shipped_catalogues, parse, plan_catalogue
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


def test_the_shipped_catalogue_gives_every_requirement_a_target_kind_and_flags_every_level_name():
    """The seed asks for a target value on each requirement (ค่าเป้าหมาย ในแต่ละข้อกำหนด); no source names the
    2022 levels."""
    data = parse(EIT_2022.read_bytes()).data
    assert [item["code"] for item in data["requirements"] if not (item.get("target") or {}).get("kind")] == []
    assert [level["number"] for level in data["levels"] if not level.get("name_is_provisional")] == []


def test_the_shipped_catalogue_says_what_its_source_states_and_assumes():
    catalogue = load(EIT_2022.read_text(encoding="utf-8"))
    assert catalogue.version == "2022.2"
    assert (catalogue.source_is_draft, catalogue.effective_date_assumed) == (True, True)
    totals = catalogue.declared_totals
    assert (totals["basic"], totals["general"], totals["specific"]) == (12, 23, 6)
    assert totals["per_level"] == [
        {"level": 1, "total": 4},
        {"level": 2, "general": 3, "specific": 3},
        {"level": 3, "total": 5},
        {"level": 4, "total": 3},
        {"level": 5, "total": 6},
    ]
    assert "23" in catalogue.source_note_th
    assert "24" in catalogue.source_note_en


def test_the_shipped_catalogue_applies_no_invented_requirement_to_real_areas_by_itself():
    catalogue = load(EIT_2022.read_text(encoding="utf-8"))
    assert [r.code for r in catalogue.requirements.all() if r.is_provisional and r.applies_to_area_kinds] == []


def test_the_shipped_catalogue_uses_the_seeds_committees_and_auditors():
    catalogue = load(EIT_2022.read_text(encoding="utf-8"))
    b01, b02 = catalogue.requirements.get(code="B01"), catalogue.requirements.get(code="B02")
    # Seed 000: an area committee chaired by a vice-governor, not a working group.
    assert "คณะกรรมการระดับพื้นที่" in b02.title_th
    assert "รองผู้ว่าราชการจังหวัด" in b02.title_th
    assert "area committee chaired by a vice-governor" in b02.title_en
    texts = " ".join(
        f"{r.title_th} {r.title_en} {r.guidance_th} {r.guidance_en} {r.evidence_th} {r.evidence_en}"
        for r in catalogue.requirements.all()
    )
    assert "คณะทำงาน" not in texts
    assert "working group" not in texts
    # Seed 001: "at least two committee meetings per province" is the consulting project's, not the criteria's.
    assert "ข้อกำหนดการจ้างที่ปรึกษา" in b01.guidance_th
    assert "terms of reference" in b01.guidance_en
    # Seed 000: the external auditors are ผู้ตรวจประเมินจากส่วนกลาง, central auditors.
    assert "ผู้ตรวจประเมินจากส่วนกลาง" in catalogue.description_th
    assert "central auditors" in catalogue.description_en


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
    "duplicate requirement code": (_replace("code: G1", "code: B01"), 22, "used twice"),
    "level not declared": (_replace("level: 2", "level: 7"), 31, "level 7 is not declared"),
    "unknown dimension": (_replace("dimensions: [environment]", "dimensions: [energy]"), 32, "energy"),
    "basic requirement with a level": (_replace("kind: basic", "kind: basic\n    level: 1"), 18, "no level"),
    "general requirement without a level": (_replace("    level: 1\n", ""), 22, "needs a level"),
    "target without kind": (
        _replace('{required: true, kind: percentage, unit: "%"}', "{required: true}"),
        28,
        "“kind” is missing",
    ),
    "requirement without a target": (
        _replace('    target: {required: true, kind: percentage, unit: "%"}\n', ""),
        22,
        "target",
    ),
    "target kind null": (_replace("{required: true, kind: percentage", "{required: false, kind: null"), 28, "kind"),
    "duplicate level": (_replace("number: 2", "number: 1"), 8, "declared twice"),
    "duplicate key": (_replace("wording: official", "wording: official\n    wording: official"), 20, "twice"),
    "applies_to on a general requirement": (
        _replace('unit: "%"}', 'unit: "%"}\n    applies_to_area_kinds: [district]'),
        29,
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
    assert [error.line for error in plan.errors] == [18, 31]


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


def test_applying_the_same_file_twice_returns_the_version_loaded_first():
    """Two tabs (or a double click) previewed the same file: the second confirmation finds it loaded."""
    first, second = plan_catalogue(MINIMAL), plan_catalogue(MINIMAL)
    loaded = apply_plan(first)
    before = table_counts()
    assert apply_plan(second) == loaded
    assert second.is_unchanged
    assert table_counts() == before


def test_applying_a_plan_whose_version_was_loaded_meanwhile_with_other_content_is_refused():
    stale = plan_catalogue(MINIMAL)
    load(MINIMAL.replace("มีคณะกรรมการ", "มีคณะกรรมการจังหวัด"))
    before = table_counts()
    with pytest.raises(CatalogueClash):
        apply_plan(stale)
    assert [(error.line, "already loaded with different content" in error.message) for error in stale.errors] == [
        (2, True)
    ]
    assert table_counts() == before


def test_a_confirmation_that_loses_the_insert_race_returns_the_version_that_won(monkeypatch):
    """The other request inserted the version between this one's check and its insert (PostgreSQL makes the
    second insert wait, then fail on the unique constraint): the savepoint turns that into the no-op."""
    plan = plan_catalogue(MINIMAL)
    winner = load()
    checks = []
    real_check = loader._loaded_meanwhile

    def check_that_misses_the_winner_once(plan):
        checks.append(plan)
        return False if len(checks) == 1 else real_check(plan)

    monkeypatch.setattr(loader, "_loaded_meanwhile", check_that_misses_the_winner_once)
    assert apply_plan(plan) == winner
    assert len(checks) == 2
    assert Catalogue.objects.count() == 1


SOURCE = """\
source:
  draft: true
  effective_date_assumed: true
  note: {th: สไลด์ร่างระบุจำนวนไม่ตรงกัน, en: The draft slide disagrees with itself}
  declared_totals:
    basic: 1
    general: 3
    specific: 2
    per_level:
      - {level: 1, total: 1}
      - {level: 2, general: 1, specific: 1}
"""


def _with_source(source=SOURCE):
    return MINIMAL.replace("levels:\n", source + "levels:\n", 1)


def test_the_source_block_says_what_the_source_is_and_the_counts_it_states():
    catalogue = load(_with_source())
    assert (catalogue.source_is_draft, catalogue.effective_date_assumed) == (True, True)
    assert (catalogue.source_note_th, catalogue.source_note_en) == (
        "สไลด์ร่างระบุจำนวนไม่ตรงกัน",
        "The draft slide disagrees with itself",
    )
    assert catalogue.declared_totals == {
        "basic": 1,
        "general": 3,
        "specific": 2,
        "per_level": [{"level": 1, "total": 1}, {"level": 2, "general": 1, "specific": 1}],
    }


def test_without_a_source_block_nothing_is_claimed_about_the_source():
    catalogue = load()
    assert (catalogue.source_is_draft, catalogue.effective_date_assumed, catalogue.declared_totals) == (
        False,
        False,
        {},
    )


def test_a_level_name_may_be_flagged_provisional():
    text = _replace(
        "name: {th: การมีส่วนร่วม, en: Engagement}",
        "name: {th: การมีส่วนร่วม, en: Engagement}\n    name_is_provisional: true",
    )
    catalogue = load(text)
    assert list(catalogue.levels.values_list("number", "name_is_provisional")) == [(1, True), (2, False)]


@pytest.mark.parametrize(
    ("source", "line", "fragment"),
    [
        (SOURCE.replace("{level: 1, total: 1}", "{level: 7, total: 1}"), 14, "level 7 is not declared"),
        (SOURCE.replace("{level: 1, total: 1}", "{level: 2, total: 1}"), 15, "twice"),
        (SOURCE.replace("{level: 1, total: 1}", "{level: 1}"), 14, "total, general or specific"),
        (SOURCE.replace("general: 3", "general: -3"), 11, "general"),
        (SOURCE.replace("draft: true", "draft: yes please"), 6, "draft"),
        (SOURCE.replace("  draft: true", "  drafted: true"), 6, "drafted"),
    ],
    ids=["undeclared-level", "level-twice", "no-count", "negative", "not-a-boolean", "unknown-field"],
)
def test_a_malformed_source_block_is_refused_with_its_line(source, line, fragment):
    plan = parse(_with_source(source))
    assert any(error.line == line and fragment in error.message for error in plan.errors), plan.errors


def test_the_example_in_the_format_documentation_is_a_valid_catalogue():
    page = (Path(settings.BASE_DIR) / "docs" / "catalogue-format.md").read_text(encoding="utf-8")
    example = page.split("## Example", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    plan = parse(example)
    assert plan.is_valid, plan.errors


def test_on_a_fresh_database_the_shipped_catalogue_is_put_in_force_from_its_fiscal_year():
    assert "eit 2022.2" in load_shipped_catalogues()
    catalogue = Catalogue.objects.get(code="eit")
    # 1 October 2022 opens fiscal year 2566 (B.E.).
    assert (catalogue.status, catalogue.first_fiscal_year, catalogue.last_fiscal_year) == ("in_force", 2566, None)
    assert list(Catalogue.objects.in_force_for(2569)) == [catalogue]
    assert load_shipped_catalogues() == "already loaded"


def test_with_a_version_already_in_force_the_shipped_catalogue_loads_as_a_draft():
    """A database bootstrapped with 2022.1, which the status migration put in force: DIW moves areas to
    2022.2 explicitly, so loading it changes nothing that governs."""
    older = load(EIT_2022.read_text(encoding="utf-8").replace('version: "2022.2"', 'version: "2022.1"'))
    Catalogue.objects.filter(pk=older.pk).update(status="in_force", first_fiscal_year=2566)
    assert "eit 2022.2" in load_shipped_catalogues()
    shipped = Catalogue.objects.get(version="2022.2")
    assert (shipped.status, shipped.first_fiscal_year) == ("draft", None)
    older.refresh_from_db()
    assert (older.status, older.first_fiscal_year, older.last_fiscal_year) == ("in_force", 2566, None)
    assert list(Catalogue.objects.in_force_for(2569)) == [older]
    assert load_shipped_catalogues() == "already loaded"


def test_a_version_loaded_but_never_put_in_force_leaves_the_shipped_one_to_govern():
    load(EIT_2022.read_text(encoding="utf-8").replace('version: "2022.2"', 'version: "2022.1"'))
    load_shipped_catalogues()
    assert list(Catalogue.objects.filter(status="in_force").values_list("version", flat=True)) == ["2022.2"]
