"""The project workbook import as background jobs: "check" gives the preview, "write" saves after confirmation."""

from django.urls import reverse

from ecotown.core.jobs import open_upload
from ecotown.plans.importers import ProjectImporter
from ecotown.plans.models import PlanVersion

IMPORT = "plans.import"


def run_import(job, report) -> dict:
    version = PlanVersion.objects.select_related("plan").get(pk=job.params["version"])
    write = job.params.get("mode") == "write"
    importer = ProjectImporter(version, acting_user=job.user, report=report)
    report(5, "")
    with open_upload(job) as file:
        result = importer.run(file, write=write)
    plan = version.plan
    return {
        **result.as_dict(),
        "mode": "write" if write else "check",
        "catalogue": str(version),
        "table_url": f"{plan.get_absolute_url()}?version={version.number}",
        "confirm_url": reverse("plans:plan_import_confirm", kwargs={"pk": plan.pk, "job": job.key}),
        "import_url": reverse("plans:plan_import", kwargs={"pk": plan.pk}),
    }
