"""Issue 17 (support app): the upgrade project's progress page, the capacity-building figures the upgrade report
reads, and the consulting report PDF, on a busy model area.

Data: an area of 500 factories; one project with 50 trainings of 20 people (1,000 attendance rows), 20 study visits
of 25 (500 rows), 300 consulting engagements of 5 visits (1,500 visits), 8 deliverables. Pages are timed through
django.test.Client signed in as the consultant on the team (scope paths in the queries) and as DIW. No budget is
set by the issue for these; the list-page budget of the project (< 300 ms, flat queries) is the yardstick.

    .venv/bin/python benchmarks/bench_support.py [--requests 20]
"""

import argparse
import datetime
import os
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def percentile(timings, share):
    ordered = sorted(timings)
    return ordered[min(len(ordered) - 1, round(share * len(ordered)) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=20)
    args = parser.parse_args()

    os.environ["VAR_DIR"] = tempfile.mkdtemp(prefix="ecotown-bench-")
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecotown.settings")
    import django

    django.setup()
    import logging

    logging.getLogger("weasyprint").setLevel(logging.WARNING)
    from django.conf import settings
    from django.core.management import call_command

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    from ecotown.geo.geography import load_geography

    load_geography(with_subdistricts=False)
    world = build()
    pages(args, world)
    figures(world)
    report(world)


def build():
    from ecotown.accounts.choices import Role
    from ecotown.accounts.testing import assign, make_user
    from ecotown.areas.testing import make_area
    from ecotown.factories.models import Factory
    from ecotown.geo.models import Province
    from ecotown.support.models import (
        ConsultingEngagement,
        ConsultingVisit,
        Deliverable,
        StudyVisit,
        StudyVisitParticipant,
        Training,
        TrainingAttendance,
    )
    from ecotown.support.testing import make_project

    province = Province.objects.get(code="13")
    area = make_area("13", "bench-support")
    consultant = make_user("bench-consultant")
    assign(consultant, Role.CONSULTANT)
    admin = make_user("bench-admin")
    assign(admin, Role.DIW_ADMIN)
    project = make_project(area, team=[consultant])
    factories = Factory.objects.bulk_create(
        Factory(registration_number=f"1013{n:010d}", name=f"โรงงานทดสอบ {n}", province=province) for n in range(500)
    )
    Factory.areas.through.objects.bulk_create(Factory.areas.through(factory=f, area=area) for f in factories)
    day = datetime.date(2026, 1, 15)
    trainings = Training.objects.bulk_create(
        Training(project=project, topic=f"อบรม {n}", held_on=day, place="ห้องประชุม", trainers="วิทยากร")
        for n in range(50)
    )
    TrainingAttendance.objects.bulk_create(
        TrainingAttendance(training=t, factory=factories[(i * 20 + j) % 500], person_name=f"ผู้เข้าอบรม {j}")
        for i, t in enumerate(trainings)
        for j in range(20)
    )
    visits = StudyVisit.objects.bulk_create(
        StudyVisit(project=project, topics=f"ดูงาน {n}", host_name="ต้นแบบ", visited_on=day) for n in range(20)
    )
    StudyVisitParticipant.objects.bulk_create(
        StudyVisitParticipant(visit=v, factory=factories[(i * 25 + j) % 500], person_name="ผู้ดูงาน")
        for i, v in enumerate(visits)
        for j in range(25)
    )
    engagements = ConsultingEngagement.objects.bulk_create(
        ConsultingEngagement(project=project, consultant=consultant, factory=f, topics=["safety"], last_visit_on=day)
        for f in factories[:300]
    )
    ConsultingVisit.objects.bulk_create(
        ConsultingVisit(engagement=e, visited_on=day, hours=Decimal(6), findings="ข้อค้นพบ " * 20,
                        recommendations="ข้อเสนอแนะ " * 20)
        for e in engagements
        for _ in range(5)
    )  # fmt: skip
    Deliverable.objects.bulk_create(Deliverable(project=project, kind="training", due_on=day) for _ in range(8))
    return {"area": area, "project": project, "consultant": consultant, "admin": admin, "engagement": engagements[0]}


def time_page(client, url, requests):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    assert client.get(url).status_code == 200  # warm up templates and content types
    timings = []
    for _ in range(requests):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    return len(captured), statistics.median(timings), percentile(timings, 0.95)


def pages(args, world) -> None:
    from django.test import Client
    from django.urls import reverse

    print("support pages: area of 500 factories, 1,000 attendance rows, 300 engagements × 5 visits")
    for persona in ("consultant", "admin"):
        client = Client()
        client.force_login(world[persona], backend="ecotown.accounts.backends.UsernameOrEmailBackend")
        for name, url in (
            ("progress page", world["project"].get_absolute_url()),
            ("training list", reverse("support:training_list")),
            ("engagement list", reverse("support:consultingengagement_list")),
            ("engagements API", "/api/consulting-engagements/"),
        ):
            count, median, p95 = time_page(client, url, args.requests)
            verdict = "OK" if p95 < 300 else "OVER 300 ms"
            print(
                f"  {persona:10} {name:16} {count:3} queries · median {median:6.1f} ms · p95 {p95:6.1f} ms  {verdict}"
            )


def figures(world) -> None:
    from ecotown.support import progress

    timings = []
    for _ in range(20):
        started = time.perf_counter()
        found = progress.capacity_figures(world["area"], 2566, 2570)
        timings.append((time.perf_counter() - started) * 1000)
    counted = f"{found.trainings} trainings, {found.factories_trained} factories trained, {found.man_days} man-days"
    print(f"capacity_figures(area, 2566, 2570): median {statistics.median(timings):.1f} ms ({counted})")


def report(world) -> None:
    from django.test import Client
    from django.urls import reverse

    client = Client()
    client.force_login(world["consultant"], backend="ecotown.accounts.backends.UsernameOrEmailBackend")
    url = reverse("support:consultingengagement_report", kwargs={"pk": world["engagement"].pk})
    timings = []
    for _ in range(5):
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
    print(
        f"consulting report PDF (5 visits): median {statistics.median(timings):.0f} ms, {len(response.content):,} bytes"
    )


if __name__ == "__main__":
    main()
