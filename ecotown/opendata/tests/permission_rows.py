"""Matrix rows for open data: everything is public, signed in or not; only the DIW administrator publishes a
snapshot on demand (the nightly run needs nobody)."""

from ecotown.accounts.testing import PERSONAS
from ecotown.core.models import Job
from ecotown.core.testing import Row, rows

EVERYONE = dict.fromkeys(PERSONAS, 200)


def file_of(dataset="areas", file_format="csv"):
    return lambda w: {"pk": w.snapshot.pk, "dataset": dataset, "file_format": file_format}


def publish_queued(persona, yes=True):
    return lambda w: Job.objects.filter(kind="opendata.publish", user=w.users[persona]).exists() is yes


NOT_PUBLISHERS = [persona for persona in PERSONAS if persona not in ("diw_admin", "anonymous")]
LATEST_TARGETS = {"dataset": "targets", "file_format": "json"}

ROWS = [
    *rows("GET", "opendata:snapshot_list", EVERYONE),
    *rows("GET", "opendata:snapshot_detail", EVERYONE, target="snapshot"),
    *rows("GET", "opendata:snapshotfile_download", EVERYONE, target=file_of()),
    *rows("GET", "opendata:snapshotfile_download", {"anonymous": 200}, target=file_of("area-outcomes", "json")),
    *rows("GET", "opendata:snapshotfile_download", {"anonymous": 404, "diw_admin": 404}, target=file_of("nope")),
    *rows("GET", "opendata:snapshotfile_latest", EVERYONE, target=lambda w: LATEST_TARGETS),
    *rows("GET", "opendata:dictionary", EVERYONE, target=lambda w: {"file_format": "csv"}),
    *rows("GET", "opendata:catalog", EVERYONE),
    *rows("GET", "api:snapshot-list", EVERYONE),
    *rows("GET", "api:snapshot-detail", EVERYONE, target="snapshot"),
    Row("diw_admin", "POST", "opendata:snapshot_publish", 302, check=publish_queued("diw_admin")),
    Row("anonymous", "POST", "opendata:snapshot_publish", 302, check=lambda w: not Job.objects.filter(
        kind="opendata.publish").exclude(user=w.users["diw_admin"]).exists()),
    *[Row(persona, "POST", "opendata:snapshot_publish", 403, check=publish_queued(persona, False))
      for persona in NOT_PUBLISHERS],
]  # fmt: skip
