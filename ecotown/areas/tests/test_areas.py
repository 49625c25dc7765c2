import json

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from ecotown.areas.geojson import validate_boundary
from ecotown.areas.loaders import load_first_wave
from ecotown.areas.models import Area, Programme

SQUARE = {"type": "Polygon", "coordinates": [[[100.5, 14.0], [100.6, 14.0], [100.6, 14.1], [100.5, 14.0]]]}


def test_a_polygon_boundary_becomes_a_feature_collection():
    boundary = validate_boundary(SQUARE)
    assert boundary["type"] == "FeatureCollection"
    assert boundary["features"][0]["geometry"] == SQUARE


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"foo": 1}, "type"),
        ({"type": "Point", "coordinates": [100.5, 14.0]}, "Polygon"),
        ({"type": "Polygon", "coordinates": [[[14.0, 100.5], [14.1, 100.5], [14.1, 100.6], [14.0, 100.5]]]}, "outside"),
        ({"type": "Polygon", "coordinates": [[[100.5, 14.0], [100.6, 14.0], [100.6, 14.1]]]}, "four points"),
    ],
)
def test_a_bad_boundary_is_refused_with_the_reason(data, message):
    with translation.override("en"), pytest.raises(ValidationError, match=message):
        validate_boundary(data)


@pytest.mark.django_db
def test_the_first_wave_loads_18_areas_in_15_provinces_once():
    first = load_first_wave()
    second = load_first_wave()
    assert (first.created, second.created, second.kept) == (18, 0, 18)
    assert Area.objects.values("province").distinct().count() == 15
    assert Programme.objects.get().target_areas == 54
    bang_kadi = Area.objects.get(code="pte-bang-kadi")
    assert [d.name_th for d in bang_kadi.districts.all()] == ["เมืองปทุมธานี"]


@pytest.mark.django_db
def test_an_officer_uploads_a_boundary_and_the_page_draws_it(world, client_for):
    client = client_for(world.officer_a)
    area = world.area_a1
    upload = SimpleUploadedFile("bang-kadi.geojson", json.dumps(SQUARE).encode(), "application/geo+json")
    data = {"code": area.code, "name_th": area.name_th, "province": area.province_id, "kind": area.kind,
            "revision": area.revision, "boundary_file": upload}  # fmt: skip
    response = client.post(reverse("areas:area_edit", kwargs={"pk": area.pk}), data)
    assert response.status_code == 302, response.context["form"].errors
    page = client.get(area.get_absolute_url()).content.decode()
    assert 'id="area-boundary"' in page
    assert "area_map.js" in page


@pytest.mark.django_db
def test_an_officer_cannot_move_an_area_into_another_province(world, client_for):
    area = world.area_a1
    data = {"code": area.code, "name_th": "ชื่อใหม่", "province": world.province_b.pk, "kind": area.kind,
            "revision": area.revision}  # fmt: skip
    response = client_for(world.officer_a).post(reverse("areas:area_edit", kwargs={"pk": area.pk}), data)
    assert response.status_code == 200
    assert "ชื่อใหม่" in response.content.decode()
    area.refresh_from_db()
    assert area.province == world.province_a
    assert area.name_th != "ชื่อใหม่"


@pytest.mark.django_db
def test_a_certification_needs_its_level_and_validity(world, client_for):
    area = world.area_a1
    url = reverse("areas:area_status", kwargs={"pk": area.pk})
    data = {"step": "record_certification", "reason": "มติคณะกรรมการชำนาญการ ครั้งที่ 1/2569"}
    response = client_for(world.diw_admin).post(url, data)
    assert response.context["form"].errors["certified_level"]
    area.refresh_from_db()
    assert area.status == "candidate"


@pytest.mark.django_db
def test_every_edit_is_in_the_history_tab(world, client_for):
    area = world.area_a1
    area.population = 100
    area.save()
    area.population = 250
    area.save()
    page = client_for(world.auditor_a1).get(reverse("areas:area_history", kwargs={"pk": area.pk})).content.decode()
    assert "250" in page
    assert "100" in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "sees_targets"), [("officer_a", True), ("secretary_a1", True), ("officer_b", False)]
)
def test_the_area_page_shows_target_counts_only_within_scope(world, client_for, persona, sees_targets):
    page = client_for(world.users[persona]).get(world.area_a1.get_absolute_url())
    assert page.status_code == 200
    templates = [template for template, _panel in page.context["panels"]]
    assert ("targets/partials/area_summary.html" in templates) == sees_targets


