from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


def find_account(login: str):
    """The account a sign-in name points to: its username or its e-mail address, in any letter case, with the
    spaces around it ignored; None when there is none. Signing in and counting failures (accounts.throttling)
    both ask here, so no spelling that signs in escapes the account's lock."""
    User = get_user_model()
    login = login.strip()
    if not login:
        return None
    field = "email__iexact" if "@" in login else "username__iexact"
    return User.objects.filter(**{field: login}).order_by("pk").first()


class UsernameOrEmailBackend(ModelBackend):
    """Sign in with the username or the e-mail address (any letter case)."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None or password is None:
            return None
        user = find_account(username)
        if user is None:
            # Spend the same time as a real check so that timing does not reveal which accounts exist.
            get_user_model()().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
