"""Weighted least-squares data reconciliation with the global and measurement tests (docs/mass-balance.md).

For measured flows x with variances V (diagonal) and balances A x = 0 (A: nodes × streams, +1 in, −1 out):

    minimise (x̂ − x)ᵀ V⁻¹ (x̂ − x)   subject to   A x̂ = 0
    x̂ = x − V Aᵀ (A V Aᵀ)⁻¹ A x

Unmeasured flows are removed first with a projection P whose rows span the left null space of their columns
(Crowe et al. 1983), so the measured flows are reconciled against P A_x x̂ = 0, and the unmeasured ones are then
solved from the balances where they are observable. The residual r = B x (B = P A_x) gives the global test
γ = rᵀ (B V Bᵀ)⁻¹ r, χ²-distributed with rank(B) degrees of freedom when no gross error is present; each
adjustment aⱼ divided by its standard deviation √(V Bᵀ H⁻¹ B V)ⱼⱼ is the measurement test, standard normal
without a gross error. The stream with the largest measurement test is the suspect when the global test rejects.

The network is split into connected components first (factories that exchange no stream are independent), so
an area of 2,000 factories is 2,000 small problems, not one large one.
"""

from dataclasses import dataclass, field

import numpy as np
from scipy import linalg, stats
from scipy.sparse import csgraph

from ecotown.factories.reconcile.network import Network

CHUNK = 2000  # columns per block when the measurement tests' variances are computed
TOLERANCE = 1e-9


@dataclass(frozen=True)
class GlobalTest:
    statistic: float
    dof: int
    critical: float
    rejected: bool

    @property
    def p_value(self) -> float | None:
        return float(stats.chi2.sf(self.statistic, self.dof)) if self.dof else None

    def as_dict(self) -> dict:
        return {"statistic": self.statistic, "dof": self.dof, "critical": self.critical, "rejected": self.rejected}


@dataclass
class Reconciliation:
    reconciled: dict  # stream → value (None: unmeasured and not observable)
    adjustments: dict  # measured stream → reconciled − measured
    measurement_tests: dict  # measured stream → |adjustment| / its standard deviation (None: not redundant)
    global_test: GlobalTest
    critical_z: float  # for the measurement tests, corrected for their number
    suspect: str | None = None
    unobservable: list = field(default_factory=list)

    @property
    def flagged(self) -> list[str]:
        """Measured streams whose measurement test exceeds the critical value, largest first."""
        found = [(z, s) for s, z in self.measurement_tests.items() if z is not None and z > self.critical_z]
        return [stream for _z, stream in sorted(found, reverse=True)]

    def as_dict(self) -> dict:
        return {
            "reconciled": self.reconciled,
            "adjustments": self.adjustments,
            "measurement_tests": self.measurement_tests,
            "global_test": self.global_test.as_dict(),
            "critical_z": self.critical_z,
            "flagged": self.flagged,
            "suspect": self.suspect,
            "unobservable": self.unobservable,
        }


def reconcile(network: Network, confidence: float = 0.95) -> Reconciliation:
    """Reconcile `network`'s measurements at the given confidence for the tests."""
    if not 0 < confidence < 1:
        raise ValueError("confidence must be between 0 and 1")
    matrix = network.incidence()
    streams = network.streams
    values = np.array([network.measured.get(s, np.nan) for s in streams])
    variances = np.array([network.sigma.get(s, np.nan) ** 2 for s in streams])
    estimate, adjustment, tests = values.copy(), np.full(len(streams), np.nan), np.full(len(streams), np.nan)
    observable = np.ones(len(streams), dtype=bool)
    statistic, dof = 0.0, 0
    for columns, block in _components(matrix):
        part = _Component(block, values[columns], variances[columns])
        part.solve()
        estimate[columns], adjustment[columns], tests[columns] = part.estimate, part.adjustment, part.tests
        observable[columns] = part.observable
        statistic += part.statistic
        dof += part.dof
    critical = float(stats.chi2.ppf(confidence, dof)) if dof else 0.0
    test = GlobalTest(float(statistic), dof, critical, bool(dof and statistic > critical))
    measured = ~np.isnan(values)
    # The measurement tests are many tests at once: Šidák's correction keeps the chance of flagging any stream of
    # consistent data at 1 − confidence (Mah and Tamhane 1982), whatever the network's size.
    testable = max(1, int(np.count_nonzero(~np.isnan(tests))))
    critical_z = float(stats.norm.ppf(1 - (1 - confidence ** (1 / testable)) / 2))
    result = Reconciliation(
        reconciled={s: (float(estimate[i]) if observable[i] else None) for i, s in enumerate(streams)},
        adjustments={s: float(adjustment[i]) for i, s in enumerate(streams) if measured[i]},
        measurement_tests={
            s: (None if np.isnan(tests[i]) else float(tests[i])) for i, s in enumerate(streams) if measured[i]
        },
        global_test=test,
        critical_z=critical_z,
        unobservable=[s for i, s in enumerate(streams) if not observable[i]],
    )
    if test.rejected:
        # Equal tests (one balance holds them all) cannot tell the streams apart: the one that took the largest
        # adjustment, the least precisely known, is then the likeliest source.
        candidates = [(round(z, 9), abs(result.adjustments[s]), s) for s, z in result.measurement_tests.items()
                      if z is not None]  # fmt: skip
        result.suspect = max(candidates)[2] if candidates else None
    return result


