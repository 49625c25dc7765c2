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
from ecotown.support.choices import DeliverableKind, DeliverableStatus
from ecotown.support.models import Deliverable
from ecotown.support.testing import make_consultant, make_project
from ecotown.targets.testing import make_target

CARD_BUDGET = 15


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
    assert shown.awaiting_acceptance is None


def _deliverables(project, *statuses):
    for status in statuses:
        Deliverable.objects.create(project=project, kind=DeliverableKind.INCEPTION_REPORT, status=status,
                                   due_on=datetime.date(2026, 3, 31))  # fmt: skip


@pytest.fixture
def deliveries(progress):
    """Project A1 with the `consultant` persona on its team: one deliverable submitted, one draft, one accepted,
    one returned; project B1 (another consultant's) with one submitted."""
    project_a1 = make_project(progress.area_a1, team=[progress.users["consultant"]], targets=False)
    _deliverables(project_a1, DeliverableStatus.SUBMITTED, DeliverableStatus.DRAFT, DeliverableStatus.ACCEPTED,
                  DeliverableStatus.RETURNED)  # fmt: skip
    progress.consultant_b = make_consultant("consultant_b")
    _deliverables(make_project(progress.area_b1, team=[progress.consultant_b], targets=False),
                  DeliverableStatus.SUBMITTED)  # fmt: skip
    return progress


def test_deliverables_awaiting_acceptance_within_scope(deliveries):
    assert glance(deliveries.diw_admin).awaiting_acceptance == 2
    assert glance(deliveries.officer_a).awaiting_acceptance == 1  # province A's project only
    consultant = glance(deliveries.users["consultant"])
    assert consultant.awaiting_acceptance == 1  # the project whose team they are on
    assert consultant.targets is None
    assert consultant.overdue_actions is None
    assert consultant.awaiting_approval is None
    assert glance(deliveries.consultant_b).awaiting_acceptance == 1  # project B1's, not A1's
    assert glance(make_consultant()).awaiting_acceptance == 0  # on no project's team
    assert glance(deliveries.operator).awaiting_acceptance is None


def test_a_consultant_sees_the_card_with_their_deliverables(deliveries, client_for):
    client = client_for(deliveries.users["consultant"])
    card = reverse("dashboards:glance")
    assert card.encode() in client.get("/").content
    response = client.get(card)
    assert response.status_code == 200
    listed = reverse("support:deliverable_list") + "?status=submitted"
    assert f'<a href="{listed}">1</a>'.encode() in response.content
    assert b"glance-met" not in response.content  # no targets in a consultant's scope
    assert client_for(deliveries.operator).get(card).status_code == 403


def test_the_card_stays_flat_at_tenfold_data(deliveries, client_for, django_assert_max_num_queries):
    catalogue = make_catalogue()
    past = timezone.localdate() - datetime.timedelta(days=1)
    assessment = make_assessment(deliveries.area_a2, catalogue)

    def grow(count):
        for _ in range(count):
            requirement = make_requirement(catalogue)
            make_target(deliveries.area_a1, requirement, current_fiscal_year(), 80, actual=90)
            make_target(deliveries.area_a2, requirement, current_fiscal_year(), 80)
            make_action(make_finding(assessment, requirement), due_on=past)
            plan = make_plan(deliveries.area_a2)
            PlanVersion.objects.filter(plan=plan).update(status=VersionStatus.SUBMITTED)
            project = make_project(deliveries.area_a1, team=[deliveries.users["consultant"]], targets=False)
            _deliverables(project, DeliverableStatus.SUBMITTED, DeliverableStatus.DRAFT)

    def queries(user):
        client = client_for(user)
        with django_assert_max_num_queries(CARD_BUDGET) as context:
            assert client.get(reverse("dashboards:glance")).status_code == 200
        return len(context.captured_queries)

    users = [deliveries.diw_admin, deliveries.officer_a, deliveries.users["consultant"]]
    grow(1)
    small = [queries(user) for user in users]
    grow(9)
    assert [queries(user) for user in users] == small
    assert glance(deliveries.users["consultant"]).awaiting_acceptance == 11


def test_the_home_page_fetches_the_card_for_staff_only(progress, client_for):
    card = reverse("dashboards:glance").encode()
    assert card in client_for(progress.officer_a).get("/").content
    assert card not in client_for(progress.users["public"]).get("/").content
    assert card not in client_for(None).get("/").content
    response = client_for(progress.officer_a).get(card.decode())
    assert b"dashboard-glance" in response.content
    assert b"<html" not in response.content  # the card alone
    assert response.context["panel"]["glance"].overdue_actions == 1
