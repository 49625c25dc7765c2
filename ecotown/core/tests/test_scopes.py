"""The scope engine line by line: each rule has a test that a one-line change to it would fail.

Assigned work and exclusions are exercised by giving a real model a temporary scope (`scoped_as`), since the
apps that declare them (factories, audits) come later.
"""

import datetime
from contextlib import contextmanager

import pytest
from django.core import checks
from django.db.models import Q

from ecotown.accounts.choices import Role
from ecotown.accounts.models import RoleAssignment
from ecotown.accounts.testing import assign, make_user
from ecotown.areas.models import Area, AreaContact
from ecotown.core import scopes
from ecotown.core.scopes import Scope, condition, may
from ecotown.geo.models import District

pytestmark = pytest.mark.django_db


def _clear_resolved():
    from django.apps import apps

    for model in apps.get_models():
        if "_resolved_scope" in vars(model):
            delattr(model, "_resolved_scope")


@contextmanager
def scoped_as(model, scope):
    """Give `model` another scope for the duration of a test (children's resolved scopes follow)."""
    saved = vars(model).get("scope")
    model.scope = scope
    _clear_resolved()
    try:
        yield
    finally:
        model.scope = saved
        _clear_resolved()


def codes(queryset):
    return sorted(queryset.values_list("code", flat=True))


def test_a_provincial_role_reaches_its_province_and_nothing_else(world):
    assert codes(Area.objects.for_user(world.officer_a, "change")) == ["pte-a1", "pte-a2"]
    assert codes(Area.objects.for_user(world.officer_b, "change")) == ["ryg-b1"]


def test_an_area_role_reaches_its_area_only(world):
    assert codes(Area.objects.for_user(world.secretary_a1, "change")) == ["pte-a1"]


def test_a_national_role_reaches_everything(world):
    assert condition(Area, world.diw_admin, "areas.change_area") is None
    assert Area.objects.for_user(world.diw_admin, "delete").count() == 3


def test_a_role_not_granted_the_permission_reaches_nothing(world):
    # The internal auditor holds area A1 but is not granted areas.change_area.
    assert condition(Area, world.auditor_a1, "areas.change_area") == scopes.NOWHERE
    assert not Area.objects.for_user(world.auditor_a1, "change").exists()


def test_a_public_grant_opens_the_public_filter_to_everyone(world):
    assert Area.objects.for_user(None, "view").count() == 3
    assert Area.objects.for_user(world.public, "view").count() == 3
    assert not may(None, "areas.change_area")


def test_a_superuser_may_everything(world):
    boss = make_user("boss", is_superuser=True)
    assert condition(Area, boss, "areas.delete_area") is None
    assert may(boss, "anything.at_all", world.area_a1)


def test_a_child_inherits_its_parents_paths(world):
    contact_a1 = AreaContact.objects.create(area=world.area_a1, name="ก")
    AreaContact.objects.create(area=world.area_b1, name="ข")
    assert scopes.resolve(AreaContact).paths == {"province": ["area__province"], "area": ["area"]}
    assert list(AreaContact.objects.for_user(world.secretary_a1)) == [contact_a1]


def test_a_parent_that_is_itself_a_child_is_followed_to_the_root(world):
    resolved = scopes.resolve(District)
    assert resolved.paths == {"province": ["province"], "area": ["province__areas"]}


def test_a_path_across_a_to_many_relation_filters_by_subquery_and_repeats_no_row(world):
    # A district reaches areas through its province's areas: two areas of A would repeat each row of A.
    queryset = District.objects.for_user(world.officer_a)
    assert "DISTINCT" not in str(queryset.query).upper()
    assert " IN (SELECT" in str(queryset.query).upper()
    area_scoped = District.objects.for_permission(world.secretary_a1, "geo.view_district")
    assert area_scoped.count() == len(set(area_scoped.values_list("pk", flat=True)))


def test_a_path_without_a_to_many_relation_filters_directly(world):
    assert " IN (SELECT" not in str(Area.objects.for_user(world.officer_a, "change").query).upper()


def test_an_expired_or_future_assignment_grants_nothing(world):
    today = datetime.date.today()
    expired = make_user("expired")
    assign(expired, Role.AREA_SECRETARY, world.area_a2, valid_until=today - datetime.timedelta(days=1))
    future = make_user("future")
    assign(future, Role.AREA_SECRETARY, world.area_a2, valid_from=today + datetime.timedelta(days=1))
    current = make_user("current")
    assign(current, Role.AREA_SECRETARY, world.area_a2, valid_from=today, valid_until=today)
    assert not Area.objects.for_user(expired, "change").exists()
    assert not Area.objects.for_user(future, "change").exists()
    assert codes(Area.objects.for_user(current, "change")) == ["pte-a2"]
    assert not may(expired, "areas.change_area")


def test_assigned_work_is_reached_through_the_role_keyed_path(world):
    other = make_user("other")
    assign(other, Role.INTERNAL_AUDITOR, world.area_a2)
    scope = Scope.root(assigned={Role.EXTERNAL_AUDITOR: "user"})
    with scoped_as(RoleAssignment, scope):
        scopes.grant("accounts.view_roleassignment", Role.EXTERNAL_AUDITOR)
        try:
            mine = RoleAssignment.objects.for_user(world.external_auditor)
            assert [a.user for a in mine] == [world.external_auditor]
            # The same role held elsewhere reaches nothing more; another role's path is not used.
            assert not RoleAssignment.objects.for_user(world.consultant).exists()
        finally:
            scopes._roles_by_permission["accounts.view_roleassignment"].discard(str(Role.EXTERNAL_AUDITOR))


