import pytest
from django.utils import translation

from ecotown.criteria.choices import TargetKind
from ecotown.criteria.testing import make_catalogue, make_requirement
from ecotown.targets.testing import make_target


@pytest.fixture(autouse=True)
def _in_english(settings):
    """Messages are asserted in English, the msgid language; the Thai catalogue is maintained separately."""
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def catalogue(db):
    return make_catalogue(version="2565")


@pytest.fixture
def percent(catalogue):
    return make_requirement(catalogue, "G1", target_kind=TargetKind.PERCENTAGE, dimension="society",
                            title_th="ร้อยละของโรงงานที่ได้รับการรับรอง")  # fmt: skip


@pytest.fixture
def landfill(catalogue):
    return make_requirement(catalogue, "G2", target_kind=TargetKind.NUMBER, target_unit="ตัน/ปี", level=2,
                            dimension="environment", title_th="ปริมาณกากของเสียที่ฝังกลบ")  # fmt: skip


@pytest.fixture
def targets_a1(world, percent, landfill):
    """Area A1 has met G1 in 2568, missed G2 in 2568 and set G1 for 2569 without a result yet."""
    from ecotown.targets.choices import Direction

    return [
        make_target(world.area_a1, percent, 2568, 80, actual=85),
        make_target(world.area_a1, landfill, 2568, 1000, actual=1200, direction=Direction.AT_MOST),
        make_target(world.area_a1, percent, 2569, 90),
    ]
