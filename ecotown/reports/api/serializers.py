from django.urls import reverse
from django.utils.translation import get_language
from rest_framework import serializers

from ecotown.core.api.serializers import ModelCleanSerializer
from ecotown.reports import services
from ecotown.reports.models import UpgradeReport


class UpgradeReportSerializer(ModelCleanSerializer):
    """A report: POST the area and the two fiscal years (and a cut-off date, else today or the end of the current
    year) to ask for one; read it to follow its generation (`status`, `progress`) and, once `ready`, download its
    files from `pdf_url` and `workbook_url` (checksums in `pdf_sha256` and `workbook_sha256`)."""

    progress = serializers.SerializerMethodField()
    pdf_url = serializers.SerializerMethodField()
    workbook_url = serializers.SerializerMethodField()
    pdf_sha256 = serializers.CharField(source="pdf.sha256", read_only=True, default="")
    workbook_sha256 = serializers.CharField(source="workbook.sha256", read_only=True, default="")
    cut_off = serializers.DateField(required=False)

    class Meta:
        model = UpgradeReport
        fields = ["id", "area", "baseline_year", "current_year", "cut_off", "status", "progress", "pages",
                  "missing", "failure", "generated_at", "generation_seconds", "pdf_sha256", "workbook_sha256",
                  "pdf_url", "workbook_url", "created"]  # fmt: skip
        read_only_fields = ["status", "pages", "missing", "failure", "generated_at", "generation_seconds", "created"]

    def get_progress(self, report) -> int:
        if report.is_ready:
            return 100
        return report.job.progress if report.job_id else 0

    def _url(self, report, kind) -> str:
        if not report.is_ready:
            return ""
        url = reverse("api:upgradereport-download", kwargs={"pk": report.pk, "kind": kind})
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request else url

    def get_pdf_url(self, report) -> str:
        return self._url(report, "pdf")

    def get_workbook_url(self, report) -> str:
        return self._url(report, "xlsx")

    def validate(self, attrs):
        if "cut_off" not in attrs and "current_year" in attrs:
            attrs["cut_off"] = services.default_cut_off(attrs["current_year"])
        return super().validate(attrs)

    def create(self, validated_data):
        return services.request_report(
            validated_data["area"], validated_data["baseline_year"], validated_data["current_year"],
            cut_off=validated_data["cut_off"], acting_user=self.context["request"].user, language=get_language(),
        )  # fmt: skip
