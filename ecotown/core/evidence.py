"""Evidence (หลักฐาน) for any record: checking an upload, storing it once, attaching files and links.

An app says which of its models take evidence (`register_owner(Target)`); their pages attach files or links to
live records through `attach_file()` / `attach_link()`, and everyone downloads through one view that checks the
scope of the record the evidence belongs to. Uploads are checked by their content, not their name: PDF, images,
Office and OpenDocument files, and CSV or plain text; anything else (a renamed program, an HTML page) is
refused with a message, and nothing of it is kept.
"""

import hashlib
import secrets
import unicodedata
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath

import filetype
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from ecotown.core.models import Evidence, StoredFile

# Content types accepted, by what the bytes say they are, with the file name endings that may carry each.
ACCEPTED = {
    "application/pdf": {".pdf"},
    "image/jpeg": {".jpg", ".jpeg"},
    "image/png": {".png"},
    "image/gif": {".gif"},
    "image/webp": {".webp"},
    "image/tiff": {".tif", ".tiff"},
    "image/heic": {".heic"},
    "application/msword": {".doc"},
    "application/vnd.ms-excel": {".xls"},
    "application/vnd.ms-powerpoint": {".ppt"},
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {".docx"},
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {".xlsx"},
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": {".pptx"},
    "application/vnd.oasis.opendocument.text": {".odt"},
    "application/vnd.oasis.opendocument.spreadsheet": {".ods"},
    "application/vnd.oasis.opendocument.presentation": {".odp"},
    "text/csv": {".csv"},
    "text/plain": {".txt"},
}
TEXT_SAMPLE = 64 * 1024
HTML_MARKERS = (b"<html", b"<script", b"<!doctype", b"<svg", b"<iframe", b"<body", b"<?xml")

_owners: set = set()


def register_owner(model) -> None:
    """Let `model`'s records take evidence (called from the app's AppConfig.ready)."""
    _owners.add(model)


def owner_models() -> list:
    return sorted(_owners, key=lambda model: model._meta.label)


def storage() -> FileSystemStorage:
    """The private store (EVIDENCE_ROOT), read from the settings at each use."""
    return FileSystemStorage(location=settings.EVIDENCE_ROOT, base_url=None)


@dataclass(frozen=True)
class Inspected:
    content_type: str
    sha256: str
    size: int
    file_name: str


def clean_file_name(name: str) -> str:
    """The name as the user knows it (Thai kept whole: vowel and tone marks are letters here), without any
    folder part, control characters or a name that hides a different ending."""
    base = PureWindowsPath(PurePosixPath(name or "").name).name
    text = unicodedata.normalize("NFC", base)
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C").strip().strip(".")
    if len(text) > 200:
        stem, dot, ending = text.rpartition(".")
        text = (stem[:190] + dot + ending[:9]) if dot else text[:200]
    return text or "file"


def inspect_upload(upload) -> Inspected:
    """Check an uploaded file (size, then content); ValidationError saying what is wrong."""
    limit = settings.EVIDENCE_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("The file is {size} MB; the limit is {limit} MB.").format(
                size=_megabytes(upload.size), limit=_megabytes(limit)
            )
        )
    name = clean_file_name(upload.name)
    ending = PurePosixPath(name.lower()).suffix
    head = _read_head(upload)
    kind = filetype.guess(head)
    content_type = kind.mime if kind else _text_type(head, ending)
    if content_type not in ACCEPTED:
        raise ValidationError(
            _(
                "“{name}” is not a file EcoTown keeps as evidence: upload a PDF, an image, an Office or "
                "OpenDocument file, or CSV."
            ).format(name=name)
        )
    if ending not in ACCEPTED[content_type]:
        raise ValidationError(
            _(
                "“{name}” is named like a {ending} file but its content is something else. Save it with its own "
                "type and upload it again."
            ).format(name=name, ending=ending or _("(no ending)"))
        )
    digest, size = hashlib.sha256(), 0
    for chunk in upload.chunks():
        digest.update(chunk)
        size += len(chunk)
    upload.seek(0)
    return Inspected(content_type, digest.hexdigest(), size, name)


