import pytest
from django.core.exceptions import ValidationError

from ecotown.areas.testing import make_area
from ecotown.factories import services
from ecotown.factories.models import Factory
from ecotown.factories.testing import make_factory
from ecotown.geo.models import District, Province

pytestmark = pytest.mark.django_db


@pytest.fixture
def pathum():
    return Province.objects.get(code="13")


def test_clean_normalises_both_numbers(pathum):
    factory = Factory(province=pathum, name="โรงงาน", registration_number='="10130000000007"',
                      old_registration_number=" 3-105-1 / 60ปท")  # fmt: skip
    factory.full_clean()
    assert factory.registration_number == "10130000000007"
    assert factory.old_registration_number == "3-105-1/60ปท"


def test_clean_refuses_an_old_number_in_the_new_field(pathum):
    factory = Factory(province=pathum, name="โรงงาน", registration_number="3-105-1/60ปท")
    with pytest.raises(ValidationError) as error:
        factory.full_clean()
    assert "14-digit" in str(error.value.message_dict["registration_number"])


def test_clean_refuses_a_district_of_another_province(pathum):
    elsewhere = District.objects.exclude(province=pathum).first()
    factory = Factory(province=pathum, district=elsewhere, name="โรงงาน", registration_number="10130000000008")
    with pytest.raises(ValidationError) as error:
        factory.full_clean()
    assert "district" in error.value.message_dict


def test_clean_needs_both_coordinates(pathum):
    factory = Factory(province=pathum, name="โรงงาน", registration_number="10130000000009", latitude=14)
    with pytest.raises(ValidationError) as error:
        factory.full_clean()
    assert "longitude" in error.value.message_dict


def test_an_area_takes_the_factories_of_its_districts(pathum):
    district, other = District.objects.filter(province=pathum)[:2]
    area = make_area(pathum)
    area.districts.add(district)
    inside = make_factory(pathum, district=district)
    make_factory(pathum, district=other)
    already = make_factory(pathum, district=district, areas=[area])

    added = services.assign_factories_from_districts(area, acting_user=None)

    assert added == 1
    assert set(area.factories.all()) == {inside, already}
    assert inside.history.latest().history_change_reason == "assign_from_districts"
    assert services.assign_factories_from_districts(area, acting_user=None) == 0


def test_an_area_without_districts_takes_none(pathum):
    make_factory(pathum)
    assert services.assign_factories_from_districts(make_area(pathum), acting_user=None) == 0
