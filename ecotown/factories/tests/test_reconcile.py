"""Reconciliation against answers computed here by other means: by hand for the splitter, and by solving the
Lagrange (KKT) system directly for the larger network."""

import numpy as np
import pytest
from scipy import stats

from ecotown.factories.reconcile import Network, NetworkError, balance_check, reconcile


def splitter(measured, sigma):
    return Network.from_dict({
        "streams": ["feed", "top", "bottom"],
        "nodes": {"splitter": {"in": ["feed"], "out": ["top", "bottom"]}},
        "measured": measured, "sigma": sigma,
    })  # fmt: skip


def test_a_splitter_solved_by_hand():
    # One balance feed − top − bottom = 0; the residual 100 − 60 − 35 = 5 is shared in proportion to the
    # variances: λ = 5 / (1² + 2² + 1²) = 5/6; feed −1·λ·1², top +λ·2², bottom +λ·1².
    result = reconcile(splitter({"feed": 100, "top": 60, "bottom": 35}, {"feed": 1, "top": 2, "bottom": 1}))
    lam = 5 / 6
    assert result.reconciled["feed"] == pytest.approx(100 - lam)
    assert result.reconciled["top"] == pytest.approx(60 + 4 * lam)
    assert result.reconciled["bottom"] == pytest.approx(35 + lam)
    assert result.adjustments["top"] == pytest.approx(4 * lam)
    # γ = r² / Σσ² = 25 / 6 with one degree of freedom.
    assert result.global_test.statistic == pytest.approx(25 / 6)
    assert result.global_test.dof == 1
    assert result.global_test.critical == pytest.approx(3.841458820694124)
    assert result.global_test.rejected is True
    # With a single balance every measurement test equals √γ: the data cannot say which stream is wrong.
    for stream in ("feed", "top", "bottom"):
        assert result.measurement_tests[stream] == pytest.approx(np.sqrt(25 / 6))
    assert result.suspect == "top"  # equal tests: the stream that took the largest adjustment (σ = 2)


def test_consistent_data_is_left_alone():
    result = reconcile(splitter({"feed": 100, "top": 60, "bottom": 40}, {"feed": 1, "top": 1, "bottom": 1}))
    assert result.reconciled == pytest.approx({"feed": 100, "top": 60, "bottom": 40})
    assert result.global_test.rejected is False
    assert result.suspect is None
    assert result.flagged == []


def test_an_unmeasured_stream_is_estimated_from_the_balance():
    result = reconcile(splitter({"feed": 100, "top": 60}, {"feed": 1, "top": 1}))
    assert result.reconciled["bottom"] == pytest.approx(40)
    assert result.global_test.dof == 0  # no redundancy: nothing to test
    assert result.measurement_tests == {"feed": None, "top": None}


def test_two_unmeasured_streams_in_one_balance_are_not_observable():
    result = reconcile(splitter({"feed": 100}, {"feed": 1}))
    assert result.reconciled["top"] is None
    assert set(result.unobservable) == {"top", "bottom"}


# A factory in three units: a mixer (raw material and a recycle), a reactor, a separator that sends the product
# out and the recycle back, and a second factory taking the first one's waste (industrial symbiosis).
NETWORK = {
    "unit": "t/year",
    "streams": ["raw", "mixed", "reacted", "product", "recycle", "waste", "reuse_out"],
    "nodes": {
        "mixer": {"in": ["raw", "recycle"], "out": ["mixed"]},
        "reactor": {"in": ["mixed"], "out": ["reacted"]},
        "separator": {"in": ["reacted"], "out": ["product", "recycle", "waste"]},
        "neighbour": {"in": ["waste"], "out": ["reuse_out"]},
    },
    "measured": {"raw": 101.0, "mixed": 131.5, "reacted": 129.0, "product": 90.8, "recycle": 29.7, "waste": 10.4,
                 "reuse_out": 9.9},
    "sigma": {"raw": 1.0, "mixed": 2.0, "reacted": 2.0, "product": 1.0, "recycle": 1.0, "waste": 0.5,
              "reuse_out": 0.5},
}  # fmt: skip


def kkt_solution(data):
    """Solve [[V⁻¹, Aᵀ], [A, 0]] [x̂, λ] = [V⁻¹ x, 0] directly: the reference answer."""
    streams, nodes = data["streams"], data["nodes"]
    a = np.zeros((len(nodes), len(streams)))
    for row, ends in enumerate(nodes.values()):
        for stream in ends["in"]:
            a[row, streams.index(stream)] = 1
        for stream in ends["out"]:
            a[row, streams.index(stream)] = -1
    x = np.array([data["measured"][s] for s in streams])
    w = np.diag([1 / data["sigma"][s] ** 2 for s in streams])
    kkt = np.block([[w, a.T], [a, np.zeros((len(nodes), len(nodes)))]])
    solution = np.linalg.solve(kkt, np.concatenate([w @ x, np.zeros(len(nodes))]))
    return dict(zip(streams, solution[: len(streams)], strict=True)), a, x, w


