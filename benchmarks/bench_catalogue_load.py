"""Budget (issue 3): parsing, validating and loading a 500-requirement catalogue takes under 2 seconds.

Run: .venv/bin/python benchmarks/bench_catalogue_load.py
It builds a fresh SQLite database in a temporary VAR_DIR, so it never touches the real one.
"""

import os
import sys
import tempfile
import time
from pathlib import Path

BUDGET_SECONDS = 2.0
REQUIREMENTS = 500
DIMENSIONS = ("physical", "environment", "economy", "society", "management")


def catalogue_yaml(count: int = REQUIREMENTS) -> str:
    lines = [
        "code: bench",
        'version: "1"',
        "title: {th: เกณฑ์ทดสอบความเร็ว, en: Benchmark criteria}",
        "effective_date: 2024-10-01",
        "levels:",
    ]
    lines += [f"  - number: {n}\n    name: {{th: ระดับ {n}, en: Level {n}}}" for n in range(1, 6)]
    lines.append("dimensions:")
    lines += [f"  - code: {code}\n    name: {{th: มิติ {code}, en: {code}}}" for code in DIMENSIONS]
    lines.append("requirements:")
    for number in range(count):
        kind = "basic" if number < 12 else ("specific" if number % 7 == 0 else "general")
        level = "" if kind == "basic" else f"\n    level: {number % 5 + 1}"
        applies = "\n    applies_to_area_kinds: [industrial_estate]" if kind == "specific" else ""
        lines.append(
            f"  - code: R{number:04d}\n    kind: {kind}{level}\n"
            f"    dimensions: [{DIMENSIONS[number % 5]}, {DIMENSIONS[(number + 2) % 5]}]\n"
            f"    wording: provisional\n"
            f"    title: {{th: ข้อกำหนดที่ {number} ลดของเสียและใช้ทรัพยากรอย่างคุ้มค่า, en: Requirement {number}}}\n"
            f"    guidance: {{th: คำแนะนำสำหรับข้อกำหนดที่ {number}, en: Guidance for requirement {number}}}\n"
            f"    evidence: {{th: เอกสารหลักฐาน, en: Evidence}}\n"
            f'    target: {{required: true, kind: percentage, unit: "%"}}{applies}'
        )
    return "\n".join(lines) + "\n"


def main() -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    with tempfile.TemporaryDirectory() as var_dir:
        os.environ.pop("DATABASE_URL", None)
        os.environ["VAR_DIR"] = var_dir
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecotown.settings")
        import django
        from django.core.management import call_command

        django.setup()
        call_command("migrate", verbosity=0, interactive=False)

        from ecotown.criteria.loader import apply_plan, plan_catalogue
        from ecotown.criteria.models import Requirement

        path = Path(var_dir) / "bench.yaml"
        path.write_text(catalogue_yaml(), encoding="utf-8")
        started = time.perf_counter()
        plan = plan_catalogue(path.read_bytes())
        parsed = time.perf_counter()
        assert plan.is_valid, plan.errors[:5]
        apply_plan(plan)
        finished = time.perf_counter()
        assert Requirement.objects.count() == REQUIREMENTS
    total = finished - started
    print(
        f"catalogue of {REQUIREMENTS} requirements: parse+validate {parsed - started:.3f} s, "
        f"load {finished - parsed:.3f} s, total {total:.3f} s (budget {BUDGET_SECONDS:.1f} s)"
    )
    return 0 if total < BUDGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
