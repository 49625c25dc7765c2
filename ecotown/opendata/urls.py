from django.urls import path

from ecotown.core.routes import object_routes
from ecotown.opendata import views
from ecotown.opendata.dictionary import SCHEMA_VERSION
from ecotown.opendata.models import Snapshot

app_name = "opendata"

V = f"{SCHEMA_VERSION}/"
urlpatterns = [
    *object_routes(Snapshot, views, "", only=("list",)),
    path("snapshots/<int:pk>/", views.SnapshotDetailView.as_view(), name="snapshot_detail"),
    path("publish/", views.SnapshotPublishView.as_view(), name="snapshot_publish"),
    path(f"{V}snapshots/<int:pk>/<slug:dataset>.<slug:file_format>", views.SnapshotFileDownloadView.as_view(),
         name="snapshotfile_download"),
    path(f"{V}latest/<slug:dataset>.<slug:file_format>", views.LatestFileView.as_view(), name="snapshotfile_latest"),
    path(f"{V}dictionary.<slug:file_format>", views.DictionaryView.as_view(), name="dictionary"),
    path(f"{V}catalog.jsonld", views.CatalogView.as_view(), name="catalog"),
]  # fmt: skip
