"""Giving a role to an existing account (issue 13): the officer confirms who was matched, the holder is told,
and the form never reveals whether an address has an account the officer may not already see."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from ecotown.accounts.choices import Role
from ecotown.accounts.models import RoleAssignment
from ecotown.accounts.testing import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def give(client, email, area, **extra):
    data = {"email": email, "full_name": "ใครก็ได้", "role": Role.INTERNAL_AUDITOR, "area": area.pk, **extra}
    return client.post(reverse("accounts:roleassignment_add"), data)


def test_an_account_the_officer_works_with_is_named_for_confirmation_then_told(
    world, client_for, django_capture_on_commit_callbacks
):
    client = client_for(world.officer_a)
    holder = world.secretary_a1
    holder.first_name, holder.last_name = "สมหญิง", "ใจงาม"
    holder.save()
    confirmation = give(client, holder.email, world.area_a2)
    assert confirmation.status_code == 200
    page = confirmation.content.decode()
    assert "สมหญิง ใจงาม" in page
    assert holder.username in page
    assert not RoleAssignment.objects.filter(user=holder, role=Role.INTERNAL_AUDITOR).exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = give(client, holder.email, world.area_a2, confirm="1")
    assert response.status_code == 302
    assert RoleAssignment.objects.filter(user=holder, role=Role.INTERNAL_AUDITOR, area=world.area_a2).exists()
    assert [message.to for message in mail.outbox] == [[holder.email]]


def test_the_form_does_not_reveal_an_account_the_officer_does_not_see(world, client_for):
    """An account with no role in the officer's province looks exactly like an address without an account."""
    stranger = make_user("stranger", first_name="ลับ", last_name="เฉพาะ", email="stranger@example.go.th")
    client = client_for(world.officer_a)
    known = give(client, stranger.email, world.area_a2).content.decode()
    unknown = give(client, "nobody.here@example.go.th", world.area_a2).content.decode()
    assert "ลับ เฉพาะ" not in known
    assert "stranger" not in known.replace("stranger@example.go.th", "")
    assert same_page(known, "stranger@example.go.th") == same_page(unknown, "nobody.here@example.go.th")


def same_page(html: str, address: str) -> str:
    """The page without what differs on every request (the CSRF token, the CSP nonce) and the address typed."""
    html = re.sub(r'(csrfmiddlewaretoken" value=|nonce=)"[^"]*"', r"\1", html)
    html = re.sub(r'"X-CSRFToken": "[^"]*"', '"X-CSRFToken": ""', html)  # the body's hx-headers
    return html.replace(address, "ADDRESS")
