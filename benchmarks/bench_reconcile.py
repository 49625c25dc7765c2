"""Budget (issue 15): reconciling an area network of 2,000 factories × 20 flows takes under 2 s.

Run: .venv/bin/python benchmarks/bench_reconcile.py [--factories 2000] [--group 5]
Each factory has two units (process, wastewater treatment) and 20 streams: 12 inputs, 5 products and wastes,
wastewater to treatment, discharge and sludge out of it, and the sludge of each factory is an input of the next
one in its group (industrial symbiosis), so factories are linked into groups of `--group`. One input per
factory is unmeasured; measurements carry 1 % noise and one factory a 20 % gross error on its discharge.
"""

import argparse
import sys
import time
from pathlib import Path

import numpy as np

BUDGET_SECONDS = 2.0


def network(factories: int, group: int, seed: int = 7) -> dict:
    rng = np.random.default_rng(seed)
    streams, nodes, measured, sigma = [], {}, {}, {}
    for f in range(factories):
        inputs = [f"f{f}_in{i}" for i in range(12)]
        outputs = [f"f{f}_out{i}" for i in range(5)]
        water, discharge, sludge = f"f{f}_ww", f"f{f}_discharge", f"f{f}_sludge"
        received = [f"f{f - 1}_sludge"] if f % group else []
        streams += [*inputs, *outputs, water, discharge, sludge]
        nodes[f"f{f}_process"] = {"in": inputs + received, "out": [*outputs, water]}
        nodes[f"f{f}_treatment"] = {"in": [water], "out": [discharge, sludge]}
        true = dict(zip(inputs, rng.uniform(10, 100, 12), strict=True))
        sludge_in = 5.0 if received else 0.0
        total = sum(true.values()) + sludge_in
        shares = rng.dirichlet(np.ones(6))
        true.update(zip([*outputs, water], total * shares, strict=True))
        true[sludge] = 5.0 if (f + 1) % group else true[water] * 0.05
        true[discharge] = true[water] - true[sludge]
        for name, value in true.items():
            sigma[name] = max(0.01 * value, 0.05)
            if name != inputs[0]:  # one unmeasured input per factory
                measured[name] = float(value + rng.normal(0, sigma[name]))
        # The last factory of each group sends its sludge nowhere in the network: it leaves the area.
    measured["f0_discharge"] *= 1.2  # the treatment balance is fully measured: the error can be seen
    return {"unit": "t/year", "streams": streams, "nodes": nodes, "measured": measured, "sigma": sigma}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--factories", type=int, default=2000)
    parser.add_argument("--group", type=int, default=5)
    arguments = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from ecotown.factories.reconcile import Network, reconcile

    data = network(arguments.factories, arguments.group)
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        result = reconcile(Network.from_dict(data))
        timings.append(time.perf_counter() - started)
    best = min(timings)
    test = result.global_test
    print(f"{arguments.factories} factories, {len(data['streams']):,} streams, {len(data['nodes']):,} units, "
          f"groups of {arguments.group}: best {best:.2f} s of {', '.join(f'{t:.2f}' for t in timings)} "
          f"(budget {BUDGET_SECONDS:.0f} s)")  # fmt: skip
    print(f"χ² {test.statistic:.1f} on {test.dof} dof, suspect {result.suspect}")
    print(f"flagged: {', '.join(result.flagged[:5])}")
    return 0 if best < BUDGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