def _components(matrix):
    """(stream columns, dense balance block) of each connected part of the network, read from the sparse matrix
    in one pass: a part's block is small (a factory or a group of exchanging factories)."""
    absolute = abs(matrix)
    count, labels = csgraph.connected_components(absolute @ absolute.T, directed=False)
    coo = matrix.tocoo()
    stream_labels = np.empty(matrix.shape[1], dtype=labels.dtype)
    stream_labels[coo.col] = labels[coo.row]  # every stream is in some balance, all in one part
    node_local, node_sizes = _local_positions(labels, count)
    stream_local, stream_sizes = _local_positions(stream_labels, count)
    order = np.argsort(labels[coo.row], kind="stable")
    entry_bounds = np.searchsorted(labels[coo.row][order], np.arange(count + 1))
    stream_order = np.argsort(stream_labels, kind="stable")
    stream_bounds = np.searchsorted(stream_labels[stream_order], np.arange(count + 1))
    rows, cols, data = node_local[coo.row][order], stream_local[coo.col][order], coo.data[order]
    for label in range(count):
        entries = slice(entry_bounds[label], entry_bounds[label + 1])
        block = np.zeros((node_sizes[label], stream_sizes[label]))
        block[rows[entries], cols[entries]] = data[entries]
        yield stream_order[stream_bounds[label] : stream_bounds[label + 1]], block


def _local_positions(labels, count):
    """Each item's position within its part (in index order) and each part's size."""
    order = np.argsort(labels, kind="stable")
    sizes = np.bincount(labels, minlength=count)
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    local = np.empty(len(labels), dtype=np.int64)
    local[order] = np.arange(len(labels)) - np.repeat(starts, sizes)
    return local, sizes


class _Component:
    def __init__(self, matrix, values, variances):
        self.matrix, self.values, self.variances = matrix, values, variances
        self.measured = ~np.isnan(values)
        size = len(values)
        self.estimate, self.adjustment, self.tests = values.copy(), np.full(size, np.nan), np.full(size, np.nan)
        self.observable = np.ones(size, dtype=bool)
        self.statistic, self.dof = 0.0, 0

    def solve(self):
        measured, unmeasured = self.matrix[:, self.measured], self.matrix[:, ~self.measured]
        # Rows of the projection span the left null space of the unmeasured columns (Crowe et al.).
        balances = linalg.null_space(unmeasured.T).T @ measured if unmeasured.shape[1] else measured
        if measured.shape[1] and balances.shape[0]:
            self._reconcile(balances)
        if unmeasured.shape[1]:
            self._estimate_unmeasured(measured, unmeasured)

    def _reconcile(self, balances):
        x, v = self.values[self.measured], self.variances[self.measured]
        residual = balances @ x
        covariance = (balances * v) @ balances.T
        inverse, rank = _inverse(covariance)
        if rank == 0:
            return
        multipliers = inverse @ residual
        adjustment = v * (balances.T @ multipliers)
        self.statistic, self.dof = float(residual @ multipliers), rank
        variance = v**2 * _quadratic_diagonal(balances, inverse)
        with np.errstate(divide="ignore", invalid="ignore"):
            tests = np.where(variance > TOLERANCE * np.maximum(v, 1), np.abs(adjustment) / np.sqrt(variance), np.nan)
        self.estimate[self.measured] = x - adjustment
        self.adjustment[self.measured] = -adjustment
        self.tests[self.measured] = tests

    def _estimate_unmeasured(self, measured, unmeasured):
        right = -(measured @ self.estimate[self.measured]) if measured.shape[1] else np.zeros(unmeasured.shape[0])
        solution, *_ = linalg.lstsq(unmeasured, right)
        free = linalg.null_space(unmeasured)
        observable = np.all(np.abs(free) < 1e-8, axis=1) if free.size else np.ones(unmeasured.shape[1], dtype=bool)
        self.estimate[~self.measured] = solution
        self.observable[~self.measured] = observable


def _inverse(covariance):
    """The inverse of B V Bᵀ (Cholesky) or, when the balances are dependent, its pseudo-inverse; and the rank."""
    try:
        factor = linalg.cho_factor(covariance, check_finite=False)
        return linalg.cho_solve(factor, np.eye(len(covariance)), check_finite=False), len(covariance)
    except linalg.LinAlgError:
        inverse, rank = linalg.pinvh(covariance, return_rank=True)
        return inverse, int(rank)


def _quadratic_diagonal(balances, inverse):
    """diag(Bᵀ H⁻¹ B), a column block at a time so that a large part never forms a streams × streams matrix."""
    columns = balances.shape[1]
    result = np.empty(columns)
    for start in range(0, columns, CHUNK):
        block = balances[:, start : start + CHUNK]
        result[start : start + CHUNK] = np.einsum("ij,ij->j", block, inverse @ block)
    return result
