import pytest

from ecotown.core.thai import thai_order, thai_sorted
from ecotown.geo.models import Province


def test_python_sorts_thai_in_dictionary_order():
    names = ["อ่างทอง", "เชียงใหม่", "กระบี่", "ชลบุรี", "แพร่", "ไทย"]
    # Leading vowels sort by the consonant after them: เชียงใหม่ goes under ช, not after อ.
    assert thai_sorted(names) == ["กระบี่", "ชลบุรี", "เชียงใหม่", "ไทย", "แพร่", "อ่างทอง"]


@pytest.mark.django_db
def test_the_database_sorts_provinces_in_thai_dictionary_order():
    names = list(Province.objects.order_by(thai_order("name_th")).values_list("name_th", flat=True))
    assert len(names) == 77
    assert names == thai_sorted(names)
    assert names.index("เชียงใหม่") < names.index("ตรัง")
