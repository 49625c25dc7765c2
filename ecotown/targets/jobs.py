"""The workbook import as background jobs: "check" gives the preview, "write" saves after confirmation."""

from django.urls import reverse

from ecotown.areas.models import Area
from ecotown.core.jobs import open_upload
from ecotown.criteria.models import Catalogue
from ecotown.targets.importers import AreaTargetImporter

IMPORT = "targets.import"


def run_import(job, report) -> dict:
    area = Area.objects.get(pk=job.params["area"])
    catalogue = Catalogue.objects.get(pk=job.params["catalogue"])
    write = job.params.get("mode") == "write"
    importer = AreaTargetImporter(area, catalogue, acting_user=job.user, report=report)
    report(5, "")
    with open_upload(job) as file:
        result = importer.run(file, write=write)
    table = reverse("targets:area_target_table", kwargs={"code": area.code}) + f"?catalogue={catalogue.pk}"
    return {
        **result.as_dict(),
        "mode": "write" if write else "check",
        "area": area.code,
        "catalogue": str(catalogue),
        "table_url": table,
        "confirm_url": reverse("targets:area_target_import_confirm", kwargs={"code": area.code, "job": job.key}),
        "import_url": reverse("targets:area_target_import", kwargs={"code": area.code}) + f"?catalogue={catalogue.pk}",
    }