def test_a_network_matches_the_lagrange_solution():
    expected, a, x, w = kkt_solution(NETWORK)
    result = reconcile(Network.from_dict(NETWORK))
    assert result.reconciled == pytest.approx(expected, abs=1e-9)
    reconciled = np.array([result.reconciled[s] for s in NETWORK["streams"]])
    assert np.allclose(a @ reconciled, 0, atol=1e-9)  # the balances close
    residual = a @ x
    gamma = residual @ np.linalg.solve(a @ np.linalg.inv(w) @ a.T, residual)
    assert result.global_test.statistic == pytest.approx(gamma)
    assert result.global_test.dof == 4


def test_a_gross_error_is_found():
    data = {**NETWORK, "measured": {**NETWORK["measured"], "product": 75.0}}  # 15 t/year missing from product
    result = reconcile(Network.from_dict(data))
    assert result.global_test.rejected
    assert result.global_test.statistic > stats.chi2.ppf(0.95, 4)
    assert result.suspect == "product"
    assert result.flagged[0] == "product"


def test_independent_factories_are_reconciled_as_separate_components():
    two = {
        "streams": ["a_in", "a_out", "b_in", "b_out"],
        "nodes": {"a": {"in": ["a_in"], "out": ["a_out"]}, "b": {"in": ["b_in"], "out": ["b_out"]}},
        "measured": {"a_in": 10, "a_out": 12, "b_in": 5, "b_out": 5},
        "sigma": {"a_in": 1, "a_out": 1, "b_in": 1, "b_out": 1},
    }
    result = reconcile(Network.from_dict(two))
    assert result.reconciled["a_in"] == pytest.approx(11)
    assert result.reconciled["b_in"] == pytest.approx(5)
    assert result.global_test.dof == 2
    assert result.global_test.statistic == pytest.approx(4 / 2)


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"nodes": {"u": {"in": ["nope"], "out": ["top"]}}}, "not in “streams”"),
        ({"sigma": {"feed": -1, "top": 1, "bottom": 1}}, "must be above zero"),
        ({"streams": ["feed", "top", "bottom", "lost"]}, "“lost” is in no balance"),
        ({"measured": {"feed": "ten"}}, "not a number"),
        ({"sigma": {}}, "no standard deviation"),
        ({"streams": []}, "non-empty list"),
    ],
)
def test_bad_networks_are_explained(change, words):
    data = {"streams": ["feed", "top", "bottom"], "nodes": {"s": {"in": ["feed"], "out": ["top", "bottom"]}},
            "measured": {"feed": 1}, "sigma": {"feed": 1}, **change}  # fmt: skip
    with pytest.raises(NetworkError, match=words):
        Network.from_dict(data)


def test_balance_check_reports_the_closure_gap():
    check = balance_check([700, 300], [850, 100])
    assert check.gap == 50
    assert check.gap_percent == pytest.approx(5.0)
    assert check.closes
    assert balance_check([100], [80]).warning
    assert balance_check([], []).gap_percent is None


def test_the_command_prints_the_agreed_json(tmp_path):
    import json

    from django.core.management import call_command

    path = tmp_path / "network.json"
    path.write_text(json.dumps({**NETWORK, "measured": {**NETWORK["measured"], "product": 75.0}}), encoding="utf-8")
    from io import StringIO

    out = StringIO()
    call_command("reconcile", str(path), "--json", stdout=out)
    printed = json.loads(out.getvalue())
    assert printed["suspect"] == "product"
    assert printed["global_test"]["dof"] == 4
    assert printed["global_test"]["rejected"] is True
    assert set(printed["reconciled"]) == set(NETWORK["streams"])
    table = StringIO()
    call_command("reconcile", str(path), stdout=table)
    assert "suspect: product" in table.getvalue()


def test_the_command_explains_a_bad_file(tmp_path):
    from django.core.management import CommandError, call_command

    path = tmp_path / "network.json"
    path.write_text('{"streams": ["a"], "nodes": {"u": {"in": ["b"]}}}', encoding="utf-8")
    with pytest.raises(CommandError, match="“b”"):
        call_command("reconcile", str(path))
