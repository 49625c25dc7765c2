import datetime
from decimal import Decimal

import pytest
from django.utils import translation

from ecotown.areas.models import AreaContact
from ecotown.areas.testing import make_area
from ecotown.engagement.models import Membership
from ecotown.factories.models import EmissionFactor, MassBalance
from ecotown.factories.testing import make_factory, make_mass_balance
from ecotown.opendata.choices import Trigger
from ecotown.opendata.services import publish_snapshot
from ecotown.targets.models import Target

# A made-up carrier with its own factor, so the expected greenhouse gases are worked out here, not read back.
BIOGAS_KG_PER_MJ = Decimal("0.0500")


def outcome_flows(landfill_t):
    return [
        ("in", "raw_material", "มันสำปะหลัง", 100, "t", {}),
        ("in", "water", "น้ำบาดาล", 100, "m3", {}),
        ("in", "energy", "ก๊าซชีวภาพ", 2000, "MJ", {"carrier": "biogas_test"}),
        ("out", "product", "แป้ง", 60, "t", {}),
        ("out", "waste", "กากมัน", landfill_t, "t", {"waste_code": "020304", "route": "landfill"}),
        ("out", "waste", "เศษพลาสติก", 5, "t", {"waste_code": "150102", "route": "recycle"}),
    ]  # fmt: skip


@pytest.fixture(scope="module")
def published(shared_world, django_db_blocker):
    """The full world plus what a leak would show — a contact, a committee member and a factory operator with
    names, phones and e-mails — three factories of area A2 with accepted balances (published), two of an area of
    their own in province B (withheld: fewer than three), A1's target approved; then a snapshot of it all."""
    w = shared_world
    with django_db_blocker.unblock():
        w.area_withheld = make_area(w.province_b, "od-withheld")  # no other app's samples sit in it
        AreaContact.objects.create(area=w.area_a1, name="สมชาย ใจดีมาก", phone="081-234-5678",
                                   email="somchai.private@example.com", organisation="เทศบาล")  # fmt: skip
        Membership.objects.create(committee=w.committee_a1, person_name="มาลี ศรีสุขสันต์", position="member",
                                  sector="community")  # fmt: skip
        EmissionFactor.objects.create(carrier="biogas_test", unit="MJ", kg_co2e=BIOGAS_KG_PER_MJ, scope_number=1,
                                      valid_from=datetime.date(2000, 1, 1), source="test")  # fmt: skip
        for index, (area, landfill) in enumerate([(w.area_a2, 10), (w.area_a2, 20), (w.area_a2, 30),
                                                  (w.area_withheld, 40), (w.area_withheld, 50)]):  # fmt: skip
            province = w.province_a if area == w.area_a2 else w.province_b
            factory = make_factory(province, areas=[area], name=f"บริษัท ผลลัพธ์ {index} จำกัด",
                                   operator_name=f"นายประเสริฐ ทองคำ{index}")  # fmt: skip
            make_mass_balance(factory, 2568, flows=outcome_flows(landfill), status="accepted")
        Target.objects.filter(pk=w.target_a1.pk).update(approved_by=w.resolution_a1)
        snapshot = publish_snapshot(acting_user=w.users["diw_admin"], trigger=Trigger.ON_DEMAND)
    return snapshot


@pytest.fixture
def accepted_balances():
    return MassBalance.objects.filter(status="accepted")


@pytest.fixture(autouse=True)
def _in_english(settings):
    """Messages are asserted in English, the msgid language; the Thai catalogue is checked separately."""
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield
