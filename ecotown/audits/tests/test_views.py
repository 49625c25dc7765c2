"""Pages and API of the audit cycle, as the people who use them."""

import datetime

import pytest
from django.urls import reverse

from ecotown.audits import choices
from ecotown.audits.models import Assessment, Finding, RequirementResult
from ecotown.core.testing import build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def full(db):
    return build_world(full=True)


def test_the_assessment_page_shows_results_findings_team_and_level(full, client_for):
    response = client_for(full.auditor_a1).get(full.assessment_a1.get_absolute_url())
    assert response.status_code == 200
    page = response.content.decode()
    assert 'data-code="G1-01"' in page
    assert "Major nonconformity" in page
    assert "auditor_a1" in page
    assert "The results support level 0." in page


def test_an_auditor_records_a_result_and_a_stale_form_is_refused_with_the_colleagues_value(full, client_for):
    client = client_for(full.auditor_a1)
    url = reverse("audits:requirementresult_record",
                  kwargs={"pk": full.assessment_a1.pk, "requirement_pk": full.requirement.pk})  # fmt: skip
    assert client.get(url).status_code == 200
    seen = full.result_a1.revision
    assert client.post(url, {"result": "nonconform", "notes": "x", "revision": seen}).status_code == 302
    response = client.post(url, {"result": "conform", "notes": "", "revision": seen})
    assert response.status_code == 200
    assert "now “Does not conform”" in response.content.decode()
    assert RequirementResult.objects.get(pk=full.result_a1.pk).result == "nonconform"


