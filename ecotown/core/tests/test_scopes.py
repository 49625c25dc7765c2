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
    scopes.grant("geo.change_district", Role.PROVINCIAL_OFFICER, Role.AREA_SECRETARY)
    try:
        queryset = District.objects.for_user(world.officer_a, "change")
        assert "DISTINCT" not in str(queryset.query).upper()
        assert " IN (SELECT" in str(queryset.query).upper()
        area_scoped = District.objects.for_permission(world.secretary_a1, "geo.change_district")
        assert area_scoped.exists()
        assert area_scoped.count() == len(set(area_scoped.values_list("pk", flat=True)))
    finally:
        scopes._roles_by_permission["geo.change_district"].clear()


def test_a_clause_reaching_every_row_is_no_condition_at_all(world):
    """Districts are public: an officer sees every district the public sees, not only those of their province
    (Django reads Q() | Q(province=…) as Q(province=…)), and the list is not filtered by a subquery of itself."""
    assert condition(District, world.officer_a, "geo.view_district") is None
    assert condition(District, None, "geo.view_district") is None
    assert District.objects.for_user(world.officer_a).count() == District.objects.count()
    assert " IN (SELECT" not in str(District.objects.for_user(None).query).upper()


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
    assert condition(Catalogue, world.secretary_a1, "targets.add_target") is None  # every row, no filter
    assert condition(Catalogue, world.operator, "targets.add_target") == scopes.NOWHERE
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


def test_the_answer_cache_is_keyed_by_the_condition_for_one_user_and_object(world):
    # Officer of province B and secretariat of A1: change reaches A1 (as secretariat), add does not (officer only).
    user = make_user("officer_b_and_secretary_a1")
    assign(user, Role.PROVINCIAL_OFFICER, world.province_b)
    assign(user, Role.AREA_SECRETARY, world.area_a1)
    assert may(user, "areas.change_area", world.area_a1)
    assert not may(user, "areas.add_area", world.area_a1)


def test_the_answer_cache_is_keyed_by_the_model(world):
    # A contact of province B with the same id as area A1: the area's answer must not serve it.
    contact = AreaContact.objects.create(pk=world.area_a1.pk, area=world.area_b1, name="ค")
    user = world.officer_a
    assert may(user, "areas.change_area", world.area_a1)
    assert not may(user, "areas.change_areacontact", contact)


def test_the_answer_cache_is_keyed_by_the_model_when_the_conditions_read_alike(world):
    from ecotown.criteria.testing import make_catalogue, make_requirement
    from ecotown.targets.testing import make_target

    # A target and a contact both sit under an area: both conditions read `area__province = A`.
    target = make_target(world.area_a1, make_requirement(make_catalogue()))
    contact = AreaContact.objects.create(pk=target.pk, area=world.area_b1, name="ง")
    user = world.officer_a
    assert condition(type(target), user, "targets.change_target") == condition(
        AreaContact, user, "areas.change_areacontact"
    )
    assert may(user, "targets.change_target", target)
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


# -- each line of the engine, pinned (scripts/mutants.py lists the one-line changes these tests must catch) -------


def test_a_child_inherits_its_parents_assigned_paths_and_exclusions(world):
    auditor = world.external_auditor
    assign(auditor, Role.INTERNAL_AUDITOR, world.area_a2)
    reached = AreaContact.objects.create(area=world.area_a2, name="ก")
    AreaContact.objects.create(area=world.area_a1, name="ข")
    reach = {"external_auditor": ["role_assignments__user"]}
    scopes.grant("areas.change_areacontact", Role.EXTERNAL_AUDITOR)
    try:
        with scoped_as(Area, Scope(paths=Area.scope.paths, assigned=reach)):
            assert scopes.resolve(AreaContact).assigned == {"external_auditor": ["area__role_assignments__user"]}
            assert list(AreaContact.objects.for_user(auditor, "change")) == [reached]
        with scoped_as(Area, Scope(paths=Area.scope.paths, assigned=reach, exclude=reach)):
            assert scopes.resolve(AreaContact).exclude == {"external_auditor": ["area__role_assignments__user"]}
            assert not AreaContact.objects.for_user(auditor, "change").exists()
    finally:
        scopes._roles_by_permission["areas.change_areacontact"].discard(str(Role.EXTERNAL_AUDITOR))


