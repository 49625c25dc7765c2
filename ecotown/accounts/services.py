"""Named changes to accounts: giving, changing and taking away roles; inviting people; changing an e-mail.

Every step takes the acting user. The rules that stop escalation live here, so that the pages and the API
cannot disagree: nobody gives a role above what their own roles allow (accounts.rules.GRANTABLE_ROLES), nor
outside their scope, nor changes or removes their own assignment.
"""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template import loader
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from ecotown.accounts.choices import Role
from ecotown.accounts.models import RoleAssignment, User
from ecotown.accounts.rules import GRANTABLE_ROLES
from ecotown.accounts.tasks import send_email
from ecotown.core.scopes import assignments_of, forget

EMAIL_CHANGE_SALT = "ecotown.accounts.email-change"
EMAIL_CHANGE_MAX_AGE = 3 * 24 * 3600


def grantable_roles(user) -> set[Role]:
    """The roles `user` may give (each within their own scope)."""
    if getattr(user, "is_superuser", False):
        return set(Role)
    roles = set()
    for assignment in assignments_of(user):
        if assignment.role == Role.DIW_ADMIN:
            return set(Role)
        roles |= GRANTABLE_ROLES.get(Role(assignment.role), set())
    return roles


def check_grant(assignment: RoleAssignment, *, acting_user) -> None:
    """Refuse a role the acting user may not give, or a change to their own assignment (ValidationError or
    PermissionDenied). Whether the scope is theirs is checked on the saved row (`_save_in_scope`)."""
    if assignment.user_id == getattr(acting_user, "pk", None):
        raise PermissionDenied(_("Nobody gives, changes or removes their own role."))
    if assignment.role and Role(assignment.role) not in grantable_roles(acting_user):
        raise ValidationError({"role": _("You may not give this role.")})


def visible_account(acting_user, user: User | None) -> User | None:
    """The matched account, when the acting user may already see its holder (a DIW administrator, or an
    officer for someone holding a role in their province); None otherwise, so that the form never reveals
    whether an address has an account."""
    if user is None:
        return None
    if RoleAssignment.objects.filter(user=user).for_user(acting_user, "view").exists():
        return user
    return None


def account_for(email: str) -> User | None:
    """The account whose (verified) e-mail address this is. Only a verified address is ever matched: a
    profile's new address waits in `pending_email` until its owner confirms it."""
    return User.objects.filter(email__iexact=email.strip()).first()


@transaction.atomic
def grant_role(*, email, full_name, role, acting_user, province=None, area=None, valid_from=None,
               valid_until=None, notes="") -> RoleAssignment:  # fmt: skip
    """Give `role` at `province`/`area` to the person with this e-mail address: their existing account (they
    are told by e-mail) or a new one (they are invited to choose a password)."""
    user = account_for(email)
    assignment = RoleAssignment(
        user=user, role=role, province=province, area=area, valid_from=valid_from, valid_until=valid_until,
        notes=notes,
    )  # fmt: skip
    if user is not None:
        check_grant(assignment, acting_user=acting_user)
    elif Role(role) not in grantable_roles(acting_user):
        raise ValidationError({"role": _("You may not give this role.")})
    if user is None:
        assignment.user = user = invite_user(email=email, full_name=full_name)
    assignment.full_clean()
    assignment._history_user = acting_user
    assignment.save()
    if not RoleAssignment.objects.filter(pk=assignment.pk).for_user(acting_user, "add").exists():
        raise PermissionDenied(_("You may not give a role there: it falls outside your area of work."))
    if user.has_usable_password():
        _tell_about_role(assignment)
    forget(user)
    return assignment


def _tell_about_role(assignment: RoleAssignment) -> None:
    context = {"assignment": assignment, "user": assignment.user, "site_url": settings.SITE_URL.rstrip("/")}
    subject = "".join(loader.render_to_string("accounts/email/role_given_subject.txt", context).splitlines())
    body = loader.render_to_string("accounts/email/role_given.txt", context)
    address = assignment.user.email
    transaction.on_commit(lambda: send_email.enqueue(subject, body, [address]))


@transaction.atomic
def change_assignment(assignment: RoleAssignment, *, acting_user, **changes) -> RoleAssignment:
    check_grant(assignment, acting_user=acting_user)
    for name, value in changes.items():
        setattr(assignment, name, value)
    check_grant(assignment, acting_user=acting_user)
    assignment.full_clean()
    assignment._history_user = acting_user
    assignment.save()
    return assignment


@transaction.atomic
def remove_assignment(assignment: RoleAssignment, *, acting_user) -> None:
    if assignment.user_id == getattr(acting_user, "pk", None):
        raise PermissionDenied(_("Nobody gives, changes or removes their own role."))
    assignment._history_user = acting_user
    assignment.delete()
    forget(assignment.user)


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
    first_name, _space, last_name = full_name.strip().partition(" ")
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


# -- changing one's e-mail address ------------------------------------------------------------------------------


@transaction.atomic
def request_email_change(user: User, new_email: str) -> None:
    """Keep `new_email` as pending and send its owner a link; the address signs in and matches only once
    confirmed (a role form must never attach a role to an unverified claim on someone's address)."""
    user.pending_email = new_email
    user.save(update_fields=["pending_email"])
    token = signing.dumps({"user": user.pk, "email": new_email}, salt=EMAIL_CHANGE_SALT)
    context = {
        "user": user,
        "email": new_email,
        "link": settings.SITE_URL.rstrip("/") + reverse("accounts:email_confirm", kwargs={"token": token}),
    }
    subject = "".join(loader.render_to_string("accounts/email/email_change_subject.txt", context).splitlines())
    body = loader.render_to_string("accounts/email/email_change.txt", context)
    transaction.on_commit(lambda: send_email.enqueue(subject, body, [new_email]))


@transaction.atomic
def confirm_email_change(token: str) -> User:
    """Make the pending address the account's address; ValidationError when the link is bad, old, superseded
    or the address was taken meanwhile."""
    try:
        claim = signing.loads(token, salt=EMAIL_CHANGE_SALT, max_age=EMAIL_CHANGE_MAX_AGE)
    except signing.BadSignature:
        raise ValidationError(
            _("This confirmation link is not valid or has expired. Change the address again.")
        ) from None
    user = User.objects.select_for_update().filter(pk=claim.get("user")).first()
    if user is None or user.pending_email.lower() != str(claim.get("email", "")).lower():
        raise ValidationError(_("This confirmation link is no longer current. Change the address again."))
    if User.objects.filter(email__iexact=user.pending_email).exclude(pk=user.pk).exists():
        raise ValidationError(_("Another account already uses this e-mail address."))
    user.email, user.pending_email = user.pending_email, ""
    user.save(update_fields=["email", "pending_email"])
    return user
