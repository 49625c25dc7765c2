"""Background jobs with progress: an app registers a kind (`register("targets.import", handler, template)`),
a view starts one (`start(kind, user, params, upload=file)`) and sends the user to its page, which polls until
the worker has finished and then shows the kind's result template.

A handler is `handler(job, report) -> dict`: it calls `report(percent, message)` as it goes and returns the
result to keep. An exception fails the job with a message; the log has the detail.
"""

import logging
import secrets
from dataclasses import dataclass

from django.db import transaction
from django.tasks import task
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from ecotown.core.evidence import storage
from ecotown.core.models import Job, JobStatus

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Kind:
    handler: object
    template: str  # rendered with `job` and `result` once the job is done


_kinds: dict[str, Kind] = {}


def register(kind: str, handler, template: str) -> None:
    _kinds[kind] = Kind(handler, template)


def kind_of(job: Job) -> Kind:
    return _kinds[job.kind]


def start(kind: str, user, params: dict, *, upload=None, same_file_as: Job | None = None,
          language: str = "th") -> Job:  # fmt: skip
    """Record the job, keep its uploaded file privately (or reuse an earlier job's, for the step that follows a
    preview), and queue it once the transaction commits."""
    if kind not in _kinds:
        raise KeyError(kind)
    job = Job(kind=kind, user=user, params={**params, "language": language})
    if same_file_as is not None:
        job.upload, job.upload_name = same_file_as.upload, same_file_as.upload_name
    elif upload is not None:
        token = secrets.token_hex(16)
        job.upload = storage().save(f"jobs/{token}", upload)
        job.upload_name = (getattr(upload, "name", "") or "")[:200]
    job.save()
    transaction.on_commit(lambda: run_job.enqueue(str(job.key)))
    return job


def open_upload(job: Job):
    return storage().open(job.upload, "rb")


@task
def run_job(key: str) -> None:
    job = Job.objects.filter(key=key, status=JobStatus.QUEUED).first()
    if job is None:
        return
    Job.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING)

    def report(percent: int, message: str = "") -> None:
        Job.objects.filter(pk=job.pk).update(progress=max(0, min(100, int(percent))), message=message[:300])

    try:
        with override(job.params.get("language", "th")):
            result = _kinds[job.kind].handler(job, report)
    except Exception:
        logger.exception("job %s (%s) failed", job.key, job.kind)
        with override(job.params.get("language", "th")):
            message = _("The work stopped on an unexpected error. Nothing was saved; try again or tell DIW.")
        Job.objects.filter(pk=job.pk).update(status=JobStatus.FAILED, message=message, finished=timezone.now())
        return
    Job.objects.filter(pk=job.pk).update(
        status=JobStatus.DONE, progress=100, result=result or {}, finished=timezone.now()
    )
