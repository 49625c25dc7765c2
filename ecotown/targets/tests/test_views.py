import pytest
from django.urls import reverse

from ecotown.criteria.testing import make_requirements
from ecotown.targets.models import Target
from ecotown.targets.periods import fiscal_years_shown
from ecotown.targets.testing import make_target

pytestmark = pytest.mark.django_db


def table_url(area):
    return reverse("targets:area_target_table", kwargs={"code": area.code})


def add_url(area):
    return reverse("targets:target_add", kwargs={"code": area.code})


def test_the_table_colours_each_cell(world, client_for, targets_a1):
    response = client_for(world.secretary_a1).get(table_url(world.area_a1))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('class="target-met') == 1
    assert html.count('class="target-missed') == 1
    # 2 requirements × the years shown, minus the met and missed cells.
    assert html.count('class="target-missing') == 2 * len(fiscal_years_shown()) - 2
    assert "1,200 ตัน/ปี" in html
    assert "85%" in html


def test_the_table_says_when_there_is_no_catalogue(world, client_for):
    response = client_for(world.officer_a).get(table_url(world.area_a1))
    assert "No criteria catalogue has been loaded yet" in response.content.decode()


def test_the_table_invites_the_first_target(world, client_for, percent):
    response = client_for(world.secretary_a1).get(table_url(world.area_a1))
    html = response.content.decode()
    assert "This area has not set any target values yet." in html
    assert add_url(world.area_a1) in html