def test_a_child_of_national_data_is_national(world):
    AreaContact.objects.create(area=world.area_b1, name="ค")
    with scoped_as(Area, Scope.national()):
        assert scopes.resolve(AreaContact).national_only
        # Province B's contact, for officer A: national data is not placed on the path.
        assert AreaContact.objects.for_user(world.officer_a, "change").count() == 1


def test_a_subclass_resolves_its_own_scope_not_its_parents():
    class Parent:
        scope = Scope.root(area="pk")

    class Child(Parent):
        scope = Scope.national()

    assert scopes.resolve(Parent).paths == {"area": ["pk"]}
    assert scopes.resolve(Child).national_only
    assert scopes.resolve(Child).paths == {}


def test_programme_staff_are_those_holding_a_staff_role(world):
    from ecotown.accounts.models import User

    assert scopes.is_programme_staff(world.secretary_a1)
    assert scopes.is_programme_staff(world.officer_a)
    assert not scopes.is_programme_staff(world.public)
    assert not scopes.is_programme_staff(world.anonymous)
    assert scopes.is_programme_staff(User(username="root", is_superuser=True))


def test_forget_drops_the_answers_about_objects_too(world):
    user, area = world.officer_b, world.area_a1
    assert not may(user, "areas.change_area", area)
    Area.objects.filter(pk=area.pk).update(province=world.province_b)
    assert not may(user, "areas.change_area", area)  # answered from what was read in this request
    scopes.forget(user)
    assert may(user, "areas.change_area", area)


def test_answers_live_on_one_user_object_not_across_requests(world):
    from ecotown.accounts.models import User

    area = world.area_a1
    assert not may(world.officer_b, "areas.change_area", area)
    Area.objects.filter(pk=area.pk).update(province=world.province_b)
    next_request = User.objects.get(pk=world.officer_b.pk)
    assert may(next_request, "areas.change_area", area)


def test_a_superuser_reaches_every_row_without_a_condition(world):
    from ecotown.accounts.models import User

    root = make_user("root", is_superuser=True)
    assert condition(Area, root, "areas.delete_area") is None
    assert Area.objects.for_user(root, "delete").count() == Area.objects.count()
    assert may(User.objects.get(pk=root.pk), "areas.delete_area", world.area_b1)


def test_any_of_several_paths_of_a_scope_kind_reaches_a_row(world):
    from ecotown.engagement.models import Committee
    from ecotown.engagement.testing import make_committee

    # Committee: province = ["province", "area__province"]. An area committee names no province itself.
    committee = make_committee(area=world.area_a1)
    assert committee.province_id is None
    assert list(Committee.objects.for_user(world.officer_a, "change")) == [committee]
    assert may(world.officer_a, "engagement.change_committee", committee)
    assert not Committee.objects.for_user(world.officer_b, "change").exists()


def test_any_of_several_assigned_paths_reaches_a_row(world):
    auditor = world.external_auditor
    own = assign(auditor, Role.INTERNAL_AUDITOR, world.area_a2)
    colleague = assign(make_user("colleague"), Role.AREA_SECRETARY, world.area_a2)
    # Their own assignments, or any assignment on an area where they hold one.
    scope = Scope.root(assigned={Role.EXTERNAL_AUDITOR: ["user", "area__role_assignments__user"]})
    with scoped_as(RoleAssignment, scope):
        scopes.grant("accounts.view_roleassignment", Role.EXTERNAL_AUDITOR)
        try:
            reached = set(RoleAssignment.objects.for_user(auditor))
            assert {own, colleague} <= reached
            assert auditor.role_assignments.get(role=Role.EXTERNAL_AUDITOR) in reached
        finally:
            scopes._roles_by_permission["accounts.view_roleassignment"].discard(str(Role.EXTERNAL_AUDITOR))


