"""The Factory_Data import as background jobs: "check" gives the preview, "write" saves after confirmation."""

import io
import secrets

from django.core.files.base import ContentFile
from django.urls import reverse

from ecotown.core.evidence import storage
from ecotown.core.jobs import open_upload
from ecotown.core.scopes import condition
from ecotown.factories.importers import ErrorReport, FactoryImporter
from ecotown.geo.models import Province

IMPORT = "factories.import"
PERMISSION = "factories.import_factory"


def provinces_for(user):
    """None when the user may import anywhere (DIW); else the provinces their import may write."""
    if condition(Province, user, PERMISSION) is None:
        return None
    return list(Province.objects.for_permission(user, PERMISSION).values_list("pk", flat=True))


def run_import(job, report) -> dict:
    write = job.params.get("mode") == "write"
    errors = io.StringIO()
    importer = FactoryImporter(
        acting_user=job.user, provinces=provinces_for(job.user), all_or_nothing=not job.params.get("keep_going"),
        report=report, error_sink=ErrorReport(errors),
    )  # fmt: skip
    report(2, "")
    with open_upload(job) as file:
        result = importer.run(file, write=write)
    errors_file = ""
    if result.refused:
        errors_file = storage().save(f"jobs/{secrets.token_hex(16)}-errors.csv",
                                     ContentFile(errors.getvalue().encode("utf-8")))  # fmt: skip
    return {
        **result.as_dict(),
        "mode": "write" if write else "check",
        "keep_going": bool(job.params.get("keep_going")),
        "errors_file": errors_file,
        "errors_url": reverse("factories:import_errors", kwargs={"job": job.key}) if errors_file else "",
        "confirm_url": reverse("factories:import_confirm", kwargs={"job": job.key}),
        "import_url": reverse("factories:import"),
        "list_url": reverse("factories:factory_list"),
    }
