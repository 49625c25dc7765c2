"""The nightly publication as a django-tasks task: `ecotown publish_open_data` (run by cron or a systemd timer,
docs/open-data.md) queues it and the worker that `make run` starts (`ecotown db_worker`) runs it."""

from django.tasks import task

from ecotown.opendata.choices import Trigger


@task
def publish_nightly() -> int:
    from ecotown.opendata.services import publish_snapshot

    return publish_snapshot(acting_user=None, trigger=Trigger.NIGHTLY).pk
