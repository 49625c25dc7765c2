"""The API applies the same rules as the pages: plans start with a draft, frozen versions refuse, targets come
from the plan's own area, the public reads approved plans only."""

import pytest
from django.urls import reverse

from ecotown.criteria.testing import make_catalogue, make_requirement
from ecotown.engagement.testing import make_committee
from ecotown.plans.models import Plan, Project
from ecotown.plans.testing import approve, make_plan, make_project
from ecotown.targets.testing import make_target

pytestmark = pytest.mark.django_db


@pytest.fixture
def requirement(db):
    return make_requirement(make_catalogue(version="1"), "G1")


def test_creating_a_plan_creates_its_first_draft(world, api_client_for):
    response = api_client_for(world.secretary_a1).post(reverse("api:plan-list"), {
        "level": "area_action", "title_th": "แผน API", "area": world.area_a1.pk, "first_year": 2566,
        "last_year": 2570,
    }, format="json")  # fmt: skip
    assert response.status_code == 201, response.content
    plan = Plan.objects.get(title_th="แผน API")
    assert response.json()["latest_version"] == plan.latest_version_id
    assert plan.latest_version.status == "draft"


def test_a_frozen_version_refuses_changes(world, api_client_for):
    plan = make_plan(world.area_a1)
    project = make_project(plan.latest_version)
    approve(plan.latest_version, make_committee(area=world.area_a1))
    client = api_client_for(world.secretary_a1)
    response = client.patch(reverse("api:project-detail", kwargs={"pk": project.pk}), {"title": "x"}, format="json")
    assert response.status_code == 400
    assert "frozen" in str(response.json())
    # Deleting is refused by the plan's state, not by the request: a 409, as the schema documents (the fuzz run
    # found a 400 here).
    response = client.delete(reverse("api:project-detail", kwargs={"pk": project.pk}))
    assert response.status_code == 409
    assert Project.objects.filter(pk=project.pk).exists()


def test_targets_come_from_the_plans_own_area(world, api_client_for, requirement):
    plan = make_plan(world.area_a1)
    other = make_target(world.area_b1, requirement)
    own = make_target(world.area_a1, requirement)
    client = api_client_for(world.diw_admin)
    url = reverse("api:project-list")
    data = {"version": plan.latest_version_id, "title": "x", "owner_organisation": "y"}
    assert client.post(url, {**data, "targets": [other.pk]}, format="json").status_code == 400
    assert client.post(url, {**data, "targets": [own.pk]}, format="json").status_code == 201
    assert list(Project.objects.get(title="x").targets.all()) == [own]


def test_the_public_reads_approved_plans_with_their_progress(world, api_client_for):
    approved, draft = make_plan(world.area_a1, title_th="อนุมัติแล้ว"), make_plan(world.area_b1, title_th="ร่าง")
    make_project(approved.latest_version)
    make_project(draft.latest_version)
    resolution = approve(approved.latest_version, make_committee(area=world.area_a1))
    client = api_client_for(None)
    plans = client.get(reverse("api:plan-list")).json()["results"]
    assert [plan["title_th"] for plan in plans] == ["อนุมัติแล้ว"]
    versions = client.get(reverse("api:planversion-list")).json()["results"]
    assert versions[0]["approved_by"] == str(resolution)
    projects = client.get(reverse("api:project-list")).json()["results"]
    assert len(projects) == 1
    assert projects[0]["progress"] == 0
    assert "notes" not in projects[0]
