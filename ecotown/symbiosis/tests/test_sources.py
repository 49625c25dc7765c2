"""The matching reads balances reconciled the same way as factories.reconcile."""

import pytest

from ecotown.factories.reconcile import Network, reconcile
from ecotown.symbiosis.sources import _reconciled, type_number

# (pk, balance, factory, direction, category, …, sigma_percent at 12): two balances that do not close.
ROWS = [
    (1, 10, 1, "in", "raw_material", "", 100, "t", "", False, "", "", 2),
    (2, 10, 1, "out", "product", "", 70, "t", "", False, "", "", 2),
    (3, 10, 1, "out", "waste", "", 20, "t", "", False, "landfill", "", 10),
    (4, 11, 2, "in", "raw_material", "", 50, "t", "", False, "", "", None),
    (5, 11, 2, "out", "product", "", 55, "t", "", False, "", "", None),
    (6, 12, 3, "out", "waste", "", 5, "t", "", False, "landfill", "", None),  # nothing in: kept as measured
]


def test_the_closed_form_gives_factories_reconciliation():
    tonnes = {row[0]: float(row[6]) for row in ROWS}
    ours = _reconciled(ROWS, tonnes)
    defaults = {"raw_material": 2, "product": 2, "waste": 10}
    for balance in (10, 11):
        rows = [row for row in ROWS if row[1] == balance]
        sigma = {f"f{r[0]}": r[6] * (r[12] or defaults[r[4]]) / 100 for r in rows}
        network = Network.from_dict({
            "streams": [f"f{r[0]}" for r in rows], "measured": {f"f{r[0]}": float(r[6]) for r in rows},
            "sigma": sigma, "nodes": {"b": {"in": [f"f{r[0]}" for r in rows if r[3] == "in"],
                                          "out": [f"f{r[0]}" for r in rows if r[3] == "out"]}},
        })  # fmt: skip
        theirs = reconcile(network).reconciled
        for row in rows:
            assert ours[row[0]] == pytest.approx(theirs[f"f{row[0]}"])
    assert ours[1] == pytest.approx(ours[2] + ours[3])  # balance 10 closes
    assert ours[6] == 5


def test_factory_type_numbers_are_read_from_both_formats():
    assert [type_number(code) for code in ("10600", "10500", "64(6)", "101", "", "x")] == [106, 105, 64, 101, None,
                                                                                           None]  # fmt: skip
