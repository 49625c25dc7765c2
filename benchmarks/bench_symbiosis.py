"""Budget (issue 18): matching 2,000 factories × 20 flows in one area takes under 5 s.

Run: DATABASE_URL=sqlite:////tmp/bench_symbiosis.sqlite3 .venv/bin/python benchmarks/bench_symbiosis.py
     [--factories 2000] [--keep]
Builds a fresh database (migrations, provinces, the test world's areas), then one area of `--factories` made-up
factories within about 20 km of each other, each with an accepted balance of 20 flows: 10 inputs (8 raw materials
some of which a residue can replace, water, energy), a product, 5 wastes under DIW codes of the matching table's
categories (spent solvent, one of the seven, hazardous), a by-product, wastewater, steam and an emission; one
factory in forty is a licensed type-106 processor. It times `services.run_matching` end to end — reading the
balances, reconciling them, matching and saving the candidates — and the engine alone on the same records.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

BUDGET_SECONDS = 5.0
WASTES = [("020305", "กากตะกอน"), ("100102", "เถ้าลอย"), ("120105", "เศษพลาสติก"), ("120101", "เศษเหล็ก"),
          ("030105", "ขี้เลื่อย"), ("150101", "เศษกระดาษ"), ("140603", "ตัวทำละลายใช้แล้ว")]  # fmt: skip
INPUTS = ["วัตถุดิบปุ๋ยหมัก", "ปูนซีเมนต์", "เม็ดพลาสติกรีไซเคิล", "เศษเหล็ก", "เชื้อเพลิงชีวมวล", "เยื่อกระดาษ",
          "ตัวทำละลายใช้แล้ว", "แป้งมัน", "น้ำตาลทราย"]  # fmt: skip


def build(count: int):
    from ecotown.core.testing import build_world
    from ecotown.factories.models import Factory, Flow, MassBalance, Permit

    world = build_world()
    rng = random.Random(18)
    factories = Factory.objects.bulk_create([
        Factory(registration_number=f"1013{700000 + n:010d}", name=f"โรงงานทดสอบ {n}", province=world.province_a,
                latitude=round(14.0 + rng.uniform(0, 0.18), 6), longitude=round(100.5 + rng.uniform(0, 0.18), 6),
                main_type_code="10600" if n % 40 == 0 else "")
        for n in range(count)
    ])  # fmt: skip
    Factory.areas.through.objects.bulk_create(
        [Factory.areas.through(factory_id=f.pk, area_id=world.area_a1.pk) for f in factories]
    )
    Permit.objects.bulk_create([Permit(factory=f, kind="licence", number="ร.ง.4") for f in factories[::40]])
    balances = MassBalance.objects.bulk_create(
        [MassBalance(factory=f, year=2568, status="accepted") for f in factories]
    )
    flows = []
    for balance in balances:
        inputs = [("raw_material", rng.choice(INPUTS), rng.uniform(50, 400)) for _ in range(8)]
        inputs += [("water", "น้ำหล่อเย็น", rng.uniform(100, 900))]
        total_in = sum(q for _c, _n, q in inputs)
        wastes = [rng.choice(WASTES) for _ in range(5)]
        waste_t = [total_in * rng.uniform(0.01, 0.05) for _ in wastes]
        rest = total_in - sum(waste_t)
        outs = [("product", "ผลิตภัณฑ์", rest * 0.7), ("by_product", "ผลพลอยได้", rest * 0.05),
                ("wastewater", "น้ำทิ้งที่บำบัดแล้ว", rest * 0.2), ("emission", "ไอเสีย", rest * 0.05)]  # fmt: skip
        for category, name, quantity in inputs:
            flows.append(Flow(mass_balance=balance, direction="in", category=category, name=name,
                              quantity=round(quantity * rng.uniform(0.99, 1.01), 3), unit="t"))  # fmt: skip
        flows.append(Flow(mass_balance=balance, direction="in", category="energy", name="ไฟฟ้า", quantity=50_000,
                          unit="kWh", carrier="electricity"))  # fmt: skip
        for (code, name), quantity in zip(wastes, waste_t, strict=True):
            flows.append(Flow(mass_balance=balance, direction="out", category="waste", name=name, waste_code=code,
                              hazardous=code == "140603", route=rng.choice(["landfill", "treatment", "landfill"]),
                              quantity=round(quantity, 3), unit="t"))  # fmt: skip
        for category, name, quantity in outs:
            flows.append(Flow(mass_balance=balance, direction="out", category=category, name=name,
                              quantity=round(quantity, 3), unit="t"))  # fmt: skip
        flows.append(Flow(mass_balance=balance, direction="out", category="energy", name="ไอน้ำส่วนเกิน",
                          quantity=rng.uniform(1e4, 1e5), unit="MJ", carrier="steam"))  # fmt: skip
    Flow.objects.bulk_create(flows, batch_size=2000)
    return world, len(flows)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--factories", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    arguments = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecotown.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from ecotown.geo.geography import load_geography
    from ecotown.symbiosis import matching, services, sources
    from ecotown.symbiosis.models import Exchange
    from ecotown.symbiosis.table import load_table

    call_command("migrate", verbosity=0)
    load_geography(with_subdistricts=False)
    started = time.perf_counter()
    world, flow_count = build(arguments.factories)
    print(f"{connection.vendor}: built {arguments.factories:,} factories, {flow_count:,} flows in "
          f"{time.perf_counter() - started:.1f} s")  # fmt: skip
    table = load_table()
    timings, engine = [], []
    for _ in range(arguments.runs):
        started = time.perf_counter()
        run = services.run_matching(world.area_a1, acting_user=None, table=table)
        timings.append(time.perf_counter() - started)
        factories = sources.factories_in_reach(world.area_a1, 50)
        sites = sources.sites(factories, table.content["hazardous_receiver_types"])
        lines = sources.lines(sources.latest_balances(factories))
        started = time.perf_counter()
        result = matching.match(table.content, sites, lines)
        engine.append(time.perf_counter() - started)
    print(f"balances {run.balances:,}, candidates {run.candidates:,} ({Exchange.objects.count():,} stored), "
          f"pairs left out {dict(run.excluded)}")  # fmt: skip
    print(f"run_matching: median {statistics.median(timings):.2f} s (first {timings[0]:.2f} s, all "
          f"{', '.join(f'{t:.2f}' for t in timings)}); engine alone: median {statistics.median(engine):.2f} s, "
          f"{len(result.candidates):,} candidates")  # fmt: skip
    worst = max(timings)
    print(f"budget {BUDGET_SECONDS:.0f} s: {'met' if worst < BUDGET_SECONDS else 'NOT met'} (worst {worst:.2f} s)")
    return 0 if worst < BUDGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
