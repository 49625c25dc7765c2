import pytest

from ecotown.areas.testing import make_area
from ecotown.reports.choices import ReportStatus
from ecotown.reports.demo import AREA, seed_demo
from ecotown.reports.models import UpgradeReport

pytestmark = pytest.mark.django_db


def test_the_demo_holds_a_ready_report_of_bang_kadi_once(world):
    assert seed_demo() == "skipped: no Bang Kadi area"
    area = make_area(world.province_a, AREA, name_th="ตำบลบางกะดี")
    assert "pages in" in seed_demo()
    report = UpgradeReport.objects.get(area=area)
    assert report.status == ReportStatus.READY
    assert report.current_year - report.baseline_year == 4
    assert seed_demo() == "already present"
    assert UpgradeReport.objects.filter(area=area).count() == 1
