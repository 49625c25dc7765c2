"""The assignments read on every signed-in request (RoleAssignmentQuerySet.held) are those in_force() selects."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ecotown.accounts.choices import Role
from ecotown.accounts.models import RoleAssignment
from ecotown.accounts.testing import assign, make_user

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("day_offset", [-400, -1, 0, 1, 400])
def test_held_assignments_are_those_in_force_on_the_day(world, day_offset):
    today = datetime.date(2026, 11, 23)
    day = today + datetime.timedelta(days=day_offset)
    user = make_user("several")
    assign(user, Role.AREA_SECRETARY, world.area_a1, valid_until=today - datetime.timedelta(days=1))
    assign(user, Role.AREA_SECRETARY, world.area_a2, valid_from=today, valid_until=today)
    assign(user, Role.PROVINCIAL_OFFICER, world.province_b, valid_from=today + datetime.timedelta(days=1))
    assign(user, Role.INTERNAL_AUDITOR, world.area_b1)
    held = user.role_assignments.held(day)
    expected = list(user.role_assignments.in_force(day).order_by("role", "pk"))
    assert held == expected
    assert [assignment.pk for assignment in held] == [assignment.pk for assignment in expected]


def test_held_assignments_carry_their_places_names_without_another_query(world):
    user = make_user("officer-two")
    assign(user, Role.PROVINCIAL_OFFICER, world.province_a)
    assign(user, Role.AREA_SECRETARY, world.area_b1)
    with CaptureQueriesContext(connection) as queries:
        held = RoleAssignment.objects.filter(user=user).held()
        shown = [str(assignment) for assignment in held]
        codes = [assignment.scope_object.code for assignment in held]
    assert len(queries) == 1
    assert shown == [str(RoleAssignment.objects.get(pk=assignment.pk)) for assignment in held]
    assert sorted(codes) == sorted([world.province_a.code, world.area_b1.code])
