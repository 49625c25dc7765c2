import pytest

from ecotown.areas.testing import make_area
from ecotown.factories.models import Flow
from ecotown.symbiosis.choices import ExchangeStatus
from ecotown.symbiosis.demo import AREA, seed_demo
from ecotown.symbiosis.models import Exchange

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_realised_exchange_and_five_candidates_and_runs_again_unchanged():
    make_area("13", code=AREA)
    assert seed_demo() == f"6 symbiosis candidates in {AREA}"
    realised = Exchange.objects.get(status=ExchangeStatus.REALISED)
    assert (realised.supplier.name, realised.receiver.name) == ("บริษัท แป้งมันบางกะดี จำกัด (สาธิต)",
                                                                "บริษัท ปุ๋ยอินทรีย์ปทุม จำกัด (สาธิต)")  # fmt: skip
    assert Exchange.objects.filter(status=ExchangeStatus.PROPOSED).count() == 5
    assert {e.category for e in Exchange.objects.all()} == {"food-sludge", "ash", "plastic", "metal", "wood",
                                                           "treated-water"}  # fmt: skip
    posted = Flow.objects.filter(exchange_link__exchange=realised)
    assert {flow.direction for flow in posted} == {"in", "out"}
    seed_demo()
    assert Exchange.objects.count() == 6
    assert Exchange.objects.get(pk=realised.pk).status == ExchangeStatus.REALISED