@pytest.mark.django_db
def test_the_province_page_maps_its_areas_boundaries(world, client):
    world.area_a1.boundary = validate_boundary(SQUARE)
    world.area_a1.save()
    response = client.get(reverse("geo:province_detail", kwargs={"code": world.province_a.code}))
    features = response.context["boundary"]["features"]
    assert [feature["properties"]["name"] for feature in features] == [world.area_a1.name_th]
    assert "area_map.js" in response.content.decode()


@pytest.mark.django_db
def test_a_province_without_boundaries_shows_no_map(world, client):
    response = client.get(reverse("geo:province_detail", kwargs={"code": world.province_b.code}))
    assert response.context["boundary"] is None
    assert "area_map.js" not in response.content.decode()


@pytest.mark.django_db
def test_the_history_tab_names_related_records_and_choices(world, client_for):
    area = world.area_a1
    area.kind = "industrial_estate"
    area.province = world.province_b
    area.save()
    response = client_for(world.diw_admin).get(reverse("areas:area_history", kwargs={"pk": area.pk}))
    changes = {str(change["field"]): change for entry in response.context["changes"] for change in entry.changes}
    assert changes["จังหวัด"]["old"] == str(world.province_a)
    assert changes["จังหวัด"]["new"] == str(world.province_b)
    assert changes["ประเภทพื้นที่"]["new"] == "นิคมอุตสาหกรรม สวนอุตสาหกรรม หรือเขตอุตสาหกรรม"


@pytest.mark.django_db
def test_an_officer_is_offered_only_their_province_and_its_districts(world, client_for):
    form = client_for(world.officer_a).get(reverse("areas:area_add")).context["form"]
    assert list(form.fields["province"].queryset) == [world.province_a]
    assert {d.province_id for d in form.fields["districts"].queryset} == {world.province_a.pk}


def _load_subdistricts_of(*district_codes):
    """The test database holds provinces and districts only (conftest); add the subdistricts a test needs."""
    import geothai

    from ecotown.geo.models import District, Subdistrict

    for district in District.objects.filter(code__in=district_codes):
        for subdistrict in geothai.subdistricts(district.code):
            Subdistrict.objects.get_or_create(
                code=subdistrict.code,
                defaults={"name_th": subdistrict.name_th, "name_en": subdistrict.name_en, "district": district},
            )


@pytest.mark.django_db
def test_the_rayong_pollution_control_zone_is_the_six_subdistricts_of_the_2552_notification():
    """National Environment Board notification No. 32 (B.E. 2552): Map Ta Phut, Huai Pong, Noen Phra and Thap Ma
    (Mueang Rayong), Map Kha (Nikhom Phatthana) and Ban Chang (Ban Chang); not the whole of two districts."""
    _load_subdistricts_of("2101", "2102", "2108")
    load_first_wave()
    zone = Area.objects.get(code="ryg-pcz")
    assert sorted(zone.districts.values_list("code", flat=True)) == ["2101", "2102", "2108"]
    assert sorted(zone.subdistricts.values_list("name_en", flat=True)) == [
        "Ban Chang", "Huai Pong", "Map Kha", "Map Taphut", "Noen Phra", "Thap Ma",
    ]  # fmt: skip


@pytest.mark.django_db
def test_the_first_wave_leaves_empty_what_no_source_gives():
    load_first_wave()
    assert set(Area.objects.values_list("joined_year", "phase")) == {(None, None)}


@pytest.mark.django_db
def test_the_area_page_shows_a_dash_for_an_unknown_year_and_phase(world, client_for):
    area = world.area_a1
    page = client_for(world.officer_a).get(area.get_absolute_url()).content.decode()
    assert 'data-field="joined_year">—<' in page
    assert 'data-field="phase">—<' in page
    area.joined_year, area.phase = 2561, 2
    area.save()
    page = client_for(world.officer_a).get(area.get_absolute_url()).content.decode()
    assert 'data-field="joined_year">2561<' in page
    assert 'data-field="phase">2<' in page


@pytest.mark.django_db
def test_the_programmes_thai_name_is_not_a_project():
    """ "โครงการ" names the projects of an area's plan; the national programme goes by its own name."""
    load_first_wave()
    assert "โครงการ" not in Programme.objects.get().name_th
