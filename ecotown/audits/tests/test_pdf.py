"""The certificate and the audit report print in Thai, with the QR code to the public verification page."""

import shutil
import subprocess

import pytest
from django.urls import reverse

from ecotown.core.testing import build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def full(db):
    return build_world(full=True)


def pdf_text(content: bytes, tmp_path) -> str:
    path = tmp_path / "document.pdf"
    path.write_bytes(content)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return thai(text.stdout)


def thai(text: str) -> str:
    """Spaces dropped, and sara am read as sara aa: the Thai fonts' glyph map gives one for the other."""
    return text.replace(" ", "").replace("\u0e33", "\u0e32")


def test_the_certificate_prints_in_thai_with_the_number_level_validity_and_qr_code(full, client, tmp_path):
    certificate = full.certificate_a1
    response = client.get(reverse("audits:certificate_pdf", kwargs={"pk": certificate.pk}))
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content, tmp_path)
    assert certificate.number in text
    assert thai(full.area_a1.name_th) in text  # ตำบลบางกะดี
    assert "ปทุมธานี" in text
    assert "ระดับ1" in text  # the level's Thai name
    assert str(certificate.valid_until.year + 543) in text  # B.E.
    assert f"/verify/{certificate.number}/" in text
    images = subprocess.run(["pdfimages", "-list", str(tmp_path / "document.pdf")], capture_output=True, text=True)
    assert len(images.stdout.strip().splitlines()) == 3  # header, rule, the QR code
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(tmp_path / "document.pdf"),
                        str(tmp_path / "page")], check=True)  # fmt: skip
        assert (tmp_path / "page-1.png").stat().st_size > 1000


def test_the_certificate_prints_in_english_on_request(full, client, tmp_path):
    response = client.get(reverse("audits:certificate_pdf", kwargs={"pk": full.certificate_a1.pk}), {"lang": "en"})
    assert "CertificateofEco-IndustrialTown" in pdf_text(response.content, tmp_path)


def test_the_qr_code_encodes_the_verification_address():
    import segno

    from ecotown.audits.certificates import qr_data_uri

    url = "https://ecotown.diw.go.th/verify/EIT-2569-0001/"
    assert qr_data_uri(url) == segno.make(url, error="m").png_data_uri(scale=5, border=2)
    assert qr_data_uri(url).startswith("data:image/png;base64,")


def test_the_audit_report_lists_plan_team_results_findings_and_actions(full, client_for, tmp_path):
    response = client_for(full.officer_a).get(reverse("audits:assessment_report", kwargs={"pk": full.assessment_a1.pk}))
    text = pdf_text(response.content, tmp_path)
    assert "G1-01" in text
    assert "auditor_a1" in text
    # pdftotext drops some stacked marks of these fonts: compare the parts it reads back whole.
    assert "ไม่มีบันทึกการติดตามคุณภาพ" in text  # the finding
    assert "บันทึกทุกเดือน" in text  # its corrective action
    assert "Awaitingverification" in text