def test_an_exclusion_removes_rows_of_a_conflict_of_interest(world):
    # Reach: the areas where the auditor holds an assignment (here an internal auditor's, which grants no
    # change of its own). Exclusion: "never an area where they sit on a committee" — the same path here.
    auditor = world.external_auditor
    assign(auditor, Role.INTERNAL_AUDITOR, world.area_a2)
    reach = {"external_auditor": ["role_assignments__user"]}
    scopes.grant("areas.change_area", Role.EXTERNAL_AUDITOR)
    try:
        with scoped_as(Area, Scope(paths=Area.scope.paths, assigned=reach)):
            assert codes(Area.objects.for_user(auditor, "change")) == ["pte-a2"]
        with scoped_as(Area, Scope(paths=Area.scope.paths, assigned=reach, exclude=reach)):
            assert not Area.objects.for_user(auditor, "change").exists()
            assert not may(auditor, "areas.change_area", world.area_a2)
            assert codes(Area.objects.for_user(world.secretary_a1, "change")) == ["pte-a1"]  # others untouched
    finally:
        scopes._roles_by_permission["areas.change_area"].discard(str(Role.EXTERNAL_AUDITOR))


def test_an_exclusion_applies_only_to_its_role(world):
    scope = Scope(paths=Area.scope.paths, exclude={"provincial_officer": ["role_assignments__user"]})
    with scoped_as(Area, scope):
        # Officer A holds no assignment on an area, so nothing is excluded for them...
        assert codes(Area.objects.for_user(world.officer_a, "change")) == ["pte-a1", "pte-a2"]
        # ...and the secretariat's exclusion list is empty, though it holds an assignment on A1.
        assert codes(Area.objects.for_user(world.secretary_a1, "change")) == ["pte-a1"]


def test_national_data_is_reached_whole_by_any_holder_of_a_granted_role(world):
    from ecotown.criteria.models import Catalogue
    from ecotown.criteria.testing import make_catalogue

    make_catalogue()
    assert condition(Catalogue, world.secretary_a1, "criteria.view_catalogue") is not None
    assert Catalogue.objects.for_permission(world.secretary_a1, "targets.add_target").count() == 1
    assert not Catalogue.objects.for_permission(world.operator, "targets.add_target").exists()


def test_may_without_an_object_asks_whether_any_role_holds_the_permission(world):
    assert may(world.officer_b, "areas.add_area")
    assert not may(world.secretary_a1, "areas.add_area")
    assert may(world.anonymous, "areas.view_area")


def test_may_on_an_object_checks_that_object(world):
    assert may(world.secretary_a1, "areas.change_area", world.area_a1)
    assert not may(world.secretary_a1, "areas.change_area", world.area_a2)
    assert not may(world.secretary_a1, "areas.change_area", Area(province=world.province_a))  # unsaved


def test_the_answer_cache_is_keyed_by_the_object(world):
    user = world.officer_a
    assert may(user, "areas.change_area", world.area_a1)
    assert not may(user, "areas.change_area", world.area_b1)  # same condition, another object


def test_the_answer_cache_is_keyed_by_the_condition(world):
    # The same object, two permissions with different answers for one user in one request.
    user = world.secretary_a1
    assert may(user, "areas.change_area", world.area_a1)
    assert not may(user, "areas.delete_area", world.area_a1)
    assert may(user, "targets.view_target", world.area_a1)


def test_the_answer_cache_is_keyed_by_the_model(world):
    # A contact of province B with the same id as area A1: the area's answer must not serve it.
    contact = AreaContact.objects.create(pk=world.area_a1.pk, area=world.area_b1, name="ค")
    user = world.officer_a
    assert may(user, "areas.change_area", world.area_a1)
    assert not may(user, "areas.change_areacontact", contact)


def test_forget_drops_what_was_read_about_a_user(world):
    user = world.public
    assert not may(user, "areas.change_area")
    RoleAssignment.objects.create(user=user, role=Role.PROVINCIAL_OFFICER, province=world.province_b)
    assert not may(user, "areas.change_area")  # still the assignments read before
    scopes.forget(user)
    assert may(user, "areas.change_area")


def test_the_system_check_fails_on_a_grant_that_names_no_model(world):
    scopes.grant("areas.fly_area", Role.PUBLIC)
    try:
        assert any(error.id == "ecotown.E001" for error in checks.run_checks())
    finally:
        scopes._roles_by_permission.pop("areas.fly_area")
    assert not [e for e in checks.run_checks() if e.id.startswith("ecotown.")]


def test_the_system_check_fails_on_a_path_that_does_not_resolve(world):
    with scoped_as(Area, Scope.root(province="provinces", area="pk")):
        assert any(error.id == "ecotown.E003" for error in checks.run_checks())


def test_the_system_check_fails_on_a_scoped_model_without_a_scope(world):
    with scoped_as(AreaContact, None):
        assert any(error.id == "ecotown.E002" for error in checks.run_checks())


def test_the_public_filter_limits_what_the_public_sees(world):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Area, "public_filter", classmethod(lambda cls: Q(code="pte-a1")))
        assert codes(Area.objects.for_user(world.public)) == ["pte-a1"]
        assert codes(Area.objects.for_user(world.officer_b)) == ["pte-a1"]  # viewing areas is a public grant
        assert codes(Area.objects.for_user(world.officer_b, "change")) == ["ryg-b1"]
