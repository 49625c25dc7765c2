"""The matching table file: the shipped one loads; a broken one is refused with every problem and its line."""

import pytest
from django.core.exceptions import ValidationError

from ecotown.symbiosis.models import MatchingTable
from ecotown.symbiosis.table import TABLE, check_table, load_table

SHIPPED = TABLE.read_text(encoding="utf-8")


def line_of(text, fragment):
    return next(number for number, line in enumerate(text.splitlines(), start=1) if fragment in line)


def test_the_shipped_table_is_valid_and_provisional():
    data, problems = check_table(SHIPPED)
    assert problems == []
    assert data["provisional"] is True
    assert len({category["code"] for category in data["categories"]}) == len(data["categories"])


def test_every_problem_is_reported_with_its_line():
    broken = SHIPPED.replace("road_factor: 1.3", "road_factor: 0.5").replace(
        'waste_codes: ["1001"]', 'waste_codes: ["10011"]'
    ).replace("  - code: paper", "  - code: plastic")  # fmt: skip
    broken = broken.replace("    kind: water", "    kind: water\n    colour: blue")
    _data, problems = check_table(broken)
    lines = {line for line, _message in problems}
    assert line_of(broken, "road_factor:") in lines
    assert line_of(broken, '"10011"') in lines
    assert line_of(broken, "colour: blue") in lines
    assert line_of(broken, "  - code: plastic") in lines or any("listed twice" in m for _l, m in problems)
    assert len(problems) == 4


def test_a_yaml_error_names_its_line():
    broken = SHIPPED.replace("road_factor: 1.3", "road_factor: [1.3")
    _data, problems = check_table(broken)
    assert problems
    assert problems[0][0] >= line_of(broken, "road_factor:")


@pytest.mark.django_db
def test_loading_is_idempotent_and_a_changed_file_needs_a_new_version(tmp_path):
    first = load_table()
    assert load_table() == first
    assert MatchingTable.objects.count() == 1
    changed = tmp_path / "matching.yaml"
    changed.write_text(SHIPPED.replace("road_factor: 1.3", "road_factor: 1.4"), encoding="utf-8")
    with pytest.raises(ValidationError):
        load_table(changed)
    changed.write_text(SHIPPED.replace('version: "2026.1"', 'version: "2026.2"'), encoding="utf-8")
    assert load_table(changed).version == "2026.2"
