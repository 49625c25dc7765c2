"""A new catalogue version carries every area's data over, and pages follow the version in force."""

import pytest
from django.urls import reverse

from ecotown.core.dates import current_fiscal_year
from ecotown.core.evidence import attach_file
from ecotown.core.models import Evidence
from ecotown.criteria.models import Catalogue
from ecotown.criteria.services import preview_move, put_in_force
from ecotown.criteria.testing import make_catalogue, make_requirement
from ecotown.targets.models import Actual, Target
from ecotown.targets.summary import target_summary
from ecotown.targets.testing import make_target

pytestmark = pytest.mark.django_db


@pytest.fixture
def versions(world):
    """2022.1 in force with G1 and G2 (targets and results in two areas); 2022.2 as a draft: G1 kept with a
    reworded title, G2 removed, G3 new."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    old = make_catalogue(version="2022.1")
    g1, g2 = make_requirement(old, "G1"), make_requirement(old, "G2")
    for area in (world.area_a1, world.area_b1):
        for year in (2568, 2569, 2570):
            make_target(area, g1, year, 80, actual=85 if year < 2570 else None)
        make_target(area, g2, 2570, 50, actual=40)
    attach_file(Target.objects.get(area=world.area_a1, requirement=g1, fiscal_year=2569),
                SimpleUploadedFile("ผล.pdf", b"%PDF-1.4 x"), acting_user=None)  # fmt: skip
    new = make_catalogue(version="2022.2", status="draft")
    make_requirement(new, "G1", title_th="ถ้อยคำใหม่")
    make_requirement(new, "G3")
    return old, new


def test_the_preview_counts_what_carries_over_what_is_new_and_what_stays(world, versions):
    old, new = versions
    preview = preview_move(new, 2569)
    assert preview.previous == old
    assert (preview.targets, preview.results, preview.evidence, preview.area_count) == (4, 2, 1, 2)
    assert [r.code for r in preview.added] == ["G3"]
    assert [r.code for r in preview.removed] == ["G2"]
    assert Target.objects.filter(requirement__catalogue=new).count() == 0


def test_putting_a_version_in_force_copies_the_data_and_leaves_the_old_untouched(world, versions):
    old, new = versions
    before = set(Target.objects.filter(requirement__catalogue=old).values_list("pk", "target_value", "revision"))
    put_in_force(new, first_fiscal_year=2569, acting_user=world.diw_admin)
    carried = Target.objects.filter(requirement__catalogue=new)
    assert sorted(carried.values_list("area__code", "fiscal_year")) == [
        ("pte-a1", 2569), ("pte-a1", 2570), ("ryg-b1", 2569), ("ryg-b1", 2570)
    ]  # fmt: skip
    assert Actual.objects.filter(target__requirement__catalogue=new).count() == 2
    evidence = Evidence.objects.get(owner_id=carried.get(area=world.area_a1, fiscal_year=2569).pk)
    assert evidence.file == Evidence.objects.exclude(pk=evidence.pk).get().file  # one file, two records
    assert (
        set(Target.objects.filter(requirement__catalogue=old).values_list("pk", "target_value", "revision")) == before
    )
    assert carried.first().history.first().history_user == world.diw_admin
    old.refresh_from_db()
    new.refresh_from_db()
    assert (old.status, old.last_fiscal_year, new.status, new.first_fiscal_year) == ("in_force", 2568, "in_force", 2569)


def test_carrying_over_twice_duplicates_nothing(world, versions):
    _old, new = versions
    put_in_force(new, first_fiscal_year=2569, acting_user=world.diw_admin)
    assert preview_move(new, 2569).targets == 0


def test_pages_show_the_version_in_force_for_the_fiscal_year(world, client_for, versions):
    old, new = versions
    put_in_force(new, first_fiscal_year=current_fiscal_year(), acting_user=world.diw_admin)
    assert target_summary(world.area_a1, current_fiscal_year()).catalogue == new
    assert target_summary(world.area_a1, current_fiscal_year() - 1).catalogue == old
    response = client_for(world.secretary_a1).get(reverse("targets:area_target_table", kwargs={"code": "pte-a1"}))
    assert response.context["catalogue"] == new


def test_a_draft_never_replaces_the_version_in_force(world, client_for, versions):
    old, _new = versions
    response = client_for(world.secretary_a1).get(reverse("targets:area_target_table", kwargs={"code": "pte-a1"}))
    assert response.context["catalogue"] == old
    assert target_summary(world.area_a1, 2569).set == 1


def test_switching_the_version_swaps_the_heading_and_the_excel_links(world, client_for, versions):
    old, new = versions
    url = reverse("targets:area_target_table", kwargs={"code": "pte-a1"})
    response = client_for(world.secretary_a1).get(url, {"catalogue": new.pk}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html
    assert 'id="target-catalogue"' in html
    assert "2022.2" in html
    assert f"export/?catalogue={new.pk}" in html
    assert f"import/?catalogue={new.pk}" in html
    assert f'?catalogue={old.pk}"' not in html.split('id="target-grid"', 1)[0]


@pytest.mark.parametrize("value", ["²", "1x", "-1", "99999999999999999999"])
def test_a_malformed_version_in_the_address_is_not_found(world, client_for, versions, value):
    for name in ("targets:area_target_table", "criteria:area_selection"):
        url = reverse(name, kwargs={"code": "pte-a1"})
        assert client_for(world.secretary_a1).get(url, {"catalogue": value}).status_code == 404


def test_the_current_fiscal_year_is_always_shown(world, client_for, versions, settings):
    from ecotown.areas.models import Programme

    Programme.objects.create(code="eit", name_th="x", target_provinces=39, target_areas=54,
                             plan_first_year=2560, plan_last_year=2562)  # fmt: skip
    response = client_for(world.secretary_a1).get(reverse("targets:area_target_table", kwargs={"code": "pte-a1"}))
    assert response.context["fiscal_years"] == (2560, 2561, 2562, current_fiscal_year())
    assert Catalogue.objects.count() == 2
