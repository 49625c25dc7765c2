"""The API: the same querysets as the pages, with progress against each target and man-days."""

import pytest

pytestmark = pytest.mark.django_db


def test_an_upgrade_project_answers_its_targets_with_the_records_progress(shared_world, api_client_for):
    w = shared_world
    answer = api_client_for(w.officer_a).get(f"/api/upgrade-projects/{w.upgrade_a1.pk}/").json()
    targets = {row["measure"]: row for row in answer["targets"]}
    assert targets["factories_trained"] == {"measure": "factories_trained", "target": 30, "actual": "1", "met": False}
    assert targets["consulting_man_days"]["actual"] == "1.00"
    listed = api_client_for(w.officer_a).get("/api/upgrade-projects/").json()
    assert [row["id"] for row in listed["results"]] == [w.upgrade_a1.pk]
    assert listed["results"][0]["targets"] == answer["targets"]


def test_consulting_engagements_carry_hours_and_man_days_and_stay_in_scope(shared_world, api_client_for):
    w = shared_world
    answer = api_client_for(w.consultant).get("/api/consulting-engagements/").json()
    assert [(row["id"], row["hours"], row["man_days"]) for row in answer["results"]] == [
        (w.engagement_a1.pk, "6.00", "1.00")
    ]
    assert api_client_for(w.consultant).get(f"/api/consulting-engagements/{w.engagement_b1.pk}/").status_code == 404


def test_trainings_and_study_visits_count_factories_and_people(shared_world, api_client_for):
    w = shared_world
    training = api_client_for(w.secretary_a1).get(f"/api/trainings/{w.training_a1.pk}/").json()
    assert (training["factories"], training["people"]) == (1, 1)
    visits = api_client_for(w.secretary_a1).get("/api/study-visits/").json()
    assert [row["id"] for row in visits["results"]] == [w.study_visit_a1.pk]
    deliverables = api_client_for(w.diw_admin).get("/api/deliverables/?status=submitted").json()
    assert w.submitted_deliverable_a1.pk in [row["id"] for row in deliverables["results"]]
