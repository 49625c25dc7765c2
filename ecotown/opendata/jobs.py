"""A DIW administrator's "publish now": a background job with the progress page every EcoTown job has."""

from ecotown.core import jobs
from ecotown.opendata.choices import Trigger

KIND = "opendata.publish"


def publish(job, report) -> dict:
    from ecotown.opendata.services import publish_snapshot

    report(10)
    snapshot = publish_snapshot(acting_user=job.user, trigger=Trigger.ON_DEMAND)
    return {"snapshot": snapshot.pk, "url": snapshot.get_absolute_url()}


def register() -> None:
    jobs.register(KIND, publish, "opendata/publish_result.html")