def test_any_of_several_exclusion_paths_excludes_a_row(world):
    auditor = world.external_auditor
    assign(auditor, Role.INTERNAL_AUDITOR, world.area_a2)
    reach = {"external_auditor": ["role_assignments__user"]}
    # The auditor sits on no committee of the province (first path), but holds a role in the area (second).
    exclude = {"external_auditor": ["province__role_assignments__user", "role_assignments__user"]}
    scopes.grant("areas.change_area", Role.EXTERNAL_AUDITOR)
    try:
        with scoped_as(Area, Scope(paths=Area.scope.paths, assigned=reach, exclude=exclude)):
            assert not Area.objects.for_user(auditor, "change").exists()
    finally:
        scopes._roles_by_permission["areas.change_area"].discard(str(Role.EXTERNAL_AUDITOR))


def test_an_assignment_without_its_place_reaches_nothing(world):
    from types import SimpleNamespace

    user = make_user("half")
    user.__dict__["_ecotown_assignments"] = [SimpleNamespace(role=str(Role.PROVINCIAL_OFFICER), scope_id=None)]
    assert condition(Area, user, "areas.change_area") == scopes.NOWHERE


def test_a_role_reaches_nothing_on_a_model_without_a_path_of_its_kind(world):
    with scoped_as(Area, Scope.root(province="province")):  # no area path: the secretariat reaches nothing
        assert condition(Area, world.secretary_a1, "areas.change_area") == scopes.NOWHERE
        assert codes(Area.objects.for_user(world.officer_a, "change")) == ["pte-a1", "pte-a2"]


def test_an_assigned_path_across_a_to_many_relation_repeats_no_row(world):
    auditor = world.external_auditor
    assign(auditor, Role.INTERNAL_AUDITOR, world.area_a2)
    assign(auditor, Role.AREA_SECRETARY, world.area_a2)  # two ways into the same area
    scopes.grant("areas.change_area", Role.EXTERNAL_AUDITOR)
    try:
        scope = Scope(paths={"province": ["province"]}, assigned={"external_auditor": ["role_assignments__user"]})
        with scoped_as(Area, scope):
            assert scopes.crosses_many(Area)
            assert codes(Area.objects.for_user(auditor, "change")) == ["pte-a2"]
    finally:
        scopes._roles_by_permission["areas.change_area"].discard(str(Role.EXTERNAL_AUDITOR))


def test_may_without_an_object_needs_a_role_granted_the_permission(world):
    assert not may(world.public, "areas.change_area")
    assert not may(world.anonymous, "areas.change_area")
    assert may(world.secretary_a1, "areas.change_area")
    assert may(world.public, "areas.view_area")  # a public grant: everyone


# -- evidence: reached through whatever record owns it --------------------------------------------------------


