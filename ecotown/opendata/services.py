"""Publishing a snapshot: every dataset written in CSV and JSON, checksummed and stored in one transaction."""

import hashlib

from django.db import transaction
from django.utils import timezone

from ecotown.opendata import formats
from ecotown.opendata.choices import FileFormat
from ecotown.opendata.dictionary import SCHEMA_VERSION
from ecotown.opendata.exporters import EXPORTERS
from ecotown.opendata.models import FileContent, Snapshot, SnapshotFile


def render_files() -> list[tuple[str, str, int, bytes]]:
    """(dataset, format, rows, bytes) for every dataset: read once, written in both formats."""
    rendered = []
    for exporter in EXPORTERS:
        rows = list(exporter().rows())
        slug = exporter.slug
        rendered.append((slug, FileFormat.CSV, len(rows) - 1, formats.to_csv(rows)))
        rendered.append((slug, FileFormat.JSON, len(rows) - 1, formats.to_json(slug, SCHEMA_VERSION, rows)))
    return rendered


@transaction.atomic
def publish_snapshot(*, acting_user, trigger: str) -> Snapshot:
    """A new snapshot as the records stand now (`acting_user` None for the nightly run). Bytes already published
    are not stored again: an unchanged dataset points at yesterday's content, with the same checksum."""
    generated_at = timezone.now()
    files = render_files()
    snapshot = Snapshot(generated_at=generated_at, trigger=trigger)
    snapshot._history_user = acting_user
    snapshot.save()
    for slug, file_format, rows, data in files:
        digest = hashlib.sha256(data).hexdigest()
        content, _created = FileContent.objects.get_or_create(
            sha256=digest, defaults={"size": len(data), "content": data}
        )
        published = SnapshotFile(
            snapshot=snapshot,
            dataset=slug,
            file_format=file_format,
            rows=rows,
            sha256=digest,
            size=len(data),
            content=content,
        )
        published._history_user = acting_user
        published.save()
    return snapshot


def latest_snapshot():
    return Snapshot.objects.filter(schema_version=SCHEMA_VERSION).order_by("-generated_at", "-pk").first()
