"""Part 3: login throttling with django-axes, per account *and* connecting address."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.utils import translation
from django.utils.translation import ngettext

from core.ratelimit import axes_username
from demo.factories import PASSWORD

LIMIT = 5


def lockout_message() -> str:
    with translation.override("id"):
        return ngettext(
            "Too many failed login attempts for this account from your connection. "
            "Wait %(minutes)d minute and try again, or reset your password.",
            "Too many failed login attempts for this account from your connection. "
            "Wait %(minutes)d minutes and try again, or reset your password.",
            15,
        ) % {"minutes": 15}


def attempt(client, url, username, password, ip="203.0.113.7", **extra):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=ip, **extra)


def fail_until_locked(client, url, username, ip="203.0.113.7", **extra):
    statuses = [
        attempt(client, url, username, "salah-sandi", ip, **extra).status_code for _ in range(LIMIT)
    ]
    assert statuses == [200] * (LIMIT - 1) + [429]


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


LOGIN_URLS = ["/accounts/login/", "/admin/login/"]


@pytest.fixture
def staff(trainer):
    """A trainer (has admin access) for the Wagtail login; volunteers cannot use it."""
    return trainer


@pytest.mark.django_db
@pytest.mark.parametrize("url", LOGIN_URLS)
def test_five_failures_lock_the_account_from_that_address(client, staff, url):
    fail_until_locked(client, url, "pelatih1")
    response = attempt(client, url, "pelatih1", PASSWORD)
    assert response.status_code == 429
    assert lockout_message() in response.content.decode()
    assert 'id="lockout-message"' in response.content.decode()
    assert not logged_in(client)


@pytest.mark.django_db
@pytest.mark.parametrize("url", LOGIN_URLS)
def test_another_address_is_not_locked(client, staff, url):
    fail_until_locked(client, url, "pelatih1", ip="198.51.100.66")
    response = attempt(client, url, "pelatih1", PASSWORD, ip="203.0.113.7")
    assert response.status_code == 302
    assert logged_in(client)


@pytest.mark.django_db
def test_a_forged_forwarded_header_does_not_escape_the_lock(client, volunteer):
    fail_until_locked(client, "/accounts/login/", "relawan1")
    response = attempt(
        client, "/accounts/login/", "relawan1", PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.99"
    )
    assert response.status_code == 429
    assert not logged_in(client)


@pytest.mark.django_db
def test_phone_formats_and_username_share_one_counter(client, volunteer):
    """relawan1 has +6281211110001: failures typed in any form count for the same account."""
    for typed in ("081211110001", "+62 812 1111 0001", "6281211110001", "0812-1111-0001"):
        assert attempt(client, "/accounts/login/", typed, "salah").status_code == 200
    assert attempt(client, "/accounts/login/", "relawan1", "salah").status_code == 429
    for typed in ("relawan1", "081211110001", "+6281211110001"):
        assert attempt(client, "/accounts/login/", typed, PASSWORD).status_code == 429
    assert not logged_in(client)
    assert AccessAttempt.objects.get().username == "relawan1"


def test_username_key_is_the_typed_value_stripped():
    assert axes_username(None, {"username": "  pelatih1 "}) == "pelatih1"
    assert axes_username(None, {"username": "Pelatih1"}) == "Pelatih1"  # usernames are exact


@pytest.mark.django_db
def test_unknown_phone_is_keyed_in_canonical_form():
    assert axes_username(None, {"username": "0899 1234 5678"}) == "+6289912345678"
    assert axes_username(None, {"username": "+62-899-1234-5678"}) == "+6289912345678"


@pytest.mark.django_db
@pytest.mark.parametrize("url", LOGIN_URLS)
def test_lock_ends_by_itself_after_the_cool_off(client, staff, url):
    fail_until_locked(client, url, "pelatih1")
    assert attempt(client, url, "pelatih1", PASSWORD).status_code == 429
    # 16 minutes later (cool-off 15): move the recorded attempts back in time.
    AccessAttempt.objects.update(
        attempt_time=datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=16)
    )
    response = attempt(client, url, "pelatih1", PASSWORD)
    assert response.status_code == 302
    assert logged_in(client)


@pytest.mark.django_db
def test_a_success_resets_the_counter(client, volunteer):
    for _ in range(LIMIT - 1):
        assert attempt(client, "/accounts/login/", "relawan1", "salah").status_code == 200
    assert attempt(client, "/accounts/login/", "relawan1", PASSWORD).status_code == 302
    client.logout()
    for _ in range(LIMIT - 1):
        assert attempt(client, "/accounts/login/", "relawan1", "salah").status_code == 200
    assert attempt(client, "/accounts/login/", "relawan1", PASSWORD).status_code == 302


@pytest.mark.django_db
def test_test_client_login_still_works_with_axes_on(client, volunteer, settings):
    assert settings.AXES_ENABLED
    assert settings.AUTHENTICATION_BACKENDS[0] == "people.backends.LoginThrottleBackend"
    assert client.login(username="relawan1", password=PASSWORD)
    assert client.get("/dashboard/").status_code == 200
