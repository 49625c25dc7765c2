"""Sign-in throttling (docs/security.md): failures count per account however its name is typed, per account and
address with a lock, and per account across addresses with a growing back-off; the login page and the API token
endpoint share them."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ecotown.accounts.testing import PASSWORD, make_user

pytestmark = pytest.mark.django_db

OFFICER = "officer.pathumthani"
HOME = "10.0.0.7"
ELSEWHERE = "10.0.0.8"
VARIANTS = ["Officer.Pathumthani", " officer.pathumthani ", "somchai.k@diw.go.th", "SOMCHAI.K@DIW.GO.TH"]


@pytest.fixture
def officer(db):
    return make_user(OFFICER, email="Somchai.K@diw.go.th")


@pytest.fixture
def clock(monkeypatch):
    """The time, stopped, and moved forward by the test: axes stamps each attempt with it (a new record through
    `auto_now_add`, which reads django.utils.timezone)."""

    class Clock:
        now = timezone.now()

        def advance(self, seconds):
            self.now += timedelta(seconds=seconds)

    clock = Clock()
    monkeypatch.setattr("axes.handlers.proxy.now", lambda: clock.now)
    monkeypatch.setattr("django.utils.timezone.now", lambda: clock.now)
    return clock


def sign_in(client, login, password, address=HOME, **headers):
    return client.post(reverse("accounts:login"), {"username": login, "password": password}, REMOTE_ADDR=address,
                       **headers)  # fmt: skip


def get_token(client, login, password, address=HOME, **headers):
    return client.post(reverse("api-token"), {"username": login, "password": password}, REMOTE_ADDR=address,
                       **headers)  # fmt: skip


ENDPOINTS = {"login page": sign_in, "token": get_token}


def fail(client, times, login=OFFICER, address=HOME, endpoint=sign_in, **headers):
    for _ in range(times):
        response = endpoint(client, login, "wrong-password", address, **headers)
        assert response.status_code in (200, 400, 429)


@pytest.mark.parametrize("endpoint", ENDPOINTS.values(), ids=ENDPOINTS.keys())
@pytest.mark.parametrize("login", VARIANTS)
def test_another_spelling_of_a_locked_account_is_locked_too(officer, client, settings, endpoint, login):
    fail(client, settings.AXES_FAILURE_LIMIT)
    response = endpoint(client, login, PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_failures_under_different_spellings_add_up(officer, client, settings):
    for login in (VARIANTS * 2)[: settings.AXES_FAILURE_LIMIT]:
        sign_in(client, login, "wrong-password")
    assert sign_in(client, OFFICER, PASSWORD).status_code == 429


def test_failures_on_the_token_endpoint_and_the_login_page_add_up(officer, client, settings):
    fail(client, settings.AXES_FAILURE_LIMIT - 2, endpoint=get_token)
    fail(client, 2, login="SOMCHAI.K@diw.go.th")
    assert get_token(client, OFFICER, PASSWORD).status_code == 429
    assert sign_in(client, OFFICER, PASSWORD).status_code == 429


def test_a_locked_token_request_gets_a_429_with_the_wait_in_json(officer, client, settings):
    fail(client, settings.AXES_FAILURE_LIMIT, endpoint=get_token)
    response = client.post(reverse("api-token"), {"username": "Officer.Pathumthani", "password": PASSWORD},
                           content_type="application/json", REMOTE_ADDR=HOME)  # fmt: skip
    assert response.status_code == 429
    assert response["Content-Type"] == "application/json"
    assert 14 * 60 < response.json()["retry_after"] <= 15 * 60
    assert response["Retry-After"] == str(response.json()["retry_after"])
    assert "15" in response.json()["detail"]


def test_a_name_without_an_account_is_locked_the_same_way(officer, client, settings):
    """The answer must not tell whether an account exists."""
    fail(client, settings.AXES_FAILURE_LIMIT, login="Nobody.Here")
    assert sign_in(client, "nobody.here", "anything-at-all").status_code == 429


# -- the client's address behind the TLS proxy -------------------------------------------------------------------

PROXY = "127.0.0.1"


def through_proxy(forwarded):
    return {"address": PROXY, "HTTP_X_FORWARDED_FOR": forwarded}


def test_behind_the_proxy_each_client_is_counted_at_its_own_address(officer, client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    fail(client, settings.AXES_FAILURE_LIMIT, **through_proxy("203.0.113.5"))
    assert sign_in(client, OFFICER, PASSWORD, **through_proxy("203.0.113.5")).status_code == 429
    assert sign_in(client, OFFICER, PASSWORD, **through_proxy("198.51.100.7")).status_code == 302


def test_a_forged_forwarded_address_does_not_escape_the_lock(officer, client, settings):
    """The proxy appends the address it saw; whatever the client wrote to the left of it is not believed."""
    settings.TRUSTED_PROXY_COUNT = 1
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, OFFICER, "wrong-password", **through_proxy(f"192.0.2.{n}, 203.0.113.5"))
    assert sign_in(client, OFFICER, PASSWORD, **through_proxy("192.0.2.99, 203.0.113.5")).status_code == 429


def test_without_a_proxy_the_forwarded_header_is_ignored(officer, client, settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, OFFICER, "wrong-password", HOME, HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
    assert sign_in(client, OFFICER, PASSWORD, HOME, HTTP_X_FORWARDED_FOR="192.0.2.99").status_code == 429


def test_the_right_password_signs_in_from_another_address_while_one_is_locked(officer, client, settings):
    fail(client, settings.AXES_FAILURE_LIMIT, address=HOME)
    assert sign_in(client, OFFICER, PASSWORD, HOME).status_code == 429
    assert sign_in(client, OFFICER, PASSWORD, ELSEWHERE).status_code == 302


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.5", "127.0.0.1"),  # no proxy: the header is the client's own word
        (1, "203.0.113.5", "203.0.113.5"),
        (1, "192.0.2.1, 203.0.113.5", "203.0.113.5"),  # the client wrote the first entry
        (2, "203.0.113.5, 198.51.100.1", "203.0.113.5"),  # a CDN, then the TLS proxy
        (2, "203.0.113.5", "127.0.0.1"),  # fewer hops than proxies: a request that went round them
        (1, "", "127.0.0.1"),
        (1, "not-an-address", "127.0.0.1"),
    ],
)
def test_the_client_address_is_the_one_the_outermost_trusted_proxy_saw(rf, settings, proxies, forwarded, expected):
    from ecotown.accounts.throttling import client_address

    settings.TRUSTED_PROXY_COUNT = proxies
    request = rf.post("/accounts/login/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected


# -- locks that slow guessing without keeping the right password out for good ------------------------------------


def test_a_locked_address_may_try_again_after_the_cool_off_however_often_it_was_refused(officer, client, clock):
    fail(client, 5)
    for _ in range(10):
        clock.advance(60)
        assert sign_in(client, OFFICER, PASSWORD).status_code == 429
    clock.advance(5 * 60 + 1)  # 15 minutes after the fifth failure
    assert sign_in(client, OFFICER, PASSWORD).status_code == 302


def test_failures_from_many_addresses_slow_the_account_down_everywhere(officer, client, settings, clock):
    settings.LOGIN_BACKOFF_THRESHOLD = 20
    for n in range(20):  # two failures from each of ten addresses: no address is locked
        sign_in(client, OFFICER, "wrong-password", f"192.0.2.{n // 2}")
    for wait in (1, 2):  # after the 20th failure 1 s, after the 21st 2 s
        clock.advance(wait)
        sign_in(client, OFFICER, "wrong-password", f"192.0.2.{20 + wait}")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    refused = sign_in(client, OFFICER, PASSWORD, ELSEWHERE)
    assert refused.status_code == 429
    assert "Try again in 4 seconds" in refused.content.decode()
    token = get_token(client, OFFICER, PASSWORD, "198.51.100.1")
    assert (token.status_code, token.json()["retry_after"], token["Retry-After"]) == (429, 4, "4")
    clock.advance(4)
    assert sign_in(client, OFFICER, PASSWORD, ELSEWHERE).status_code == 302


def test_the_failure_that_reaches_the_threshold_is_answered_with_the_wait(officer, client, settings, clock):
    settings.LOGIN_BACKOFF_THRESHOLD = 20
    for n in range(19):
        assert sign_in(client, OFFICER, "wrong-password", f"192.0.2.{n}").status_code == 200
    assert sign_in(client, OFFICER, "wrong-password", "192.0.2.100").status_code == 429
    clock.advance(1)
    assert sign_in(client, OFFICER, PASSWORD, ELSEWHERE).status_code == 302


@pytest.mark.parametrize(
    ("failures", "seconds"), [(0, 0), (19, 0), (20, 1), (21, 2), (22, 4), (28, 256), (29, 300), (5000, 300)]
)
def test_the_back_off_doubles_with_each_failure_above_the_threshold_up_to_its_cap(failures, seconds):
    from ecotown.accounts.throttling import backoff_seconds

    assert backoff_seconds(failures, threshold=20, cap=300) == seconds
