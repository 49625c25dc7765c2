"""Query budgets: the progress page, the lists and the API lists stay flat when a project's records grow tenfold."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ecotown.factories.models import Factory
from ecotown.support.models import (
    ConsultingEngagement,
    ConsultingVisit,
    Deliverable,
    StudyVisit,
    StudyVisitParticipant,
    Training,
    TrainingAttendance,
)
from ecotown.support.testing import make_project

pytestmark = pytest.mark.django_db
PROGRESS_BUDGET = 22
LIST_BUDGET = 10
DAY = datetime.date(2026, 1, 15)


def grow(world, project, count: int, start: int) -> None:
    """`count` factories of the model area, each trained, on a study visit and consulted twice; `count` trainings,
    study visits and deliverables (bulk: the test measures reading)."""
    factories = Factory.objects.bulk_create(
        Factory(registration_number=f"1013{start + n:010d}", name=f"โรงงาน {start + n}", province=world.province_a)
        for n in range(count)
    )
    Factory.areas.through.objects.bulk_create(
        Factory.areas.through(factory=factory, area=world.area_a1) for factory in factories
    )
    trainings = Training.objects.bulk_create(
        Training(project=project, topic=f"อบรม {start + n}", held_on=DAY, place="ห้องประชุม", trainers="วิทยากร")
        for n in range(count)
    )
    TrainingAttendance.objects.bulk_create(
        TrainingAttendance(training=t, factory=f, person_name="ผู้เข้าอบรม")
        for t, f in zip(trainings, factories, strict=True)
    )
    visits = StudyVisit.objects.bulk_create(
        StudyVisit(project=project, topics=f"ดูงาน {start + n}", host_name="ต้นแบบ", visited_on=DAY) for n in range(count)
    )
    StudyVisitParticipant.objects.bulk_create(
        StudyVisitParticipant(visit=v, factory=f, person_name="ผู้ดูงาน") for v, f in zip(visits, factories, strict=True)
    )
    engagements = ConsultingEngagement.objects.bulk_create(
        ConsultingEngagement(project=project, consultant=world.consultant, factory=f, topics=["safety"])
        for f in factories
    )
    ConsultingVisit.objects.bulk_create(
        ConsultingVisit(engagement=e, visited_on=DAY, hours=Decimal(3), findings="ก", recommendations="ข")
        for e in engagements
        for _ in range(2)
    )
    Deliverable.objects.bulk_create(Deliverable(project=project, kind="training", due_on=DAY) for _ in range(count))


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.fixture
def project(world):
    world.project = make_project(world.area_a1, team=[world.consultant])
    grow(world, world.project, 3, 0)
    return world


URLS = [
    "support:upgradeproject_list",
    "support:deliverable_list",
    "support:training_list",
    "support:studyvisit_list",
    "support:consultingengagement_list",
]
API = ["/api/upgrade-projects/", "/api/deliverables/", "/api/trainings/", "/api/study-visits/",
       "/api/consulting-engagements/"]  # fmt: skip


@pytest.mark.parametrize("persona", ["diw_admin", "consultant", "secretary_a1"])
def test_the_progress_page_stays_flat_at_tenfold_data(project, client_for, persona):
    client = client_for(project.users[persona])
    url = reverse("support:upgradeproject_detail", kwargs={"pk": project.project.pk})
    client.get(url)  # the content types are read once per process
    before = queries(client, url)
    grow(project, project.project, 30, 100)
    after = queries(client, url)
    assert after == before
    assert after <= PROGRESS_BUDGET


def test_the_lists_and_the_api_stay_flat_at_tenfold_data(project, client_for, api_client_for):
    client, api = client_for(project.consultant), api_client_for(project.consultant)
    # The second page: a list that fits on its first page is read without a COUNT (core.pagination), so page 1
    # would count one query more once the data no longer fit on it.
    pages = [f"{reverse(name)}?page=2" for name in URLS]
    before = [queries(client, url) for url in pages] + [queries(api, url) for url in API]
    grow(project, project.project, 30, 100)
    after = [queries(client, url) for url in pages] + [queries(api, url) for url in API]
    assert after == before
    assert max(after) <= LIST_BUDGET + 6  # the upgrade-project API adds five progress queries a project