def test_refused_uploads_keep_nothing(full, client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from ecotown.core.models import StoredFile

    client = client_for(full.auditor_a1)
    url = reverse("audits:requirementresult_record",
                  kwargs={"pk": full.assessment_a1.pk, "requirement_pk": full.requirement.pk})  # fmt: skip
    before = StoredFile.objects.count()
    for upload in (SimpleUploadedFile("report.pdf", b"MZ\x90\x00" + b"\x00" * 100),
                   SimpleUploadedFile("../../etc/page.csv", b"<html><script>alert(1)</script></html>")):  # fmt: skip
        data = {"result": "conform", "revision": RequirementResult.objects.get(pk=full.result_a1.pk).revision,
                "file": upload}  # fmt: skip
        response = client.post(url, data)
        assert response.status_code == 200
        assert "is not a file EcoTown keeps as evidence" in response.content.decode()
    assert StoredFile.objects.count() == before
    assert RequirementResult.objects.get(pk=full.result_a1.pk).evidence.count() == 0


def test_the_conflicted_auditor_is_refused_with_the_reason_on_the_team_page(full, client_for):
    url = reverse("audits:auditteammember_add", kwargs={"pk": full.assessment_a1.pk})
    response = client_for(full.officer_a).post(url, {"user": full.auditor_excluded.pk, "role": "auditor"})
    assert response.status_code == 200
    assert "sits on a committee of the area" in response.content.decode()


def test_the_secretariat_answers_and_the_auditor_verifies(full, client_for):
    url = reverse("audits:correctiveaction_add", kwargs={"pk": full.minor_a1.pk})
    data = {"root_cause": "ไม่มีผู้รับผิดชอบ", "action": "แต่งตั้ง", "responsible": "เลขานุการ", "due_on": "31/12/2569"}
    assert client_for(full.secretary_a1).post(url, data).status_code == 302
    action = full.minor_a1.corrective_actions.get()
    verify = reverse("audits:correctiveaction_verify", kwargs={"pk": action.pk})
    assert client_for(full.auditor_a1).post(verify, {"effective": "yes", "note": "ตรวจแล้ว"}).status_code == 302
    assert Finding.objects.get(pk=full.minor_a1.pk).status == choices.FindingStatus.CLOSED


def test_the_public_verification_page_shows_validity_without_names(full, client):
    response = client.get(reverse("audits:verify", kwargs={"number": full.certificate_a1.number}))
    page = response.content.decode()
    assert response.status_code == 200
    assert 'data-state="valid"' in page
    assert str(full.area_a1) in page
    assert "auditor" not in page.lower()
    assert client.get(reverse("audits:verify", kwargs={"number": "EIT-2569-9999"})).status_code == 404


def test_an_expired_or_suspended_certificate_says_so(full, client):
    full.certificate_a1.valid_until = datetime.date(2020, 1, 1)
    full.certificate_a1.save()
    page = client.get(reverse("audits:verify", kwargs={"number": full.certificate_a1.number})).content.decode()
    assert 'data-state="expired"' in page


def test_the_api_records_a_result_and_answers_409_to_a_stale_revision(full, api_client_for):
    client = api_client_for(full.auditor_a1)
    url = reverse("api:requirementresult-detail", kwargs={"pk": full.result_a1.pk})
    seen = full.result_a1.revision
    assert client.patch(url, {"result": "nonconform", "revision": seen}, format="json").status_code == 200
    assert client.patch(url, {"result": "conform", "revision": seen}, format="json").status_code == 409
    created = client.post(reverse("api:requirementresult-list"), {
        "assessment": full.assessment_a1.pk, "requirement": full.specific.pk, "result": "conform", "revision": 0,
    }, format="json")  # fmt: skip
    assert created.status_code == 201, created.content
    assert created.json()["code"] == "S2-01"


def test_the_api_gives_the_gap_to_the_next_level(full, api_client_for):
    response = api_client_for(full.officer_a).get(reverse("api:assessment-gap", kwargs={"pk": full.assessment_a1.pk}))
    assert response.status_code == 200
    body = response.json()
    assert body["level"] == 0
    assert body["blocking"][0]["code"] == "G1-01"
    assert "open_major" in body["blocking"][0]["reasons"]


def area_panel_url(area):
    from ecotown.core.registry import registry

    index = next(i for i, p in enumerate(registry.panels["area"]) if p.template == "audits/area_panel.html")
    return reverse("core:panel", kwargs={"page": "area", "pk": area.pk, "index": index})


def test_the_area_panel_shows_the_certificate_to_all_and_the_gap_to_staff(full, client_for):
    from ecotown.targets.testing import make_target

    make_target(full.area_a1, full.requirement, 2569, 80)
    staff = client_for(full.officer_a).get(area_panel_url(full.area_a1)).content.decode()
    assert full.certificate_a1.number in staff
    assert 'data-testid="certified-level"' in staff
    assert "G1-01" in staff  # blocked by its open major finding, with the target that addresses it
    assert "/targets/" in staff
    public = client_for(full.public).get(area_panel_url(full.area_a1)).content.decode()
    assert full.certificate_a1.number in public
    assert "Latest audit" not in public


def test_the_dashboard_counts_certified_areas_audits_of_the_year_and_workload_within_scope(full, client_for):
    from ecotown.core.dates import current_fiscal_year

    response = client_for(full.officer_a).get(reverse("audits:dashboard"))
    context = response.context
    assert {"year_be": 2569, "level__number": 1, "areas": 1} in context["certified"]
    planned = sum(row["count"] for row in context["audits"])
    assert (
        planned == Assessment.objects.filter(fiscal_year=current_fiscal_year(), area__province=full.province_a).count()
    )
    from ecotown.audits.testing import make_assessment, on_team

    this_year = make_assessment(full.area_a2, full.catalogue, fiscal_year=current_fiscal_year() + 1)
    Assessment.objects.filter(pk=this_year.pk).update(kind="surveillance", fiscal_year=current_fiscal_year())
    on_team(this_year, full.auditor_free, "lead")
    workload = client_for(full.officer_a).get(reverse("audits:dashboard")).context["workload"]
    counts = {row["user__username"]: row["audits"] for row in workload}
    assert counts["auditor_free"] == 1
    assert client_for(full.officer_b).get(reverse("audits:dashboard")).context["workload"] == []


def test_an_oversized_file_is_refused_and_a_folder_in_a_name_is_dropped(full, client_for, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from ecotown.core.models import StoredFile

    client = client_for(full.auditor_a1)
    url = reverse("audits:requirementresult_record",
                  kwargs={"pk": full.assessment_a1.pk, "requirement_pk": full.requirement.pk})  # fmt: skip
    settings.EVIDENCE_MAX_BYTES = 1024
    before = StoredFile.objects.count()
    revision = RequirementResult.objects.get(pk=full.result_a1.pk).revision
    big = SimpleUploadedFile("รายงาน.pdf", b"%PDF-1.4\n" + b"0" * 2048)
    response = client.post(url, {"result": "conform", "revision": revision, "file": big})
    assert "the limit is 0 MB" in response.content.decode()
    assert StoredFile.objects.count() == before
    assert RequirementResult.objects.get(pk=full.result_a1.pk).revision == revision  # nothing saved
    small = SimpleUploadedFile("../../../etc/รายงาน.pdf", b"%PDF-1.4\n%%EOF\n")
    assert client.post(url, {"result": "conform", "revision": revision, "file": small}).status_code == 302
    [evidence] = RequirementResult.objects.get(pk=full.result_a1.pk).evidence.all()
    assert evidence.file_name == "รายงาน.pdf"


def test_why_a_requirement_blocks_its_level_reads_as_words_not_codes():
    from django.utils import translation

    from ecotown.audits.templatetags.audits import reason_labels

    with translation.override("en"):
        assert reason_labels(("nonconform", "open_major")) == "does not conform, open major nonconformity"
    with translation.override("th"):
        assert reason_labels(("not_assessed",)) not in ("not_assessed", "not assessed")