def _read_head(upload) -> bytes:
    upload.seek(0)
    head = upload.read(TEXT_SAMPLE)
    upload.seek(0)
    return head


def _text_type(head: bytes, ending: str) -> str | None:
    """CSV and plain text have no signature: accept them only when they look like text and not like a page."""
    if ending not in (".csv", ".txt") or b"\x00" in head:
        return None
    lowered = head[:4096].lower()
    if any(marker in lowered for marker in HTML_MARKERS):
        return None
    for encoding in ("utf-8-sig", "tis-620"):
        try:
            head.decode(encoding)
        except UnicodeDecodeError as error:
            # A multi-byte character cut at the end of the sample is still text.
            if encoding == "utf-8-sig" and error.start >= len(head) - 4:
                break
            continue
        break
    else:
        return None
    return "text/csv" if ending == ".csv" else "text/plain"


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".rstrip("0").rstrip(".")


def store(upload) -> tuple[StoredFile, str]:
    """Check and keep the bytes (once per SHA-256); returns the stored file and the cleaned file name."""
    inspected = inspect_upload(upload)
    existing = StoredFile.objects.filter(sha256=inspected.sha256).first()
    if existing is not None:
        return existing, inspected.file_name
    token = secrets.token_hex(16)
    stored_name = storage().save(f"{token[:2]}/{token}", upload)
    try:
        with transaction.atomic():
            stored = StoredFile.objects.create(
                sha256=inspected.sha256, size=inspected.size, content_type=inspected.content_type,
                stored_name=stored_name,
            )  # fmt: skip
    except IntegrityError:  # the same file stored by someone else meanwhile
        storage().delete(stored_name)
        stored = StoredFile.objects.get(sha256=inspected.sha256)
    return stored, inspected.file_name


@transaction.atomic
def attach_file(owner, upload, *, acting_user, title: str = "") -> Evidence:
    stored, file_name = store(upload)
    evidence = Evidence(owner=owner, file=stored, file_name=file_name, title=title)
    evidence._history_user = acting_user
    evidence.save()
    return evidence


@transaction.atomic
def attach_link(owner, record, *, acting_user, title: str = "") -> Evidence:
    evidence = Evidence(owner=owner, linked=record, title=title or str(record))
    evidence._history_user = acting_user
    evidence.save()
    return evidence


@transaction.atomic
def remove(evidence: Evidence, *, acting_user) -> None:
    """Take evidence off its record. The stored bytes stay: history and other records may cite them."""
    evidence._history_user = acting_user
    evidence.delete()


def evidence_of(owner):
    return Evidence.objects.filter(
        owner_type=ContentType.objects.get_for_model(type(owner)), owner_id=owner.pk
    ).select_related("file", "linked_type")


def open_file(evidence: Evidence):
    return storage().open(evidence.file.stored_name, "rb")


# -- records that can serve as evidence -------------------------------------------------------------------------

_sources: list = []


def register_source(source) -> None:
    """`source(owner, user)` returns [(group label, records)] the user may cite as evidence for `owner`: a
    meeting's minutes, another target's result, a factory's mass balance."""
    _sources.append(source)


def linkable_records(owner, user) -> list[tuple[str, list]]:
    groups = []
    for source in _sources:
        groups.extend(source(owner, user) or [])
    return [(label, list(records)) for label, records in groups if records]


def link_value(record) -> str:
    return f"{ContentType.objects.get_for_model(type(record)).pk}:{record.pk}"


def link_choices(groups) -> list:
    """Grouped choices for a form's select: [(group label, [(value, label), ...]), ...]."""
    return [(label, [(link_value(record), str(record)) for record in records]) for label, records in groups]


def find_linked(groups, value: str):
    """The record a submitted choice names, only if it is one of those offered (never any id typed in)."""
    for _label, records in groups:
        for record in records:
            if link_value(record) == value:
                return record
    return None