@pytest.fixture
def evidence(world, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from ecotown.core.evidence import attach_file
    from ecotown.criteria.testing import make_catalogue, make_requirement
    from ecotown.targets.testing import make_target

    settings.EVIDENCE_ROOT = tmp_path
    requirement = make_requirement(make_catalogue())
    target_a1 = make_target(world.area_a1, requirement)
    target_a2 = make_target(world.area_a2, requirement)
    return {
        "a1": attach_file(target_a1, SimpleUploadedFile("a1.pdf", b"%PDF-1.4 a1"), acting_user=None),
        "a2": attach_file(target_a2, SimpleUploadedFile("a2.pdf", b"%PDF-1.4 a2"), acting_user=None),
    }


def test_evidence_is_read_by_whoever_may_read_its_owner_and_changed_by_whoever_may_change_it(world, evidence):
    from ecotown.core.models import Evidence

    auditor = world.auditor_a1  # reads the area's targets, changes none
    assert list(Evidence.objects.for_user(auditor, "view")) == [evidence["a1"]]
    assert not Evidence.objects.for_user(auditor, "change").exists()
    assert list(Evidence.objects.for_user(world.secretary_a1, "change")) == [evidence["a1"]]
    assert set(Evidence.objects.for_user(world.officer_a, "change")) == {evidence["a1"], evidence["a2"]}


def test_evidence_of_a_record_nobody_may_reach_is_not_even_looked_for(world, evidence):
    from ecotown.core.models import Evidence

    assert condition(Evidence, world.public, "core.change_evidence") == scopes.NOWHERE


def test_evidence_matches_its_owner_by_kind_of_record_as_well_as_by_id(world, evidence):
    from ecotown.core.models import Evidence
    from ecotown.engagement.testing import make_committee

    # A committee of area A1 with the id of A2's target: A2's evidence must not ride on it.
    make_committee(area=world.area_a1, pk=evidence["a2"].owner_id)
    assert list(Evidence.objects.for_user(world.secretary_a1, "change")) == [evidence["a1"]]


def test_several_assignments_reach_the_union_of_their_rows(world):
    user = make_user("two_hats")
    assign(user, Role.PROVINCIAL_OFFICER, world.province_a)
    assign(user, Role.AREA_SECRETARY, world.area_b1)
    assert codes(Area.objects.for_user(user, "change")) == ["pte-a1", "pte-a2", "ryg-b1"]
    assert may(user, "areas.change_area", world.area_b1)


def test_an_unsaved_object_is_refused_without_asking_the_database(world, django_assert_num_queries):
    user = world.secretary_a1
    scopes.assignments_of(user)  # read once per request
    with django_assert_num_queries(0):
        assert not may(user, "areas.change_area", Area(province=world.province_a))


def test_answers_loaded_with_the_objects_serve_may_without_a_query(world, django_assert_num_queries):
    user, permissions = world.secretary_a1, ("areas.change_area", "areas.delete_area", "areas.view_area")
    areas = {a.pk: a for a in scopes.with_answers(Area.objects.filter(province=world.province_a), user, permissions)}
    for area in areas.values():
        scopes.remember_answers(user, area, permissions)
    a1, a2 = areas[world.area_a1.pk], areas[world.area_a2.pk]
    with django_assert_num_queries(0):
        assert may(user, "areas.change_area", a1)
        assert not may(user, "areas.delete_area", a1)  # keyed by the condition: another answer, same object
        assert not may(user, "areas.change_area", a2)  # keyed by the object
    assert may(user, "areas.view_area", a2) == Area.objects.for_user(user).filter(pk=a2.pk).exists()


def test_answers_loaded_with_an_object_agree_with_asking_the_database(world):
    permissions = ("areas.change_area", "areas.delete_area")
    for user in (world.officer_a, world.officer_b, world.secretary_a1, world.public):
        for area in (world.area_a1, world.area_b1):
            loaded = scopes.with_answers(Area.objects.filter(pk=area.pk), user, permissions).get()
            scopes.remember_answers(user, loaded, permissions)
            fresh = Area.objects.get(pk=area.pk)
            for permission in permissions:
                asked = type(area).objects.for_permission(user, permission).filter(pk=area.pk).exists()
                assert may(user, permission, loaded) == may(user, permission, fresh) == asked


def test_no_answer_is_loaded_for_a_permission_decided_without_the_database(world):
    # A superuser reaches every row and the public changes none: nothing to ask, no column added.
    for user in (world.diw_admin, world.public):
        loaded = scopes.with_answers(Area.objects.filter(pk=world.area_a1.pk), user, ("areas.change_area",)).get()
        assert not any(name.startswith("ecotown_may_") for name in vars(loaded))
