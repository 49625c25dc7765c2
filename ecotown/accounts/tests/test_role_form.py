"""The role form: it offers only the roles the signed-in person may give, and says that an e-mail went out."""

import re

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse

from ecotown.accounts.choices import Role
from ecotown.accounts.models import RoleAssignment
from ecotown.accounts.rules import GRANTABLE_ROLES

pytestmark = pytest.mark.django_db


def offered(response):
    return {value for value, _label in response.context["form"].fields["role"].choices if value}


def option_values(response):
    select = re.search(r'<select name="role".*?</select>', response.content.decode(), re.DOTALL).group(0)
    return {value for value in re.findall(r'<option value="([^"]*)"', select) if value}


@pytest.mark.parametrize(
    ("persona", "roles"),
    [
        ("officer_a", GRANTABLE_ROLES[Role.PROVINCIAL_OFFICER]),
        ("officer_b", GRANTABLE_ROLES[Role.PROVINCIAL_OFFICER]),
        ("diw_admin", set(Role)),
    ],
)
def test_the_role_form_offers_only_the_roles_its_user_may_give(world, client_for, persona, roles):
    response = client_for(getattr(world, persona)).get(reverse("accounts:roleassignment_add"))
    assert response.status_code == 200
    assert offered(response) == {str(role) for role in roles}
    assert option_values(response) == {str(role) for role in roles}


def test_an_officer_is_never_offered_a_role_above_their_own(world, client_for):
    response = client_for(world.officer_a).get(reverse("accounts:roleassignment_add"))
    assert not {Role.DIW_ADMIN, Role.PROVINCIAL_OFFICER, Role.EXTERNAL_AUDITOR} & option_values(response)


def test_giving_a_role_to_someone_new_sends_an_invitation_and_says_so(
    world, client_for, django_capture_on_commit_callbacks
):
    client = client_for(world.officer_a)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    data = {"email": "new.secretary@example.go.th", "full_name": "สมหญิง ใจดี", "role": Role.AREA_SECRETARY,
            "area": world.area_a2.pk, "confirm": "1"}  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:roleassignment_add"), data)
    assert response.status_code == 302
    assert RoleAssignment.objects.filter(user__email="new.secretary@example.go.th").exists()
    [message] = [str(message) for message in get_messages(response.wsgi_request)]
    assert "new.secretary@example.go.th" in message
    assert "invitation" in message
    [invitation] = mail.outbox
    assert invitation.to == ["new.secretary@example.go.th"]
    user = RoleAssignment.objects.get(user__email="new.secretary@example.go.th").user
    assert not user.has_usable_password()
    assert re.search(r"/accounts/password/reset/[^/\s]+/[^/\s]+/", invitation.body)
    assert user.username in invitation.body
