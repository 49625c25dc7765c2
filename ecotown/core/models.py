"""What every EcoTown domain model shares: the scope, timestamps, notes, a revision number and history."""

import functools
import re
import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ecotown.core import scopes
from ecotown.core.scopes import Scope


class ScopedQuerySet(models.QuerySet):
    """A queryset that knows which rows a user may see or change (see core.scopes)."""

    def for_user(self, user, action: str = "view"):
        return scopes.restrict(self, user, self.model.permission_name(action))

    def for_permission(self, user, permission: str):
        """Rows within the user's scope for another model's permission:
        `Area.objects.for_permission(user, "targets.change_target")` is the areas whose targets they may change."""
        return scopes.restrict(self, user, permission)

    def with_related(self):
        """The joins every page and API list of this model needs (the model's `select_related_fields` and
        `prefetch_related_fields`), so views and viewsets share one queryset."""
        queryset = self
        if self.model.select_related_fields:
            queryset = queryset.select_related(*self.model.select_related_fields)
        if self.model.prefetch_related_fields:
            queryset = queryset.prefetch_related(*self.model.prefetch_related_fields)
        return queryset


class ScopedModel(models.Model):
    """An object that sits somewhere on the scope path national → province → area → factory.

    Each concrete model sets `scope`: `Scope.root(province="province", area="pk")` for a scope root,
    `Scope.child_of("area")` for a child, `Scope.national()` for national reference data. `ecotown check`
    fails when a scoped model says none of these or a path does not resolve.
    """

    scope: Scope | None = None
    select_related_fields: tuple[str, ...] = ()
    prefetch_related_fields: tuple[str, ...] = ()

    objects = ScopedQuerySet.as_manager()

    class Meta:
        abstract = True

    def get_absolute_url(self):
        return route_url(f"{self._meta.app_label}:{self._meta.model_name}_detail", pk=self.pk)

    @classmethod
    def public_filter(cls) -> models.Q:
        """The rows the public may see when a view permission is granted to the public role."""
        return models.Q()

    @classmethod
    def permission_name(cls, action: str) -> str:
        return f"{cls._meta.app_label}.{action}_{cls._meta.model_name}"

    @classmethod
    def get_list_url(cls):
        return reverse(f"{cls._meta.app_label}:{cls._meta.model_name}_list")


_MARKER = 987654321987654321
_SLUG = re.compile(r"[-a-zA-Z0-9_]+")


def route_url(name: str, **kwargs) -> str:
    """`reverse(name, kwargs=...)` for a route with no argument or one, an id or a slug: the route is resolved
    once per process (no argument) or split around its argument once, so a list page links 25 rows and the menu
    its 20 entries without resolving a route each time. Anything else (text a slug route would refuse, a text
    where the route wants a number) goes through `reverse` itself."""
    if not kwargs:
        return _fixed_route(name, get_script_prefix(), get_urlconf())
    ((key, value),) = kwargs.items()
    before, after, takes_slug = _split_route(name, key, get_script_prefix(), get_urlconf())
    if isinstance(value, int) or (takes_slug and isinstance(value, str) and _SLUG.fullmatch(value)):
        return f"{before}{value}{after}"
    return reverse(name, kwargs=kwargs)


@functools.lru_cache(maxsize=512)
def _fixed_route(name: str, prefix: str, urlconf) -> str:
    return reverse(name)


@functools.lru_cache(maxsize=512)
def _split_route(name: str, key: str, prefix: str, urlconf) -> tuple[str, str, bool]:
    url = reverse(name, kwargs={key: _MARKER})
    before, marker, after = url.partition(str(_MARKER))
    assert marker, url
    try:
        takes_slug = reverse(name, kwargs={key: "a-slug_0"}) == f"{before}a-slug_0{after}"
    except NoReverseMatch:
        takes_slug = False
    return before, after, takes_slug


class Bilingual:
    """`obj.localised("title")` is `title_th`, or `title_en` on an English page when it is filled in."""

    def localised(self, name: str) -> str:
        thai = getattr(self, f"{name}_th")
        if (get_language() or "th").startswith("en"):
            return getattr(self, f"{name}_en", "") or thai
        return thai

    @property
    def name(self) -> str:
        return self.localised("name")

    @property
    def name_aside(self) -> dict | None:
        """The name in the other language, for beside the page's one: {"text", "lang"}, or None when there is
        none (an English page shows the English name first and the Thai one aside)."""
        english = (get_language() or "th").startswith("en")
        name_en = getattr(self, "name_en", "")
        if not name_en:
            return None
        return {"text": self.name_th, "lang": "th"} if english else {"text": name_en, "lang": "en"}

    def __str__(self):
        return self.name


