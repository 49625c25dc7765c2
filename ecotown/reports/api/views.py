from django.http import FileResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action

from ecotown.core.api.viewsets import Conflict, ScopedViewSetMixin
from ecotown.core.evidence import storage
from ecotown.reports.api.serializers import UpgradeReportSerializer
from ecotown.reports.filtersets import UpgradeReportFilterSet
from ecotown.reports.models import UpgradeReport
from ecotown.reports.views import CONTENT_TYPES


class UpgradeReportViewSet(ScopedViewSetMixin, mixins.CreateModelMixin, mixins.ListModelMixin,
                           mixins.RetrieveModelMixin, viewsets.GenericViewSet):  # fmt: skip
    """Area upgrade reports (รายงานผลการยกระดับพื้นที่). POST asks for one (201; the background worker writes it);
    GET follows its `status` and `progress`; `download/pdf/` and `download/xlsx/` return its files.

    Refusals: 400 when the years are not a baseline before a current year (at most ten years) or the area is
    unknown; 401/403 without the permission to ask for reports; 403 for an area outside your scope; 404 for a
    report outside your scope; 409 when downloading a report that is not ready (still running, or failed)."""

    model = UpgradeReport
    serializer_class = UpgradeReportSerializer
    filterset_class = UpgradeReportFilterSet

    @extend_schema(
        responses={
            (200, CONTENT_TYPES["pdf"]): OpenApiTypes.BINARY,
            (200, CONTENT_TYPES["xlsx"]): OpenApiTypes.BINARY,
            409: OpenApiResponse(
                inline_serializer("ReportNotReady", {"detail": serializers.CharField()}),
                description="The report is not ready: still being generated, or failed.",
            ),
        },
    )
    @action(detail=True, methods=["get"], url_path=r"download/(?P<kind>pdf|xlsx)")
    def download(self, request, pk=None, kind="pdf"):
        report = self.get_object()
        stored = report.pdf if kind == "pdf" else report.workbook
        if not report.is_ready or stored is None:
            raise Conflict(report.get_status_display())
        response = FileResponse(storage().open(stored.stored_name, "rb"), as_attachment=True,
                                filename=report.file_name(kind), content_type=CONTENT_TYPES[kind])  # fmt: skip
        response["X-Checksum-SHA256"] = stored.sha256
        return response
