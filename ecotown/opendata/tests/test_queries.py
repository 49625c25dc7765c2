"""Query budgets: the open data pages, the catalogue and the API stay flat when the snapshots grow tenfold."""

import hashlib

import pytest
from django.utils import timezone

from ecotown.opendata.choices import FileFormat, Trigger
from ecotown.opendata.dictionary import datasets
from ecotown.opendata.models import FileContent, Snapshot, SnapshotFile

pytestmark = pytest.mark.django_db
MAX_QUERIES = 10


def grow(count: int) -> Snapshot:
    """`count` snapshots with every file (bulk: the test measures reading, not publishing)."""
    data = b"area_code\r\n"
    digest = hashlib.sha256(data).hexdigest()
    content, _made = FileContent.objects.get_or_create(sha256=digest, defaults={"size": len(data), "content": data})
    snapshots = Snapshot.objects.bulk_create(
        Snapshot(generated_at=timezone.now(), trigger=Trigger.NIGHTLY) for _n in range(count)
    )
    SnapshotFile.objects.bulk_create(
        SnapshotFile(snapshot=snapshot, dataset=found.slug, file_format=file_format, rows=0, sha256=digest,
                     size=len(data), content=content)
        for snapshot in snapshots for found in datasets() for file_format in FileFormat.values
    )  # fmt: skip
    return snapshots[-1]


@pytest.mark.parametrize("persona", ["anonymous", "diw_admin"])
@pytest.mark.parametrize(
    "url", ["/open-data/", "/api/open-data/snapshots/", "/open-data/v1/catalog.jsonld", "snapshot"]
)
def test_open_data_pages_stay_flat_when_snapshots_grow_tenfold(
    world, client_for, django_assert_max_num_queries, url, persona
):
    client = client_for(world.users[persona])
    for count in (3, 30):
        latest = grow(count)
        address = latest.get_absolute_url() if url == "snapshot" else url
        with django_assert_max_num_queries(MAX_QUERIES):
            assert client.get(address).status_code == 200
