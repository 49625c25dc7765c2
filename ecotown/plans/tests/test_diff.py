"""The diff between two versions of a plan: projects added, removed and changed field by field (issue 14)."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from ecotown.criteria.testing import make_catalogue, make_requirement
from ecotown.engagement.testing import make_committee
from ecotown.plans import diff, services
from ecotown.plans.models import BudgetLine, Kpi, Project
from ecotown.plans.testing import approve, make_plan, make_project, make_report
from ecotown.targets.testing import make_target

pytestmark = pytest.mark.django_db


@pytest.fixture
def versions(world):
    """Version 1 (approved): P-01 (changed in version 2), P-02 (removed), P-03 (unchanged). Version 2 (approved
    too): P-01 retitled, moved, re-budgeted, its KPI target raised, a KPI added, a target and a requirement
    swapped, reported delayed; P-04 added."""
    catalogue = make_catalogue(version="diff")
    g1, g2 = make_requirement(catalogue, "G1-01"), make_requirement(catalogue, "G2-01")
    target_67, target_68 = make_target(world.area_a1, g1, 2567, 50), make_target(world.area_a1, g1, 2568, 60)
    committee = make_committee(area=world.area_a1)
    plan = make_plan(world.area_a1)
    first = plan.latest_version
    budget = {(2567, "government"): 100000, (2568, "private"): 50000}
    changed = make_project(first, "โครงการคัดแยกขยะ", code="P-01", requirements=[g1], budget=budget,
                           start_date=datetime.date(2024, 1, 15), end_date=datetime.date(2025, 9, 30))  # fmt: skip
    changed.targets.set([target_67])
    make_project(first, "โครงการเดิมที่ตัดออก", code="P-02")
    make_project(first, "โครงการที่ไม่เปลี่ยน", code="P-03")
    approve(first, committee)
    make_report(changed, 40, status="on_track")
    second = services.revise(plan, acting_user=world.secretary_a1, summary="ปรับแผน")
    copy = second.projects.get(code="P-01")
    Project.objects.filter(pk=copy.pk).update(title="โครงการคัดแยกขยะชุมชน", end_date=datetime.date(2026, 3, 31))
    BudgetLine.objects.filter(project=copy, fiscal_year=2567).update(amount=Decimal(120000))
    BudgetLine.objects.create(project=copy, fiscal_year=2569, source="local_government", amount=Decimal(30000))
    Kpi.objects.filter(project=copy).update(target_value=Decimal(90))
    Kpi.objects.create(project=copy, name="ขยะลดลง", unit="ตัน", target_value=Decimal(12), target_year=2569)
    copy.targets.set([target_68])
    copy.requirements.set([g2])
    second.projects.get(code="P-02").delete()
    make_project(second, "โครงการใหม่", code="P-04")
    approve(second, committee)
    make_report(copy, 55, quarter=2, status="delayed")
    return first, second


def _changes(found, field):
    return [(str(change.label), change.old, change.new) for change in found.changes if change.field == field]


def test_it_finds_the_projects_added_removed_and_unchanged(versions):
    found = diff.compare(*versions)
    assert [p.code for p in found.added] == ["P-04"]
    assert [p.code for p in found.removed] == ["P-02"]
    assert [item.new.code for item in found.changed] == ["P-01"]
    assert found.unchanged == 1


def test_it_compares_a_changed_project_field_by_field(versions):
    with translation.override("en"):
        (found,) = diff.compare(*versions).changed
        assert _changes(found, "title") == [("project", "โครงการคัดแยกขยะ", "โครงการคัดแยกขยะชุมชน")]
        assert _changes(found, "end_date") == [("ends", datetime.date(2025, 9, 30), datetime.date(2026, 3, 31))]
        assert not _changes(found, "start_date")
        assert _changes(found, "budget") == [
            ("budget 2567 · Government budget", Decimal(100000), Decimal(120000)),
            ("budget 2569 · Local government", None, Decimal(30000)),
        ]
        kpis = _changes(found, "kpi")
        assert ("KPI “ตัวชี้วัด 1”: target value", Decimal(80), Decimal(90)) in kpis
        assert ("KPI “ขยะลดลง”", None, "ขยะลดลง: 12 ตัน") in kpis
        assert _changes(found, "targets") == [("targets served", ["G1-01 · 2567"], ["G1-01 · 2568"])]
        assert _changes(found, "requirements") == [("requirements served", ["G1-01"], ["G2-01"])]
        assert _changes(found, "status") == [("status", "On track", "Delayed")]


def test_two_identical_versions_differ_in_nothing(versions, world):
    first, _second = versions
    third = services.revise(first.plan, acting_user=world.secretary_a1)
    found = diff.compare(versions[1], third)
    assert found.is_empty
    assert found.unchanged == 3


def test_it_reads_both_versions_in_the_same_queries_whatever_their_size(versions):
    first, second = versions
    with CaptureQueriesContext(connection) as few:
        diff.compare(first, second)
    for number in range(10):
        make_project(second.__class__.objects.get(pk=first.pk), f"เพิ่ม {number}", kpis=2)
    with CaptureQueriesContext(connection) as many:
        diff.compare(first, second)
    assert len(few) == len(many) <= 6


def test_the_page_shows_the_diff_in_thai_with_buddhist_era_dates(versions, world, client_for, settings):
    _first, second = versions
    client = client_for(world.secretary_a1)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "th"
    with translation.override("th"):
        response = client.get(reverse("plans:planversion_compare", kwargs={"pk": second.pk}))
    page = response.content.decode()
    assert response.status_code == 200
    assert "โครงการใหม่" in page
    assert "โครงการเดิมที่ตัดออก" in page
    assert "2568" in page
    assert "31 มี.ค. 2569" in page
    assert "120,000.00" in page


def test_each_later_version_links_to_its_comparison(versions, world, client_for):
    first, second = versions
    client = client_for(world.secretary_a1)
    compare = reverse("plans:planversion_compare", kwargs={"pk": second.pk})
    assert compare in client.get(second.get_absolute_url()).content.decode()
    assert reverse("plans:planversion_compare", kwargs={"pk": first.pk}) not in client.get(
        first.get_absolute_url()).content.decode()  # fmt: skip
    first_page = client.get(reverse("plans:planversion_compare", kwargs={"pk": first.pk}))
    assert first_page.status_code == 200
    assert first_page.context["diff"].old is None
    assert [p.code for p in first_page.context["diff"].added] == ["P-01", "P-02", "P-03"]
    assert client.get(compare + "?with=9").status_code == 404
    assert client.get(compare + "?with=x").status_code == 404


def test_the_api_answers_the_same_diff(versions, world, api_client_for):
    first, _second = versions
    client = api_client_for(world.secretary_a1)
    response = client.get(reverse("api:planversion-compare", kwargs={"pk": first.pk}) + "?with=2",
                          HTTP_ACCEPT_LANGUAGE="en")  # fmt: skip
    assert response.status_code == 200
    data = response.json()
    assert (data["old_version"], data["new_version"]) == (1, 2)
    assert [p["code"] for p in data["added"]] == ["P-04"]
    assert [p["code"] for p in data["removed"]] == ["P-02"]
    (changed,) = data["changed"]
    end = next(c for c in changed["changes"] if c["field"] == "end_date")
    assert (end["old"], end["new"]) == ("2025-09-30", "2026-03-31")
    budget = [c for c in changed["changes"] if c["field"] == "budget"]
    assert {"label": "budget 2569 · Local government", "old": None, "new": "30000.00", "field": "budget"} in budget
    first_alone = client.get(reverse("api:planversion-compare", kwargs={"pk": first.pk})).json()
    assert first_alone["old_version"] is None
    assert len(first_alone["added"]) == 3


def test_a_version_the_reader_may_not_see_is_not_compared(versions, world, client_for):
    _first, second = versions
    services.revise(second.plan, acting_user=world.secretary_a1)  # version 3, a draft: staff only
    url = reverse("plans:planversion_compare", kwargs={"pk": second.pk}) + "?with=3"
    assert client_for(world.public).get(url).status_code == 404
    assert client_for(world.secretary_a1).get(url).status_code == 200
