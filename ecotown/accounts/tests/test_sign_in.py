import pytest
from django.core import mail
from django.urls import reverse

from ecotown.accounts.choices import Role
from ecotown.accounts.models import RoleAssignment, User
from ecotown.accounts.testing import PASSWORD, make_user

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("login", ["somchai", "SomChai@Example.go.th"])
def test_a_user_signs_in_with_username_or_email(client, login):
    make_user("somchai", email="somchai@example.go.th")
    response = client.post(reverse("accounts:login"), {"username": login, "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_a_wrong_password_is_refused_in_thai_and_keeps_the_username(client):
    make_user("somchai")
    response = client.post(reverse("accounts:login"), {"username": "somchai", "password": "wrong"})
    assert response.status_code == 200
    assert 'value="somchai"' in response.content.decode()
    assert response.context["form"].errors


def test_repeated_failures_lock_the_account_for_that_address(client, settings):
    make_user("somchai")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("accounts:login"), {"username": "somchai", "password": "wrong"})
    response = client.post(reverse("accounts:login"), {"username": "somchai", "password": PASSWORD})
    assert response.status_code == 429
    assert "15" in response.content.decode()


def test_password_reset_sends_a_thai_email(client):
    make_user("somchai", email="somchai@example.go.th")
    response = client.post(reverse("accounts:password_reset"), {"email": "somchai@example.go.th"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "รหัสผ่าน" in mail.outbox[0].subject
    assert "/accounts/password/reset/" in mail.outbox[0].body


def test_password_validators_refuse_a_weak_password(client):
    user = make_user("somchai")
    client.force_login(user, backend="ecotown.accounts.backends.UsernameOrEmailBackend")
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": "12345678", "new_password2": "12345678"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["new_password2"]


def test_an_officer_invites_a_new_area_secretary(world, client_for, django_capture_on_commit_callbacks):
    client = client_for(world.officer_a)
    data = {"email": "new.secretary@example.go.th", "full_name": "มาลี ดีงาม", "role": Role.AREA_SECRETARY,
            "area": world.area_a2.pk}  # fmt: skip
    confirmation = client.post(reverse("accounts:roleassignment_add"), data)
    assert confirmation.status_code == 200
    assert "Confirm" in confirmation.content.decode() or "ยืนยัน" in confirmation.content.decode()
    assert not User.objects.filter(email="new.secretary@example.go.th").exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:roleassignment_add"), {**data, "confirm": "1"})
    assert response.status_code == 302
    user = User.objects.get(email="new.secretary@example.go.th")
    assert user.first_name == "มาลี"
    assert not user.has_usable_password()
    assert RoleAssignment.objects.filter(user=user, area=world.area_a2, role=Role.AREA_SECRETARY).exists()
    assert len(mail.outbox) == 1
    assert "/accounts/password/reset/" in mail.outbox[0].body


def test_an_officer_cannot_appoint_anyone_in_another_province(world, client_for):
    client = client_for(world.officer_a)
    data = {
        "email": "x@example.go.th",
        "full_name": "สมศรี ใจงาม",
        "role": Role.AREA_SECRETARY,
        "area": world.area_b1.pk,
    }
    response = client.post(reverse("accounts:roleassignment_add"), data)
    assert response.status_code == 200
    assert "x@example.go.th" in response.content.decode()  # what was typed is kept
    assert not User.objects.filter(email="x@example.go.th").exists()
    assert not RoleAssignment.objects.filter(area=world.area_b1, role=Role.AREA_SECRETARY).exists()


def test_a_provincial_officer_role_needs_a_province(world, client_for):
    response = client_for(world.diw_admin).post(
        reverse("accounts:roleassignment_add"),
        {"email": world.public.email, "role": Role.PROVINCIAL_OFFICER},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["province"]


def test_a_reset_link_sets_a_new_password_once(client):
    make_user("somchai", email="somchai@example.go.th")
    client.post(reverse("accounts:password_reset"), {"email": "somchai@example.go.th"})
    link = next(line for line in mail.outbox[0].body.splitlines() if "/accounts/password/reset/" in line)
    path = link[link.index("/accounts/") :].strip()
    form_page = client.get(path, follow=True)
    assert form_page.context["validlink"]
    new_password = "a-much-longer-passphrase-2569"
    done = client.post(form_page.redirect_chain[-1][0], {"new_password1": new_password, "new_password2": new_password})
    assert done.status_code == 302
    signed_in = client.post(reverse("accounts:login"), {"username": "somchai", "password": new_password})
    assert signed_in.status_code == 302
    client.post(reverse("accounts:logout"))
    used_again = client.get(path, follow=True)
    assert not used_again.context["validlink"]


def test_an_officer_is_offered_only_the_areas_and_province_they_manage(world, client_for):
    form = client_for(world.officer_a).get(reverse("accounts:roleassignment_add")).context["form"]
    assert set(form.fields["area"].queryset) == {world.area_a1, world.area_a2}
    assert list(form.fields["province"].queryset) == [world.province_a]
