from ecotown.criteria.compare import compare, snapshot


def spec(code, **fields):
    defaults = {"kind": "general", "level": 1, "dimensions": ["environment"], "title_th": f"ข้อ {code}"}
    return snapshot(code=code, **{**defaults, **fields})


def by_code(*specs):
    return {item["code"]: item for item in specs}


def test_it_lists_added_and_removed_requirements():
    result = compare(by_code(spec("A"), spec("B")), by_code(spec("B"), spec("C")))
    assert [item["code"] for item in result.added] == ["C"]
    assert [item["code"] for item in result.removed] == ["A"]
    assert result.changed == []
    assert result.unchanged == 1


def test_a_requirement_with_a_new_level_kind_title_or_target_is_changed():
    old = by_code(spec("A"), spec("B"), spec("C"), spec("D"))
    new = by_code(
        spec("A", level=2),
        spec("B", kind="specific"),
        spec("C", title_en="Less waste"),
        spec("D", target_required=True, target_kind="percentage", target_unit="%"),
    )
    changes = {change.code: [field.field for field in change.fields] for change in compare(old, new).changed}
    assert changes == {
        "A": ["level"],
        "B": ["kind"],
        "C": ["title_en"],
        "D": ["target_required", "target_kind", "target_unit"],
    }


def test_dimensions_are_compared_as_a_set():
    old = by_code(spec("A", dimensions=["society", "environment"]))
    assert compare(old, by_code(spec("A", dimensions=["environment", "society"]))).is_empty
    change = compare(old, by_code(spec("A", dimensions=["environment"]))).changed[0]
    assert (change.fields[0].old, change.fields[0].new) == (("environment", "society"), ("environment",))


def test_guidance_and_wording_do_not_count_as_changes():
    old = by_code(spec("A", wording="provisional"))
    assert compare(old, by_code(spec("A", wording="official"))).is_empty


def test_comparing_with_nothing_adds_everything():
    result = compare({}, by_code(spec("A"), spec("B")))
    assert len(result.added) == 2
    assert not result.removed


def test_a_change_reads_as_text():
    change = compare(by_code(spec("A", dimensions=["a", "b"])), by_code(spec("A", dimensions=["a"]))).changed[0]
    assert (change.fields[0].old_text, change.fields[0].new_text) == ("a, b", "a")
