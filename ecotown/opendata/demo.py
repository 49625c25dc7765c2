"""Demo data for `make run`: one snapshot of the demo records, so /open-data/ lists downloads at once. Runs after
every other app's demo step; a second run adds nothing."""

from ecotown.opendata.choices import Trigger
from ecotown.opendata.models import Snapshot
from ecotown.opendata.services import publish_snapshot


def seed_demo() -> str:
    if Snapshot.objects.exists():
        return "already present"
    snapshot = publish_snapshot(acting_user=None, trigger=Trigger.DEMO)
    return f"snapshot {snapshot.pk}: {snapshot.files.count()} files"
