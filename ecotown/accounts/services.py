"""Named state changes for accounts."""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.template import loader
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from ecotown.accounts.models import User
from ecotown.accounts.tasks import send_email


def _unique_username(email: str) -> str:
    base = email.split("@", 1)[0].lower()[:140] or "user"
    candidate, number = base, 1
    while User.objects.filter(username__iexact=candidate).exists():
        number += 1
        candidate = f"{base}{number}"
    return candidate


@transaction.atomic
def invite_user(*, email: str, full_name: str) -> User:
    """Create an account with no password and e-mail the person a link to set one."""
    first_name, _, last_name = full_name.strip().partition(" ")
    user = User(username=_unique_username(email), email=email, first_name=first_name, last_name=last_name.strip())
    user.set_unusable_password()
    user.save()
    context = {
        "user": user,
        "site_url": settings.SITE_URL.rstrip("/"),
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "token": default_token_generator.make_token(user),
    }
    subject = "".join(loader.render_to_string("accounts/email/invitation_subject.txt", context).splitlines())
    body = loader.render_to_string("accounts/email/invitation.txt", context)
    transaction.on_commit(lambda: send_email.enqueue(subject, body, [email]))
    return user
