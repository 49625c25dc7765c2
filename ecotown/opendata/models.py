"""Snapshots of the programme's open data (ข้อมูลเปิด): each a set of files generated at one time, kept for good."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ecotown.core.models import EcoTownModel
from ecotown.core.scopes import Scope
from ecotown.opendata.choices import FileFormat, Trigger
from ecotown.opendata.dictionary import SCHEMA_VERSION


class FileContent(models.Model):
    """The bytes of a published file, stored once by SHA-256: a dataset that did not change overnight adds nothing,
    so years of nightly snapshots stay downloadable at the cost of what actually changed."""

    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True)
    size = models.PositiveBigIntegerField(_("size (bytes)"))
    content = models.BinaryField(_("content"))

    class Meta:
        verbose_name = _("published file content")
        verbose_name_plural = _("published file contents")

    def __str__(self):
        return f"{self.sha256[:12]} ({self.size} B)"


class Snapshot(EcoTownModel):
    """One publication of the open data (ชุดข้อมูลเปิด ณ เวลาหนึ่ง): every dataset of schema `schema_version` in CSV
    and JSON as the records stood at `generated_at`. Public; never changed or deleted once made."""

    schema_version = models.CharField(_("schema version"), max_length=10, default=SCHEMA_VERSION, editable=False)
    generated_at = models.DateTimeField(_("generated at"), editable=False)
    trigger = models.CharField(_("made by"), max_length=12, choices=Trigger.choices, editable=False)

    scope = Scope.national()
    prefetch_related_fields = ("files",)

    class Meta:
        verbose_name = _("open data snapshot")
        verbose_name_plural = _("open data snapshots")
        ordering = ["-generated_at", "-pk"]
        permissions = [("publish_snapshot", _("Publish an open data snapshot now"))]

    def __str__(self):
        return _("Snapshot {version} no. {number}").format(version=self.schema_version, number=self.pk)

    def get_absolute_url(self):
        return reverse("opendata:snapshot_detail", kwargs={"pk": self.pk})

    @classmethod
    def get_list_url(cls):
        return reverse("opendata:snapshot_list")


class SnapshotFile(EcoTownModel):
    """One dataset of a snapshot in one format, with its checksum; its bytes are a FileContent."""

    snapshot = models.ForeignKey(Snapshot, on_delete=models.PROTECT, related_name="files",
                                 verbose_name=_("snapshot"))  # fmt: skip
    dataset = models.SlugField(_("dataset"), max_length=40)
    file_format = models.CharField(_("format"), max_length=4, choices=FileFormat.choices)
    rows = models.PositiveIntegerField(_("rows"))
    # The checksum and size are kept here too, so that lists and the catalogue never read the bytes.
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size = models.PositiveBigIntegerField(_("size (bytes)"))
    content = models.ForeignKey(FileContent, on_delete=models.PROTECT, related_name="files",
                                verbose_name=_("content"))  # fmt: skip

    scope = Scope.child_of("snapshot")
    select_related_fields = ("snapshot",)

    class Meta:
        verbose_name = _("open data file")
        verbose_name_plural = _("open data files")
        ordering = ["snapshot", "dataset", "file_format"]
        constraints = [
            models.UniqueConstraint(fields=["snapshot", "dataset", "file_format"],
                                    name="opendata_snapshotfile_unique_snapshot_dataset_file_format"),
        ]  # fmt: skip

    def __str__(self):
        return self.file_name

    @property
    def file_name(self) -> str:
        return f"{self.dataset}.{self.file_format}"

    def get_absolute_url(self):
        return reverse("opendata:snapshotfile_download", kwargs={
            "pk": self.snapshot_id, "dataset": self.dataset, "file_format": self.file_format})  # fmt: skip
