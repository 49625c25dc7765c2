from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.views import generic

from ecotown.areas.models import Area
from ecotown.core import views
from ecotown.core.evidence import storage
from ecotown.reports import services
from ecotown.reports.filtersets import UpgradeReportFilterSet
from ecotown.reports.forms import UpgradeReportForm
from ecotown.reports.models import UpgradeReport
from ecotown.reports.tables import UpgradeReportTable

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class UpgradeReportListView(views.ObjectListView):
    model = UpgradeReport
    table_class = UpgradeReportTable
    filterset_class = UpgradeReportFilterSet
    offer_add = False  # asked for from the area page, where the area is known


class UpgradeReportDetailView(views.ObjectDetailView):
    """The report's page: its progress while the worker writes it (polled), then its files and missing data."""

    model = UpgradeReport
    object_actions = ("history",)

    def get_template_names(self):
        names = super().get_template_names()
        if self.request.htmx and not self.request.htmx.boosted:
            return [f"{name}#status" for name in names]
        return names


class UpgradeReportEditView(views.ObjectEditView):
    """Ask for a report on an area (the button on the area page); the worker writes it."""

    model = UpgradeReport
    form_class = UpgradeReportForm
    parent_field = "area"

    def get_parent(self):
        areas = Area.objects.for_permission(self.request.user, self.permission())
        return get_object_or_404(areas, pk=self.kwargs["parent_pk"])

    def save_form(self, form):
        data = form.cleaned_data
        return services.request_report(self.object.area, data["baseline_year"], data["current_year"],
                                       cut_off=data.get("cut_off"), acting_user=self.request.user,
                                       language=get_language())  # fmt: skip


class UpgradeReportHistoryView(views.ObjectHistoryView):
    model = UpgradeReport


class UpgradeReportDownloadView(views.ScopedViewMixin, generic.View):
    """The stored PDF or workbook of a ready report, byte for byte as it was generated; 404 otherwise."""

    model = UpgradeReport

    def get(self, request, pk, kind):
        if kind not in CONTENT_TYPES:
            raise Http404
        report = get_object_or_404(self.get_queryset(), pk=pk)
        stored = report.pdf if kind == "pdf" else report.workbook
        if not report.is_ready or stored is None:
            raise Http404
        response = FileResponse(storage().open(stored.stored_name, "rb"), as_attachment=kind == "xlsx",
                                filename=report.file_name(kind), content_type=CONTENT_TYPES[kind])  # fmt: skip
        response["Cache-Control"] = "private, no-store"
        response["X-Checksum-SHA256"] = stored.sha256
        return response
