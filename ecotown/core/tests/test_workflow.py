"""Named workflow steps: where they may start, who may take them, what they record."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ecotown.areas import services
from ecotown.areas.models import AREA_WORKFLOW, Area

pytestmark = pytest.mark.django_db


def test_a_step_sets_the_status_and_records_who_and_why(world):
    services.start_development(world.area_a1, acting_user=world.diw_admin, reason="มติคณะกรรมการจังหวัด 1/2569")
    area = Area.objects.get(pk=world.area_a1.pk)
    assert area.status == "developing"
    record = area.history.first()
    assert record.history_user == world.diw_admin
    assert record.history_change_reason == "มติคณะกรรมการจังหวัด 1/2569"


def test_a_step_from_the_wrong_status_is_refused(world):
    with pytest.raises(ValidationError, match="ไม่สามารถดำเนินขั้นตอน"):  # “cannot be taken”
        services.lapse(world.area_a1, acting_user=world.diw_admin, reason="x")
    assert Area.objects.get(pk=world.area_a1.pk).status == "candidate"


def test_a_step_needs_its_permission_on_the_object(world):
    with pytest.raises(PermissionDenied):
        services.start_development(world.area_a1, acting_user=world.officer_a, reason="x")
    assert Area.objects.get(pk=world.area_a1.pk).status == "candidate"


def test_a_step_that_needs_a_reason_refuses_none(world):
    with pytest.raises(ValidationError):
        services.start_development(world.area_a1, acting_user=world.diw_admin, reason="  ")


def test_a_step_sets_its_changes_and_validates_them(world):
    until = datetime.date(2027, 9, 30)
    services.record_certification(world.area_a1, level=2, valid_until=until, acting_user=world.diw_admin, reason="r")
    area = Area.objects.get(pk=world.area_a1.pk)
    assert (area.status, area.certified_level, area.certified_until) == ("certified", 2, until)
    with pytest.raises(ValidationError):
        services.record_certification(world.area_a2, level=9, valid_until=until, acting_user=world.diw_admin,
                                      reason="r")  # fmt: skip
    services.lapse(area, acting_user=world.diw_admin, reason="หมดอายุ")
    area.refresh_from_db()
    assert (area.status, area.certified_level) == ("lapsed", None)


def test_the_steps_offered_are_those_the_user_may_take_from_here(world):
    assert [t.name for t in AREA_WORKFLOW.available(world.area_a1, world.diw_admin)] == [
        "start_development", "record_certification"
    ]  # fmt: skip
    assert AREA_WORKFLOW.available(world.area_a1, world.officer_a) == []


def test_the_area_form_does_not_offer_the_status(world, client_for):
    form = client_for(world.officer_a).get(f"/areas/{world.area_a1.pk}/edit/").context["form"]
    assert not {"status", "certified_level", "certified_until"} & set(form.fields)


# -- the engine itself, on a workflow whose permission is scoped (the area steps need the national DIW role) ----

from django.utils import translation  # noqa: E402

from ecotown.core.workflow import ANY, Transition, Workflow  # noqa: E402

STEPS = Workflow(
    "status",
    Transition("develop", ("candidate",), "developing", "areas.change_area"),
    Transition("reopen", (ANY,), "candidate", "areas.change_area", needs_reason=True),
    Transition("certify", ("developing", "lapsed"), "certified", "areas.change_area"),
)


def test_the_steps_offered_start_from_the_state_and_need_the_permission_on_that_object(world):
    assert [t.name for t in STEPS.available(world.area_a1, world.officer_a)] == ["develop", "reopen"]
    assert STEPS.available(world.area_b1, world.officer_a) == []  # officer A may change areas, not B's
    world.area_a1.status = "developing"
    assert [t.name for t in STEPS.available(world.area_a1, world.officer_a)] == ["reopen", "certify"]


def test_a_step_on_an_object_out_of_the_users_scope_is_refused(world):
    with pytest.raises(PermissionDenied):
        STEPS.run(world.area_b1, "develop", acting_user=world.officer_a)
    assert Area.objects.get(pk=world.area_b1.pk).status == "candidate"
    STEPS.run(world.area_a1, "develop", acting_user=world.officer_a)
    assert Area.objects.get(pk=world.area_a1.pk).status == "developing"


def test_a_step_taken_by_the_system_has_no_acting_user_and_is_not_refused(world):
    STEPS.run(world.area_b1, "develop", acting_user=None)
    assert Area.objects.get(pk=world.area_b1.pk).history.first().history_user is None


def test_a_step_that_needs_no_reason_is_taken_without_one(world):
    STEPS.run(world.area_a1, "develop", acting_user=world.officer_a)
    assert Area.objects.get(pk=world.area_a1.pk).history.first().history_change_reason == "develop"


def test_a_refused_step_names_the_status_as_people_read_it(world):
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        STEPS.run(world.area_a1, "certify", acting_user=world.officer_a)
    assert "“Candidate”" in str(refused.value)


def test_a_long_reason_is_kept_whole_in_the_history(world):
    reason = "มติที่ประชุมคณะกรรมการระดับพื้นที่ ครั้งที่ 2/2569 " * 5
    assert len(reason) > 100
    STEPS.run(world.area_a1, "reopen", acting_user=world.officer_a, reason=reason)
    assert Area.objects.get(pk=world.area_a1.pk).history.first().history_change_reason == reason
