"""The public open data pages and files: /open-data/ lists the snapshots; files, the data dictionary and the DCAT
catalogue live under the schema's version (/open-data/v1/...), so a breaking change gets a new path."""

import base64
import json

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.views import generic

from ecotown.core import jobs
from ecotown.core.scopes import may
from ecotown.core.views import ObjectDetailView, ObjectListView, refuse_without
from ecotown.opendata import dcat, formats
from ecotown.opendata import jobs as opendata_jobs
from ecotown.opendata.choices import FileFormat
from ecotown.opendata.dictionary import SCHEMA_VERSION, datasets, dictionary_document, dictionary_rows
from ecotown.opendata.filtersets import SnapshotFilterSet
from ecotown.opendata.models import Snapshot, SnapshotFile
from ecotown.opendata.tables import SnapshotTable

CONTENT_TYPES = {FileFormat.CSV: "text/csv; charset=utf-8", FileFormat.JSON: "application/json"}


class SnapshotListView(ObjectListView):
    model = Snapshot
    table_class = SnapshotTable
    filterset_class = SnapshotFilterSet
    template_name = "opendata/snapshot_list.html"
    offer_add = False

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        latest = Snapshot.objects.for_user(self.request.user).filter(schema_version=SCHEMA_VERSION).first()
        files = {(item.dataset, item.file_format): item for item in (latest.files.all() if latest else [])}
        context["latest"] = latest
        context["datasets"] = [
            (found, [files[key] for key in ((found.slug, "csv"), (found.slug, "json")) if key in files])
            for found in datasets()
        ]  # fmt: skip
        context["schema_version"] = SCHEMA_VERSION
        context["can_publish"] = may(self.request.user, "opendata.publish_snapshot")
        return context


class SnapshotDetailView(ObjectDetailView):
    model = Snapshot
    object_actions = ()


class SnapshotFileDownloadView(generic.View):
    """A file of a snapshot: never changes once published, so caches may keep it for good. The SHA-256 is in the
    Repr-Digest header (RFC 9530) as well as on the page and in the catalogue."""

    def get(self, request, pk: int, dataset: str, file_format: str):
        refused = refuse_without(request, "opendata.view_snapshotfile")
        if refused:
            return refused
        files = SnapshotFile.objects.for_user(request.user).select_related("content", "snapshot")
        item = get_object_or_404(files, snapshot_id=pk, snapshot__schema_version=SCHEMA_VERSION, dataset=dataset,
                                 file_format=file_format)  # fmt: skip
        return file_response(item, "public, max-age=31536000, immutable")


class LatestFileView(generic.View):
    """The latest snapshot's file under a stable address, for those who always want today's data."""

    def get(self, request, dataset: str, file_format: str):
        refused = refuse_without(request, "opendata.view_snapshotfile")
        if refused:
            return refused
        latest = Snapshot.objects.for_user(request.user).filter(schema_version=SCHEMA_VERSION).first()
        if latest is None:
            raise Http404
        files = SnapshotFile.objects.for_user(request.user).select_related("content", "snapshot")
        item = get_object_or_404(files, snapshot=latest, dataset=dataset, file_format=file_format)
        return file_response(item, "public, max-age=3600")


def file_response(item: SnapshotFile, cache: str) -> HttpResponse:
    response = HttpResponse(bytes(item.content.content), content_type=CONTENT_TYPES[item.file_format])
    stamp = item.snapshot.generated_at.strftime("%Y%m%dT%H%M%SZ")
    name = f"ecotown-{SCHEMA_VERSION}-{item.dataset}-{stamp}.{item.file_format}"
    response["Content-Disposition"] = f'inline; filename="{name}"'
    response["Repr-Digest"] = f"sha-256=:{base64.b64encode(bytes.fromhex(item.sha256)).decode()}:"
    response["ETag"] = f'"{item.sha256}"'
    response["Cache-Control"] = cache
    return response


class DictionaryView(generic.View):
    """The data dictionary of this schema version, in Thai and English."""

    def get(self, request, file_format: str):
        refused = refuse_without(request, "opendata.view_snapshot")
        if refused:
            return refused
        if file_format == FileFormat.CSV:
            body = formats.to_csv(dictionary_rows())
        elif file_format == FileFormat.JSON:
            body = json.dumps(dictionary_document(), ensure_ascii=False, indent=1).encode("utf-8")
        else:
            raise Http404
        response = HttpResponse(body, content_type=CONTENT_TYPES[file_format])
        response["Content-Disposition"] = f'inline; filename="ecotown-{SCHEMA_VERSION}-dictionary.{file_format}"'
        return response


class CatalogView(generic.View):
    """DCAT metadata (JSON-LD) of the datasets and the latest snapshot's files, for data.go.th to harvest."""

    def get(self, request):
        refused = refuse_without(request, "opendata.view_snapshot")
        if refused:
            return refused
        latest = Snapshot.objects.for_user(request.user).filter(schema_version=SCHEMA_VERSION).first()
        document = dcat.catalog(latest, settings.SITE_URL.rstrip("/"))
        return JsonResponse(document, content_type="application/ld+json", json_dumps_params={"ensure_ascii": False})


class SnapshotPublishView(generic.View):
    """Publish a snapshot now (DIW administrator): a background job whose page shows the new snapshot."""

    http_method_names = ["post"]

    def post(self, request):
        refused = refuse_without(request, "opendata.publish_snapshot")
        if refused:
            return refused
        job = jobs.start(opendata_jobs.KIND, request.user, {}, language=request.LANGUAGE_CODE)
        return redirect(job.get_absolute_url())