def test_an_htmx_request_gets_only_the_grid(world, client_for, targets_a1):
    response = client_for(world.officer_a).get(table_url(world.area_a1), headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "<table" in html
    assert "<html" not in html


def test_the_auditor_reads_but_cannot_edit(world, client_for, targets_a1):
    client = client_for(world.auditor_a1)
    html = client.get(table_url(world.area_a1)).content.decode()
    assert "target-met" in html
    assert add_url(world.area_a1) not in html
    assert client.get(add_url(world.area_a1)).status_code == 403


@pytest.mark.parametrize(
    ("persona", "area", "page", "expected"),
    [
        ("officer_b", "area_a1", "targets:area_target_table", 404),
        ("officer_b", "area_a1", "targets:area_target_export", 404),
        ("officer_b", "area_a1", "targets:area_target_import", 404),
        ("officer_b", "area_a1", "targets:target_add", 404),
        ("officer_a", "area_a2", "targets:area_target_table", 200),
        ("officer_a", "area_a2", "targets:area_target_import", 200),
        ("secretary_a1", "area_a1", "targets:area_target_export", 200),
        ("secretary_a1", "area_a1", "targets:area_target_import", 200),
        ("secretary_a1", "area_a1", "targets:target_add", 200),
        ("secretary_a1", "area_b1", "targets:area_target_table", 404),
        ("secretary_a1", "area_b1", "targets:area_target_export", 404),
        ("secretary_a1", "area_b1", "targets:target_add", 404),
        ("secretary_a1", "area_a2", "targets:area_target_table", 404),
        ("auditor_a1", "area_a1", "targets:area_target_export", 200),
        ("auditor_a1", "area_a1", "targets:area_target_import", 403),
        ("auditor_a1", "area_a2", "targets:area_target_table", 404),
        ("diw_admin", "area_b1", "targets:area_target_import", 200),
        # No role that may see targets at all: 403, or the sign-in page (the project's convention).
        ("public", "area_a1", "targets:area_target_table", 403),
        ("operator", "area_a1", "targets:area_target_export", 403),
        ("anonymous", "area_a1", "targets:area_target_table", 302),
    ],
)
def test_area_pages_follow_the_scope(world, client_for, catalogue, persona, area, page, expected):
    url = reverse(page, kwargs={"code": getattr(world, area).code})
    assert client_for(getattr(world, persona)).get(url).status_code == expected


@pytest.mark.parametrize(
    ("persona", "page", "expected"),
    [
        ("officer_b", "targets:target_detail", 404),
        ("officer_b", "targets:target_edit", 404),
        ("officer_b", "targets:target_delete", 404),
        ("auditor_a1", "targets:target_detail", 200),
        ("auditor_a1", "targets:target_edit", 403),
        ("public", "targets:target_detail", 403),
        ("secretary_a1", "targets:target_edit", 200),
        ("secretary_a1", "targets:target_history", 200),
        ("officer_a", "targets:target_delete", 200),
    ],
)
def test_target_pages_follow_the_scope(world, client_for, targets_a1, persona, page, expected):
    url = reverse(page, kwargs={"pk": targets_a1[0].pk})
    assert client_for(getattr(world, persona)).get(url).status_code == expected


def test_the_secretary_sets_a_target(world, client_for, landfill):
    response = client_for(world.secretary_a1).post(
        add_url(world.area_a1) + f"?catalogue={landfill.catalogue_id}",
        {"requirement": landfill.pk, "fiscal_year": 2569, "direction": "at_most", "target_value": "900",
         "baseline_value": "1100", "baseline_year": 2566},
    )  # fmt: skip
    assert response.status_code == 302
    assert response["Location"].startswith(table_url(world.area_a1))
    target = Target.objects.get(area=world.area_a1, requirement=landfill, fiscal_year=2569)
    assert target.unit == "ตัน/ปี"
    assert not hasattr(target, "actual")


def test_the_secretary_cannot_post_for_another_area(world, client_for, percent):
    response = client_for(world.secretary_a1).post(
        add_url(world.area_b1), {"requirement": percent.pk, "fiscal_year": 2569, "target_value": "50"}
    )
    assert response.status_code == 404
    assert not Target.objects.exists()


def test_a_rejected_form_keeps_what_was_typed(world, client_for, percent):
    response = client_for(world.secretary_a1).post(
        add_url(world.area_a1),
        {"requirement": percent.pk, "fiscal_year": 2569, "direction": "at_least", "target_value": "150",
         "data_source": "รายงาน กรอ. ประจำปี"},
    )  # fmt: skip
    assert response.status_code == 200
    html = response.content.decode()
    assert "A percentage is between 0 and 100." in html
    assert 'value="150"' in html
    assert "รายงาน กรอ. ประจำปี" in html
    assert not Target.objects.exists()


def test_a_stale_target_form_does_not_overwrite_a_newer_save(world, client_for, targets_a1, percent):
    target = targets_a1[0]
    stale = target.revision
    Target.objects.filter(pk=target.pk).update(target_value=88, revision=stale + 1)
    response = client_for(world.officer_a).post(
        reverse("targets:target_edit", kwargs={"pk": target.pk}),
        {"requirement": percent.pk, "fiscal_year": 2568, "direction": "at_least", "target_value": "70",
         "revision": stale},
    )  # fmt: skip
    assert response.status_code == 200
    html = response.content.decode()
    assert "Someone else saved this record" in html
    assert "88" in html
    assert 'value="70"' in html
    target.refresh_from_db()
    assert target.target_value == 88


def test_the_list_page_filters_with_the_shared_filterset(world, client_for, targets_a1):
    make_target(world.area_b1, targets_a1[0].requirement, 2569, 50)
    response = client_for(world.diw_admin).get(reverse("targets:target_list"), {"fiscal_year": 2569, "province": "21"})
    assert response.status_code == 200
    assert len(response.context["table"].rows) == 1


@pytest.mark.parametrize("size", [5, 50])
def test_the_table_page_needs_few_queries_whatever_the_size(world, client_for, catalogue, size,
                                                           django_assert_max_num_queries):  # fmt: skip
    years = fiscal_years_shown()
    for requirement in make_requirements(catalogue, size):
        for year in years:
            make_target(world.area_a1, requirement, year, 1, actual=1)
    client = client_for(world.secretary_a1)
    with django_assert_max_num_queries(10):
        response = client.get(table_url(world.area_a1))
    assert response.content.decode().count('class="target-met') == size * len(years)


def test_the_list_page_stays_flat_when_data_grows_tenfold(world, client_for, catalogue,
                                                          django_assert_max_num_queries):  # fmt: skip
    client = client_for(world.officer_a)
    for size in (3, 30):
        for requirement in make_requirements(catalogue, size, prefix=f"L{size}-"):
            make_target(world.area_a1, requirement, 2569, 1, actual=1)
        with django_assert_max_num_queries(10):
            assert client.get(reverse("targets:target_list")).status_code == 200
