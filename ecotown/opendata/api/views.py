from ecotown.core.api.viewsets import ScopedReadOnlyViewSet
from ecotown.opendata.api.serializers import SnapshotSerializer
from ecotown.opendata.filtersets import SnapshotFilterSet
from ecotown.opendata.models import Snapshot


class SnapshotViewSet(ScopedReadOnlyViewSet):
    """Open data snapshots, newest first, each with its files' addresses, sizes and SHA-256 checksums."""

    model = Snapshot
    serializer_class = SnapshotSerializer
    filterset_class = SnapshotFilterSet
