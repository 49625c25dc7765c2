"""Sign-in throttling on top of django-axes (docs/security.md, "Signing in").

Two rules, both counting the failures of the last AXES_COOLOFF_TIME (15 minutes):
- per account and address: AXES_FAILURE_LIMIT (5) failures lock that pair until 15 minutes after the last one.
  Other addresses are not affected, so an attacker cannot lock the owner out from where they work.
- per account, from any address: from LOGIN_BACKOFF_THRESHOLD (20) failures on, each further attempt waits
  2^k seconds after the latest failure (k failures above the threshold), at most LOGIN_BACKOFF_MAX_SECONDS:
  guessing from many addresses slows down, yet the right password always gets through after a short wait.
A refused attempt checks no password and is not counted, so hammering never makes a lock longer.

What axes is given:
    login_key         AXES_USERNAME_CALLABLE: the account's own username, however the person typed it
    client_address    AXES_CLIENT_IP_CALLABLE: the client's address, from the proxy header behind TRUSTED_PROXY_COUNT
    LoginThrottle     AXES_HANDLER: axes' database handler with the per-account back-off
    lockout_response  AXES_LOCKOUT_CALLABLE: 429 with how long to wait, a page or JSON for the API
"""

import ipaddress
import math
from datetime import datetime, timedelta

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max, Sum
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import ngettext

from ecotown.accounts.backends import find_account

API_PREFIX = "/api/"


def login_key(request, credentials=None) -> str:
    """The name failures are counted under: the username of the account the typed name or e-mail address
    signs in to, so `Officer.Pathumthani`, ` officer.pathumthani ` and the account's e-mail in capitals share
    one count. A name without an account is counted under its lower-case form, and so is locked the same way:
    the answer must not tell whether an account exists."""
    if credentials:
        typed = credentials.get("username")
    else:
        typed = (getattr(request, "data", None) or request.POST).get("username")
    typed = (typed or "").strip()
    # Axes asks several times for one attempt; the answer is looked up once.
    known = request.__dict__.setdefault("_ecotown_login_keys", {})
    if typed not in known:
        account = find_account(typed)
        known[typed] = account.get_username() if account else typed.lower()
    return known[typed]


def client_address(request) -> str | None:
    """The address the request came from. With no proxy (TRUSTED_PROXY_COUNT=0) it is REMOTE_ADDR. Behind N
    proxies it is the N-th entry of X-Forwarded-For from the right: the one the outermost proxy appended when
    the client reached it. Entries further left were written by the client and prove nothing."""
    remote = request.META.get("REMOTE_ADDR")
    proxies = settings.TRUSTED_PROXY_COUNT
    if not proxies:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    if len(hops) < proxies:
        return remote  # the request did not come through every proxy: count it at the address that sent it
    try:
        return str(ipaddress.ip_address(hops[-proxies]))
    except ValueError:
        return remote


def _failures(request, **lookups) -> tuple[int, datetime | None]:
    """The failures axes still counts (within the cool-off time) for these lookups, and the latest one."""
    attempts = AccessAttempt.objects.filter(attempt_time__gte=get_cool_off_threshold(request), **lookups)
    totals = attempts.aggregate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
    return totals["failures"] or 0, totals["last"]


def _seconds_until(moment: datetime, request) -> int:
    return max(0, math.ceil((moment - request.axes_attempt_time).total_seconds()))


def address_wait(request, credentials=None) -> int:
    """Seconds until this account may be tried again from this address (0: not locked here)."""
    failures, last = _failures(request, username=login_key(request, credentials), ip_address=request.axes_ip_address)
    if failures < get_failure_limit(request, credentials):
        return 0
    return _seconds_until(last + get_cool_off(request), request)


def backoff_seconds(failures: int, *, threshold: int, cap: int) -> int:
    """How long the account waits after its latest failure: nothing below the threshold, then 1, 2, 4 ...
    seconds, doubling with each further failure, never more than `cap`."""
    if failures < threshold:
        return 0
    return min(2 ** min(failures - threshold, 32), cap)


def account_wait(request, credentials=None) -> int:
    """Seconds until this account may be tried again from any address (0: no back-off now)."""
    failures, last = _failures(request, username=login_key(request, credentials))
    delay = backoff_seconds(
        failures, threshold=settings.LOGIN_BACKOFF_THRESHOLD, cap=settings.LOGIN_BACKOFF_MAX_SECONDS
    )
    return _seconds_until(last + timedelta(seconds=delay), request) if delay else 0


def wait_seconds(request, credentials=None) -> int:
    return max(address_wait(request, credentials), account_wait(request, credentials))


class LoginThrottle(AxesDatabaseHandler):
    """Axes' database handler, which locks an account at one address, with the account-wide back-off added."""

    def is_locked(self, request, credentials=None) -> bool:
        return super().is_locked(request, credentials) or account_wait(request, credentials) > 0

    def user_login_failed(self, sender, credentials: dict, request=None, **kwargs):
        super().user_login_failed(sender, credentials, request, **kwargs)
        # The failure that starts a back-off says so at once, rather than on the person's next try.
        if request is not None and not request.axes_locked_out and account_wait(request, credentials):
            request.axes_locked_out = True
            request.axes_credentials = credentials


def describe_wait(seconds: int) -> str:
    if seconds < 60:
        return ngettext(
            "Too many failed sign-ins for this account. Try again in {count} second, or reset your password.",
            "Too many failed sign-ins for this account. Try again in {count} seconds, or reset your password.",
            seconds,
        ).format(count=seconds)
    minutes = math.ceil(seconds / 60)
    return ngettext(
        "Too many failed sign-ins for this account. Try again in {count} minute, or reset your password.",
        "Too many failed sign-ins for this account. Try again in {count} minutes, or reset your password.",
        minutes,
    ).format(count=minutes)


def lockout_response(request, original_response=None, credentials=None):
    """A refused sign-in: 429 with the wait, as the API's JSON (`detail`, `retry_after`) or as a page."""
    seconds = max(1, wait_seconds(request, credentials))
    message = describe_wait(seconds)
    if request.path.startswith(API_PREFIX):
        response = JsonResponse(
            {"detail": message, "retry_after": seconds}, status=429, json_dumps_params={"ensure_ascii": False}
        )
    else:
        response = render(request, "accounts/locked_out.html", {"message": message}, status=429)
    response["Retry-After"] = str(seconds)
    return response
