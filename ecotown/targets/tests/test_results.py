"""The data-entry page: a year's results, row by row, with evidence."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ecotown.core.models import Evidence, StoredFile
from ecotown.targets.models import Actual, Target
from ecotown.targets.testing import make_target

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def page_url(area, year=2569):
    return reverse("targets:area_results", kwargs={"code": area.code, "fiscal_year": year})


def row_url(target):
    kwargs = {"code": target.area.code, "fiscal_year": target.fiscal_year, "requirement": target.requirement_id}
    return reverse("targets:result_row", kwargs=kwargs)


def row_data(target, **values):
    prefix = f"r{target.requirement_id}-"
    actual = getattr(target, "actual", None)
    data = {"revision": actual.revision if actual else 0, **values}
    return {prefix + key: value for key, value in data.items()}


@pytest.fixture
def open_target(world, percent):
    return make_target(world.area_a1, percent, 2569, 90)


def test_the_page_lists_every_applicable_requirement_with_its_target(world, client_for, open_target, landfill):
    html = client_for(world.secretary_a1).get(page_url(world.area_a1)).content.decode()
    assert "G1" in html
    assert "G2" in html
    assert "90%" in html
    assert "No target set for this fiscal year." in html  # G2 has no target in 2569
    assert html.count("<form") >= 1


def test_the_secretary_records_a_result_in_place(world, client_for, open_target):
    response = client_for(world.secretary_a1).post(
        row_url(open_target), row_data(open_target, value="92", recorded_on="30/09/2569"), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html
    assert "Saved" in html
    actual = Actual.objects.get(target=open_target)
    assert actual.value == 92
    assert actual.history.first().history_user == world.secretary_a1


def test_a_bad_value_comes_back_with_what_was_typed(world, client_for, open_target):
    response = client_for(world.secretary_a1).post(
        row_url(open_target), row_data(open_target, value="150"), HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert "A percentage is between 0 and 100." in html
    assert 'value="150"' in html
    assert not Actual.objects.exists()


def test_an_empty_value_never_deletes_a_result(world, client_for, open_target):
    Actual.objects.create(target=open_target, value=80)
    target = Target.objects.get(pk=open_target.pk)
    client = client_for(world.secretary_a1)
    response = client.post(row_url(target), row_data(target, value=""), HTTP_HX_REQUEST="true")
    assert "tick" in response.content.decode()
    assert Actual.objects.get(target=target).value == 80
    client.post(row_url(target), row_data(target, value="", clear_result="on"), HTTP_HX_REQUEST="true")
    assert not Actual.objects.exists()


def test_a_stale_row_does_not_overwrite_a_newer_result(world, client_for, open_target):
    Actual.objects.create(target=open_target, value=80)
    response = client_for(world.secretary_a1).post(
        row_url(open_target),
        {f"r{open_target.requirement_id}-revision": 0, f"r{open_target.requirement_id}-value": 70},
        HTTP_HX_REQUEST="true",
    )
    assert "Someone else saved this result" in response.content.decode()
    assert Actual.objects.get(target=open_target).value == 80


def test_evidence_is_uploaded_downloaded_and_removed_with_history(world, client_for, open_target):
    client = client_for(world.secretary_a1)
    upload = SimpleUploadedFile("หลักฐานผลการดำเนินงาน.pdf", PDF, content_type="application/pdf")
    client.post(row_url(open_target), row_data(open_target, value="91", evidence_file=upload), HTTP_HX_REQUEST="true")
    item = Evidence.objects.get()
    assert item.file_name == "หลักฐานผลการดำเนินงาน.pdf"
    download = client_for(world.auditor_a1).get(item.get_absolute_url())
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert "filename*=utf-8''" in download["Content-Disposition"].lower()
    assert client_for(world.officer_b).get(item.get_absolute_url()).status_code == 404
    assert client_for(world.public).get(item.get_absolute_url()).status_code == 404
    target = Target.objects.get(pk=open_target.pk)
    client.post(row_url(target), row_data(target, value="91", remove_evidence=[str(item.key)]), HTTP_HX_REQUEST="true")
    assert not Evidence.objects.exists()
    assert StoredFile.objects.count() == 1  # the bytes stay: history may cite them
    history = client.get(reverse("targets:target_history", kwargs={"pk": target.pk})).content.decode()
    assert "หลักฐานผลการดำเนินงาน.pdf" in history
    assert "91" in history


def test_the_same_file_twice_is_stored_once(world, client_for, open_target, landfill):
    other = make_target(world.area_a1, landfill, 2569, 900)
    client = client_for(world.secretary_a1)
    for target in (open_target, other):
        upload = SimpleUploadedFile("รายงาน.pdf", PDF)
        client.post(row_url(target), row_data(target, value="50", evidence_file=upload), HTTP_HX_REQUEST="true")
    assert Evidence.objects.count() == 2
    assert StoredFile.objects.count() == 1


def test_a_program_renamed_as_pdf_is_refused_and_nothing_is_kept(world, client_for, open_target):
    upload = SimpleUploadedFile("report.pdf", b"MZ\x90\x00" + b"\x00" * 200)
    response = client_for(world.secretary_a1).post(
        row_url(open_target), row_data(open_target, value="91", evidence_file=upload), HTTP_HX_REQUEST="true"
    )
    assert "report.pdf" in response.content.decode()
    assert not Evidence.objects.exists()
    assert not StoredFile.objects.exists()
    assert not Actual.objects.exists()  # the row is saved whole or not at all


def test_a_result_can_cite_another_targets_result(world, client_for, open_target, landfill):
    cited = make_target(world.area_a1, landfill, 2568, 900, actual=850)
    client = client_for(world.secretary_a1)
    page = client.get(page_url(world.area_a1)).content.decode()
    value = f"{Evidence._meta.get_field('owner_type').related_model.objects.get_for_model(Actual).pk}:{cited.actual.pk}"
    assert value in page
    client.post(row_url(open_target), row_data(open_target, value="91", evidence_link=value), HTTP_HX_REQUEST="true")
    item = Evidence.objects.get()
    assert item.linked == cited.actual


def test_a_record_outside_the_offer_cannot_be_cited(world, client_for, open_target, landfill):
    elsewhere = make_target(world.area_b1, landfill, 2568, 900, actual=850)
    content_type = Evidence._meta.get_field("owner_type").related_model.objects.get_for_model(Actual)
    link = f"{content_type.pk}:{elsewhere.actual.pk}"
    response = client_for(world.secretary_a1).post(
        row_url(open_target), row_data(open_target, value="91", evidence_link=link), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert not Evidence.objects.exists()


@pytest.mark.parametrize(("persona", "status"), [("auditor_a1", 200), ("officer_b", 404), ("public", 403)])
def test_who_may_read_the_page(world, client_for, open_target, persona, status):
    assert client_for(getattr(world, persona)).get(page_url(world.area_a1)).status_code == status


def test_the_auditor_reads_without_forms_and_cannot_post(world, client_for, open_target):
    client = client_for(world.auditor_a1)
    html = client.get(page_url(world.area_a1)).content.decode()
    assert "<form" not in html.split('class="result-rows"', 1)[1]
    assert client.post(row_url(open_target), row_data(open_target, value="1")).status_code == 403
    assert not Actual.objects.exists()


def test_the_page_reads_a_fixed_number_of_queries(world, client_for, catalogue, django_assert_max_num_queries):
    from ecotown.criteria.testing import make_requirements

    client = client_for(world.secretary_a1)
    for size in (3, 30):
        for requirement in make_requirements(catalogue, size, prefix=f"Q{size}-"):
            make_target(world.area_a1, requirement, 2569, 1, actual=1)
        with django_assert_max_num_queries(14):
            assert client.get(page_url(world.area_a1)).status_code == 200
