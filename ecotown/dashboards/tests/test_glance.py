"""Progress at a glance on the home page, each figure within the user's scope."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from ecotown.audits.choices import ActionStatus
from ecotown.audits.testing import make_action, make_assessment, make_finding
from ecotown.core.dates import current_fiscal_year
from ecotown.criteria.testing import make_catalogue, make_requirement
from ecotown.dashboards.glance import glance
from ecotown.plans.choices import VersionStatus
from ecotown.plans.models import PlanVersion
from ecotown.plans.testing import make_plan
from ecotown.targets.testing import make_target


@pytest.fixture
def progress(world):
    year = current_fiscal_year()
    catalogue = make_catalogue()
    first, second = make_requirement(catalogue), make_requirement(catalogue)
    make_target(world.area_a1, first, year, 80, actual=90)
    make_target(world.area_a1, second, year, 80, actual=10)
    make_target(world.area_a2, first, year, 80, actual=85)
    make_target(world.area_a2, second, year, 80)  # A2 still owes a result
    make_target(world.area_b1, first, year, 80)  # so does B1, in the other province
    past = timezone.localdate() - datetime.timedelta(days=1)
    for area in (world.area_a1, world.area_b1):
        finding = make_finding(make_assessment(area, catalogue), first)
        make_action(finding, due_on=past)
        make_action(finding, due_on=past, status=ActionStatus.EFFECTIVE)  # verified: not overdue
    plan = make_plan(world.area_a1)
    PlanVersion.objects.filter(plan=plan).update(status=VersionStatus.SUBMITTED)
    return world


def test_an_officer_sees_their_province_only(progress):
    shown = glance(progress.officer_a)
    assert shown.targets == {"total": 4, "reported": 3, "met": 2}
    assert shown.met_share == 67
    assert [area.code for area in shown.unreported] == ["pte-a2"]
    assert shown.unreported_count == 1
    assert shown.overdue_actions == 1
    assert shown.awaiting_approval == 1


def test_the_administrator_sees_the_nation(progress):
    shown = glance(progress.diw_admin)
    assert shown.targets["total"] == 5
    assert shown.unreported_count == 2
    assert shown.overdue_actions == 2


def test_a_role_without_targets_sees_only_what_it_may(progress):
    shown = glance(progress.operator)
    assert shown.targets is None
    assert shown.overdue_actions is None
    assert shown.awaiting_approval is None


def test_the_home_page_fetches_the_card_for_staff_only(progress, client_for):
    card = reverse("dashboards:glance").encode()
    assert card in client_for(progress.officer_a).get("/").content
    assert card not in client_for(progress.users["public"]).get("/").content
    assert card not in client_for(None).get("/").content
    response = client_for(progress.officer_a).get(card.decode())
    assert b"dashboard-glance" in response.content
    assert b"<html" not in response.content  # the card alone
    assert response.context["panel"]["glance"].overdue_actions == 1
