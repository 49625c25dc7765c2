"""Issue 16 budgets:
- the assessment page with 60 requirements (each with a result and evidence) and 100 findings: < 300 ms,
  and ≤ 12 queries of its own for 40 requirements (the query-count test holds that one);
- deciding the level for all areas nationally, 60 areas × 40 requirements × 2 audits: < 100 ms.

Builds a throw-away SQLite database and times the page through django.test.Client signed in as the audit's lead
auditor (an ordinary user, so the scope engine's team path and conflict exclusions are in the queries).

    .venv/bin/python benchmarks/bench_audits.py [--requests 30]
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def percentile(timings, share):
    ordered = sorted(timings)
    return ordered[min(len(ordered) - 1, round(share * len(ordered)) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args()

    os.environ["VAR_DIR"] = tempfile.mkdtemp(prefix="ecotown-bench-")
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecotown.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    from ecotown.geo.geography import load_geography

    load_geography(with_subdistricts=False)
    page(args, Client, connection, CaptureQueriesContext)
    national()


def page(args, Client, connection, CaptureQueriesContext) -> None:
    from django.contrib.contenttypes.models import ContentType

    from ecotown.accounts.choices import Role
    from ecotown.accounts.testing import assign, make_user
    from ecotown.areas.testing import make_area
    from ecotown.audits import choices
    from ecotown.audits.models import CorrectiveAction, Finding, RequirementResult
    from ecotown.audits.testing import make_assessment, on_team
    from ecotown.core.models import Evidence, StoredFile
    from ecotown.criteria.models import Requirement
    from ecotown.criteria.testing import make_catalogue, make_level

    area = make_area("13", "bench-a1")
    catalogue = make_catalogue(version="bench")
    levels = [make_level(catalogue, n) for n in (1, 2, 3)]
    requirements = Requirement.objects.bulk_create(
        Requirement(catalogue=catalogue, code=f"R{n:03d}", kind="basic" if n < 6 else "general",
                    level=None if n < 6 else levels[n % 3], title_th=f"ข้อกำหนดที่ {n} การจัดการของเสีย", position=n)
        for n in range(60)
    )  # fmt: skip
    auditor = make_user("bench-lead")
    assign(auditor, Role.INTERNAL_AUDITOR, area)
    assessment = make_assessment(area, catalogue, status=choices.AssessmentStatus.IN_PROGRESS)
    on_team(assessment, auditor, choices.TeamRole.LEAD)
    results = RequirementResult.objects.bulk_create(
        RequirementResult(assessment=assessment, requirement=r, result="conform" if i % 9 else "nonconform")
        for i, r in enumerate(requirements)
    )
    stored = StoredFile.objects.create(sha256="b" * 64, size=1, content_type="application/pdf", stored_name="b/b")
    owner = ContentType.objects.get_for_model(RequirementResult)
    Evidence.objects.bulk_create(Evidence(owner_type=owner, owner_id=r.pk, file=stored, file_name="หลักฐาน.pdf")
                                 for r in results)  # fmt: skip
    findings = Finding.objects.bulk_create(
        Finding(assessment=assessment, requirement=requirements[i % 60], grade=("major", "minor", "observation")[i % 3],
                statement=f"ข้อพบที่ {i}", objective_evidence="เอกสาร", criterion="ข้อกำหนด")
        for i in range(100)
    )  # fmt: skip
    CorrectiveAction.objects.bulk_create(
        CorrectiveAction(finding=f, root_cause="สาเหตุ", action="การแก้ไข", responsible="เลขานุการ", due_on="2027-01-01")
        for f in findings if f.grade != "observation"
    )  # fmt: skip
    client = Client()
    client.force_login(auditor, backend="ecotown.accounts.backends.UsernameOrEmailBackend")
    url = assessment.get_absolute_url()
    assert client.get(url).status_code == 200  # warm up templates
    timings = []
    for _ in range(args.requests):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    p95 = percentile(timings, 0.95)
    print(f"assessment page: 60 requirements (each with a result and evidence), 100 findings, {args.requests} requests")
    print(f"  queries per request: {len(captured)} (session, user and roles included)")
    print(f"  median {statistics.median(timings):.1f} ms · p95 {p95:.1f} ms · min {min(timings):.1f} ms")
    print(f"  budget: < 300 ms → {'OK' if p95 < 300 else 'OVER BUDGET'}")


def national() -> None:
    from ecotown.areas.testing import make_area
    from ecotown.audits import choices, levels, readiness
    from ecotown.audits.models import Assessment, Finding, RequirementResult
    from ecotown.criteria.models import Requirement
    from ecotown.criteria.testing import make_catalogue, make_level

    catalogue = make_catalogue(version="national")
    level_rows = [make_level(catalogue, n) for n in (1, 2, 3, 4, 5)]
    requirements = Requirement.objects.bulk_create(
        Requirement(catalogue=catalogue, code=f"N{n:02d}", kind="basic" if n < 5 else "general",
                    level=None if n < 5 else level_rows[n % 5], title_th=f"ข้อ {n}", position=n)
        for n in range(40)
    )  # fmt: skip
    areas = [make_area("21", f"nat-{n:02d}") for n in range(60)]
    assessments = Assessment.objects.bulk_create(
        Assessment(area=area, catalogue=catalogue, kind=kind, fiscal_year=2569, status="closed")
        for area in areas for kind in ("internal", "external")
    )  # fmt: skip
    RequirementResult.objects.bulk_create(
        RequirementResult(assessment=a, requirement=r, result="nonconform" if (i + j) % 17 == 0 else "conform")
        for i, a in enumerate(assessments) for j, r in enumerate(requirements)
    )  # fmt: skip
    Finding.objects.bulk_create(
        Finding(assessment=a, requirement=requirements[10 + i % 30], grade="major", statement="x",
                objective_evidence="y", criterion="z", status=choices.FindingStatus.OPEN)
        for i, a in enumerate(assessments[::7])
    )  # fmt: skip
    queryset = Assessment.objects.filter(catalogue=catalogue)
    readiness.decisions_for(queryset)  # warm up
    whole, pure = [], []
    for _ in range(20):
        started = time.perf_counter()
        decided = readiness.decisions_for(queryset)
        whole.append((time.perf_counter() - started) * 1000)
    plain = [readiness.Applicable(r.code, r.kind, (r.level.number if r.level_id else None)) for r in
             Requirement.objects.filter(catalogue=catalogue).select_related("level")]  # fmt: skip
    results = {r.code: "conform" for r in plain}
    for _ in range(20):
        started = time.perf_counter()
        for _assessment in range(120):
            levels.decide(plain, results, ())
        pure.append((time.perf_counter() - started) * 1000)
    spread = {}
    for decision in decided.values():
        spread[decision.level] = spread.get(decision.level, 0) + 1
    print("national: 60 areas × 40 requirements × 2 audits = 4,800 results, 20 runs")
    print(f"  read from the database and decided: median {statistics.median(whole):.1f} ms · "
          f"p95 {percentile(whole, 0.95):.1f} ms; levels {dict(sorted(spread.items()))}")  # fmt: skip
    print(f"  the rule alone (levels.decide × 120): median {statistics.median(pure):.2f} ms")
    print(f"  budget: < 100 ms → {'OK' if percentile(whole, 0.95) < 100 else 'OVER BUDGET'}")


if __name__ == "__main__":
    main()
