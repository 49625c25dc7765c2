"""A province's dashboard: its areas, participation, plans, factory coverage and outcomes; Excel export."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from ecotown.dashboards.province import factory_coverage
from ecotown.dashboards.testing import certify
from ecotown.factories.choices import OperatingStatus, Scheme
from ecotown.factories.models import Certification, Factory
from ecotown.factories.testing import make_factory

DAY = datetime.date(2026, 6, 1)


def _certified(factory, scheme, level=None, until=None):
    Certification.objects.create(factory=factory, scheme=scheme, level=level, valid_from=datetime.date(2025, 1, 1),
                                 valid_until=until)  # fmt: skip


@pytest.fixture
def factories(world):
    complete, green, lapsed, _bare = (make_factory(world.province_a) for _ in range(4))
    for scheme in (Scheme.ISO_14001, Scheme.ISO_45001, Scheme.CSR_DIW):
        _certified(complete, scheme)
    _certified(green, Scheme.GREEN_INDUSTRY, level=3)  # level 3 "Green System" counts as environmental
    _certified(lapsed, Scheme.CSR_DIW, until=datetime.date(2026, 1, 1))
    make_factory(world.province_a, operating_status=OperatingStatus.STRUCK_OFF)
    make_factory(world.province_b)
    return world


def test_coverage_counts_valid_certificates_of_the_register(factories, world):
    register = Factory.objects.filter(province=world.province_a).exclude(operating_status=OperatingStatus.STRUCK_OFF)
    coverage = factory_coverage(register, DAY)
    assert (coverage.factories, coverage.environmental, coverage.safety, coverage.csr) == (4, 2, 1, 1)
    assert (coverage.green_industry, coverage.complete) == (1, 1)
    assert coverage.rows[0] == ("environmental", 2, 50)


def test_anyone_reads_a_province_dashboard_and_exports_it(factories, world, client_for):
    certify(world.area_a1, 3)
    url = reverse("dashboards:province", kwargs={"code": "13"})
    response = client_for(None).get(url)
    assert response.status_code == 200
    assert [area.code for area in response.context["areas"]] == ["pte-a1", "pte-a2"]
    assert response.context["coverage"].factories == 4
    workbook = load_workbook(io.BytesIO(client_for(None).get(url, {"export": "1"}).content))
    assert workbook.sheetnames == ["พื้นที่", "การมีส่วนร่วม", "แผน", "โรงงาน", "ผลลัพธ์", "ข้อมูลไฟล์"]
    assert ("pte-a1", "ตำบลบางกะดี", "Certified", 3) in list(workbook["พื้นที่"].values)


def test_an_unknown_province_is_404(world, client_for):
    assert client_for(None).get(reverse("dashboards:province", kwargs={"code": "99"})).status_code == 404
