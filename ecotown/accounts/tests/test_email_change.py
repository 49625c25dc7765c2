"""A new e-mail address is only a claim until its owner confirms it from the link sent there: until then it
neither signs in nor receives roles (docs/security.md, "E-mail addresses are verified before they match")."""

import pytest
from django.core import mail
from django.urls import reverse

from ecotown.accounts.choices import Role
from ecotown.accounts.models import RoleAssignment, User
from ecotown.accounts.services import account_for
from ecotown.accounts.testing import PASSWORD, make_user

pytestmark = pytest.mark.django_db

NEW = "Somchai.New@example.go.th"


def ask_for_new_address(client, user, email=NEW):
    client.force_login(user, backend="ecotown.accounts.backends.UsernameOrEmailBackend")
    data = {"first_name": user.first_name, "last_name": user.last_name, "email": email}
    return client.post(reverse("accounts:profile"), data)


def confirmation_path() -> str:
    link = next(line for line in mail.outbox[-1].body.splitlines() if "/accounts/email/confirm/" in line)
    return link[link.index("/accounts/") :].strip()


def test_a_new_address_neither_signs_in_nor_matches_until_confirmed(client, django_capture_on_commit_callbacks):
    user = make_user("somchai", email="somchai@example.go.th")
    with django_capture_on_commit_callbacks(execute=True):
        assert ask_for_new_address(client, user).status_code == 302
    user.refresh_from_db()
    assert (user.email, user.pending_email) == ("somchai@example.go.th", NEW)
    assert mail.outbox[-1].to == [NEW]
    client.post(reverse("accounts:logout"))
    assert client.post(reverse("accounts:login"), {"username": NEW, "password": PASSWORD}).status_code == 200
    assert account_for(NEW) is None

    assert client.post(confirmation_path()).status_code == 302
    user.refresh_from_db()
    assert (user.email, user.pending_email) == (NEW, "")
    assert account_for(NEW.upper()) == user
    assert client.post(reverse("accounts:login"), {"username": NEW, "password": PASSWORD}).status_code == 302


def test_a_role_given_to_an_unconfirmed_address_goes_to_an_invitation_not_to_the_claimant(
    world, client_for, django_capture_on_commit_callbacks
):
    """Someone who typed a colleague's address into their own profile does not receive the colleague's role."""
    ask_for_new_address(client_for(None), world.public, email="new.secretary@example.go.th")
    data = {"email": "new.secretary@example.go.th", "full_name": "มาลี ดีงาม", "role": Role.AREA_SECRETARY,
            "area": world.area_a2.pk, "confirm": "1"}  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        assert client_for(world.officer_a).post(reverse("accounts:roleassignment_add"), data).status_code == 302
    holder = RoleAssignment.objects.get(area=world.area_a2, role=Role.AREA_SECRETARY).user
    assert holder != world.public
    assert holder.email == "new.secretary@example.go.th"
    assert not holder.has_usable_password()


def test_an_address_another_account_uses_cannot_be_claimed(client):
    make_user("malee", email="malee@example.go.th")
    user = make_user("somchai")
    response = ask_for_new_address(client, user, email="MALEE@example.go.th")
    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    assert User.objects.get(pk=user.pk).pending_email == ""
