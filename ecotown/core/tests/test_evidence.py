"""Checking uploads by their content, storing them once, and naming them as their owners do."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from ecotown.core.evidence import clean_file_name, inspect_upload, store

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("รายงาน.pdf", PDF, "application/pdf"),
        ("photo.PNG", PNG, "image/png"),
        ("minutes.docx", docx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("data.csv", "รหัส,ค่า\n1,2\n".encode(), "text/csv"),
        ("data.csv", "รหัส,ค่า\n".encode("tis-620"), "text/csv"),
    ],
)
def test_accepted_files_are_typed_by_their_content(name, content, content_type):
    assert inspect_upload(SimpleUploadedFile(name, content)).content_type == content_type


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.pdf", b"MZ\x90\x00\x03" + b"\x00" * 100),  # a Windows program renamed
        ("setup.exe", b"MZ\x90\x00\x03" + b"\x00" * 100),
        ("photo.png", PDF),  # a PDF named as an image
        ("page.csv", b"<html><script>alert(1)</script></html>"),
        ("page.html", b"<html><script>alert(1)</script></html>"),
        ("notes.txt", b"binary\x00junk"),
        ("archive.zip", docx()),
    ],
)
def test_other_files_are_refused_with_their_name(name, content):
    with pytest.raises(ValidationError) as refused:
        inspect_upload(SimpleUploadedFile(name, content))
    assert clean_file_name(name) in str(refused.value)


def test_an_oversized_file_is_refused_with_the_limit(settings):
    settings.EVIDENCE_MAX_BYTES = 1024
    with pytest.raises(ValidationError, match="เกินขนาดสูงสุด"):  # "the limit is … MB"
        inspect_upload(SimpleUploadedFile("big.pdf", PDF + b"0" * 2048))


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("หลักฐาน.pdf", "หลักฐาน.pdf"),  # vowel and tone marks are kept whole
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("C:\\Users\\สมชาย\\รายงานปี 2569.pdf", "รายงานปี 2569.pdf"),
        ("bad\x00name\r\n.pdf", "badname.pdf"),
        ("", "file"),
    ],
)
def test_file_names_keep_what_people_typed_and_lose_any_path(given, kept):
    assert clean_file_name(given) == kept


@pytest.mark.django_db
def test_the_same_bytes_are_stored_once(settings, tmp_path):
    settings.EVIDENCE_ROOT = tmp_path
    first, name_one = store(SimpleUploadedFile("a.pdf", PDF))
    second, name_two = store(SimpleUploadedFile("ชื่ออื่น.pdf", PDF))
    assert first.pk == second.pk
    assert (name_one, name_two) == ("a.pdf", "ชื่ออื่น.pdf")
    assert len([path for path in tmp_path.rglob("*") if path.is_file()]) == 1