class EcoTownModel(ScopedModel):
    """Base for every model users edit: timestamps, free-text notes, a revision number and full history.

    `revision` goes up by one with every save; edit forms and the API send the revision they started from,
    and a save over a newer one is refused (core.views.ObjectEditView), so nobody overwrites a colleague's
    change without seeing it.
    """

    created = models.DateTimeField(_("created"), auto_now_add=True)
    last_updated = models.DateTimeField(_("last updated"), auto_now=True)
    notes = models.TextField(_("notes"), blank=True)
    revision = models.PositiveIntegerField(_("revision"), default=1, editable=False)

    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            self.revision = (self.revision or 0) + 1
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "revision", "last_updated"}
        super().save(*args, **kwargs)

    def claim_revision(self, expected: int) -> bool:
        """Atomically move the stored revision from `expected` on (call inside the save's transaction);
        False when someone else saved since `expected` was read."""
        claimed = type(self)._default_manager.filter(pk=self.pk, revision=expected).update(revision=expected)
        if claimed:
            self.revision = expected
        return bool(claimed)


class ProgrammeTarget(EcoTownModel):
    """A target of the national programme kept as data with its source, not in code (seed 001: at least 30
    factories in the database, two committee meetings per province, a workshop of 50): each app that measures
    one against the records subclasses this and names its own kind in `Meta`."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name_th = models.CharField(_("name (Thai)"), max_length=300)
    name_en = models.CharField(_("name (English)"), max_length=300, blank=True)
    value = models.PositiveIntegerField(_("target value"))
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)

    scope = Scope.national()

    class Meta:
        abstract = True
        ordering = ["code"]

    def __str__(self):
        return f"{self.name_th} ≥ {self.value} {self.unit}".strip()


class StoredFile(models.Model):
    """The bytes of an uploaded file, stored once whatever the number of records it is evidence for.

    Kept under the private EVIDENCE_ROOT (never a static or media URL) with a random name; served only through
    core.views.EvidenceDownloadView after a scope check on the record the evidence belongs to.
    """

    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True)
    size = models.PositiveBigIntegerField(_("size (bytes)"))
    content_type = models.CharField(_("type of content"), max_length=120)
    stored_name = models.CharField(_("stored name"), max_length=100, unique=True, editable=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("stored file")
        verbose_name_plural = _("stored files")

    def __str__(self):
        return f"{self.sha256[:12]} ({self.size} B)"


class Evidence(EcoTownModel):
    """A piece of evidence (หลักฐาน) for a record: a file, or a link to a live record already in the system
    (a meeting's minutes, a target's result, a factory's mass balance), so that data entered once is evidence
    everywhere. It belongs to its `owner` (a target, a requirement result...) and is visible exactly to those
    who may see the owner."""

    key = models.UUIDField(_("key"), unique=True, editable=False, default=uuid.uuid4)
    owner_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, related_name="+", verbose_name=_("kind of record")
    )
    owner_id = models.PositiveBigIntegerField(_("record"))
    owner = GenericForeignKey("owner_type", "owner_id")
    file = models.ForeignKey(
        StoredFile, on_delete=models.PROTECT, null=True, blank=True, related_name="evidence", verbose_name=_("file")
    )
    file_name = models.CharField(_("file name"), max_length=200, blank=True)
    linked_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("kind of linked record"),
    )  # fmt: skip
    linked_id = models.PositiveBigIntegerField(_("linked record"), null=True, blank=True)
    linked = GenericForeignKey("linked_type", "linked_id")
    title = models.CharField(_("title"), max_length=200, blank=True)

    scope = Scope.through_generic("owner")
    select_related_fields = ("file", "owner_type", "linked_type")

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["created", "pk"]
        indexes = [models.Index(fields=["owner_type", "owner_id"], name="core_evidence_owner")]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(file__isnull=False, linked_type__isnull=True)
                    | models.Q(file__isnull=True, linked_type__isnull=False, linked_id__isnull=False)
                ),
                name="core_evidence_file_or_link",
                violation_error_message=_("Evidence is either a file or a link to a record, not both."),
            ),
        ]

    def __str__(self):
        return self.title or self.file_name or str(self.linked or "")

    def get_absolute_url(self):
        return reverse("core:evidence_download", kwargs={"key": self.key}) if self.file_id else self.linked_url()

    def linked_url(self) -> str:
        linked = self.linked
        return linked.get_absolute_url() if linked is not None and hasattr(linked, "get_absolute_url") else ""

    @classmethod
    def generic_parent_models(cls):
        from ecotown.core.evidence import owner_models

        return owner_models()


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class Job(models.Model):
    """Long work (an import, a report) run by the background worker, with its progress for the page that
    waits for it. Visible to the person who started it only; `result` is what the kind's page shows after."""

    key = models.UUIDField(_("key"), unique=True, editable=False, default=uuid.uuid4)
    kind = models.CharField(_("kind"), max_length=60)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="jobs", verbose_name=_("started by")
    )
    status = models.CharField(_("status"), max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    message = models.CharField(_("message"), max_length=300, blank=True)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    result = models.JSONField(_("result"), default=dict, blank=True)
    upload = models.CharField(_("uploaded file"), max_length=100, blank=True, editable=False)
    upload_name = models.CharField(_("uploaded file name"), max_length=200, blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    finished = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")
        ordering = ["-created"]

    def __str__(self):
        return f"{self.kind} {self.key}"

    def get_absolute_url(self):
        return reverse("core:job_detail", kwargs={"key": self.key})

    @property
    def is_finished(self) -> bool:
        return self.status in (JobStatus.DONE, JobStatus.FAILED)
