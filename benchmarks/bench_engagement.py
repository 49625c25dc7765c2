"""Issue 14 budget: the yearly participation disclosure as a PDF in under 5 s, with a busy year of records.

Copies the demo database (`make setup` builds it in var/) into a throw-away folder, adds to Pathum Thani's fiscal
year 2569 a busy year — three committees of 25 members, 30 held meetings with agendas, attendance, counted
participants and four 1600×1200 photos each, 300 comments with responses — then times, through django.test.Client:
the disclosure page and its PDF (public), the minutes and attendance-sheet PDFs of one meeting, and the committee
list (provincial officer). Prints queries, median and max.

    .venv/bin/python benchmarks/bench_engagement.py [--requests 5] [--meetings 30]
"""

import argparse
import io
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def photo(seed: int) -> bytes:
    from PIL import Image

    image = Image.effect_noise((1600, 1200), 40 + seed % 20).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=5)
    parser.add_argument("--meetings", type=int, default=30)
    args = parser.parse_args()

    source = ROOT / "var" / "ecotown.sqlite3"
    if not source.exists():
        sys.exit("Run `make setup` first: this benchmark starts from the demo database in var/.")
    workdir = Path(tempfile.mkdtemp(prefix="ecotown-bench-"))
    shutil.copy(source, workdir / "ecotown.sqlite3")
    shutil.copy(ROOT / "var" / "secret_key", workdir / "secret_key")
    os.environ["VAR_DIR"] = str(workdir)
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecotown.settings")

    import django

    django.setup()

    import datetime

    from django.conf import settings
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse
    from django.utils import timezone

    from ecotown.accounts.models import User
    from ecotown.core.evidence import attach_file
    from ecotown.engagement import choices, services
    from ecotown.engagement.models import Comment, MemberAttendance, Participant
    from ecotown.engagement.testing import make_committee, make_meeting, make_member
    from ecotown.geo.models import Province

    settings.ALLOWED_HOSTS = ["testserver"]
    settings.MEDIA_ROOT = workdir / "media"
    province = Province.objects.get(code="13")
    sectors = list(choices.Sector.values)
    started = time.perf_counter()
    meetings = []
    for c in range(3):
        committee = make_committee(choices.CommitteeKind.PROVINCIAL, province=province, name_th=f"คณะทำงานทดสอบ {c}")
        members = [make_member(committee, f"กรรมการ ทดสอบ{c}-{n}", sector=sectors[n % len(sectors)]) for n in range(25)]
        for m in range(args.meetings // 3):
            when = timezone.make_aware(datetime.datetime(2025, 10 + (m % 3), 1 + m, 9, 30))
            kind = choices.MeetingKind.WORKSHOP if m % 2 else choices.MeetingKind.COMMITTEE
            meeting = make_meeting(committee, when=when, kind=kind, title=f"ประชุมครั้งทดสอบ {m}",
                                   topics=[choices.Topic.ACTION_PLAN, choices.Topic.TARGETS])  # fmt: skip
            MemberAttendance.objects.bulk_create(
                MemberAttendance(meeting=meeting, membership=member, status="present") for member in members[:20]
            )
            Participant.objects.bulk_create(
                Participant(meeting=meeting, sector=sector, count=10 + n) for n, sector in enumerate(sectors)
            )
            for p in range(4):
                attach_file(meeting, SimpleUploadedFile(f"ภาพกิจกรรม-{m}-{p}.jpg", photo(m * 4 + p)), acting_user=None)
            meetings.append(meeting)
        for n in range(100):
            comment = Comment.objects.create(
                committee=committee, meeting=meetings[-1], channel=choices.CommentChannel.MEETING,
                received_on=datetime.date(2026, 1, 1 + n % 28), sector=sectors[n % len(sectors)],
                topic=f"ประเด็นที่ {n}", text="ขอให้เพิ่มจุดตรวจวัดคุณภาพน้ำ", raised_by="ชาวบ้าน",
            )  # fmt: skip
            if n % 2:
                services.respond_to_comment(comment, response="accepted", reason="เห็นด้วย",
                                            what_changed="เพิ่มในแผน", acting_user=None)  # fmt: skip
    elapsed = time.perf_counter() - started
    print(f"added {len(meetings)} meetings, {4 * len(meetings)} photos, 300 comments in {elapsed:.1f} s")

    public = Client()
    officer = Client()
    officer.force_login(User.objects.get(username="officer.pathumthani"))
    meeting = meetings[0]
    pages = [
        ("disclosure page", public, reverse("engagement:disclosure"), {"province": "13", "year": 2569}),
        ("disclosure PDF", public, reverse("engagement:disclosure_pdf"), {"province": "13", "year": 2569}),
        ("minutes PDF", officer, reverse("engagement:meeting_minutes_pdf", kwargs={"pk": meeting.pk}), {}),
        ("attendance PDF", officer, reverse("engagement:meeting_attendance_pdf", kwargs={"pk": meeting.pk}), {}),
        ("committee list", officer, reverse("engagement:committee_list"), {}),
    ]
    print(f"{'page':<18} {'queries':>7} {'median ms':>10} {'max ms':>8} {'bytes':>9}")
    for name, client, url, params in pages:
        times = []
        for _ in range(args.requests):
            with CaptureQueriesContext(connection) as queries:
                t0 = time.perf_counter()
                response = client.get(url, params)
                times.append((time.perf_counter() - t0) * 1000)
            assert response.status_code == 200, (name, response.status_code)
        median, worst, size = statistics.median(times), max(times), len(response.content)
        print(f"{name:<18} {len(queries):>7} {median:>10.0f} {worst:>8.0f} {size:>9}")
    shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
