"""Part 4: rate limits key on the connecting address; a forged X-Forwarded-For changes nothing."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory, override_settings

from core.ratelimit import client_ip
from tests.test_registration import URL, form_data


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.mark.django_db
@override_settings(REGISTRATION_RATE_LIMIT=3)
def test_registration_is_limited_per_address_not_per_forwarded_header(client):
    statuses = []
    for i in range(5):
        data = form_data(phone=f"0812 3456 70{i:02d}", consent="")  # invalid: no account made
        statuses.append(
            client.post(URL, data, REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR=f"10.0.0.{i}")
        )
    assert [r.status_code for r in statuses] == [200, 200, 200, 429, 429]
    refused = statuses[-1].content.decode()
    assert 'id="form-errors"' in refused
    assert "Siti Aminah" in refused  # what was typed is kept, but never the password
    assert "Sungai-Manna-77" not in refused
    # A valid registration from the limited address is refused too, and makes no account.
    from django.contrib.auth import get_user_model

    assert client.post(URL, form_data(), REMOTE_ADDR="203.0.113.5").status_code == 429
    assert not get_user_model().objects.filter(phone="+6281234567890").exists()
    # Another address registers.
    assert client.post(URL, form_data(), REMOTE_ADDR="198.51.100.1").status_code == 302
    assert get_user_model().objects.filter(phone="+6281234567890").exists()


@pytest.mark.django_db
def test_reading_the_registration_form_is_not_counted(client):
    with override_settings(REGISTRATION_RATE_LIMIT=1):
        for _ in range(5):
            assert client.get(URL).status_code == 200


@pytest.mark.django_db
def test_verification_api_is_limited_per_address_not_per_forwarded_header(client):
    statuses = [
        client.get(
            "/api/v1/certificates/ABCDEFGHJKMN/verify", HTTP_X_FORWARDED_FOR=f"10.1.0.{i}"
        ).status_code
        for i in range(33)
    ]
    assert statuses[:30] == [404] * 30
    assert statuses[30:] == [429] * 3
    # Another connecting address still gets answers.
    other = client.get("/api/v1/certificates/ABCDEFGHJKMN/verify", REMOTE_ADDR="198.51.100.9")
    assert other.status_code == 404


def request_from(remote: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_client_ip_ignores_forwarded_header_without_trusted_proxies(settings):
    settings.TRUSTED_PROXIES = []
    assert client_ip(request_from("203.0.113.5", "10.0.0.1")) == "203.0.113.5"


def test_client_ip_behind_a_trusted_proxy_takes_the_address_the_proxy_saw(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.2"]
    # The client forged "1.2.3.4"; nginx appended the real address 203.0.113.5.
    assert client_ip(request_from("127.0.0.1", "1.2.3.4, 203.0.113.5")) == "203.0.113.5"
    # Two trusted proxies in a chain.
    assert client_ip(request_from("127.0.0.1", "1.2.3.4, 203.0.113.5, 10.0.0.2")) == ("203.0.113.5")
    # A request that did not come through the proxy: its header is ignored.
    assert client_ip(request_from("198.51.100.7", "1.2.3.4")) == "198.51.100.7"
    # The proxy sent no header: the proxy itself is all we know.
    assert client_ip(request_from("127.0.0.1")) == "127.0.0.1"


def test_axes_gets_no_address_rather_than_an_invalid_one():
    """force_login() builds a request without REMOTE_ADDR; axes writes the address into an
    inet column on PostgreSQL, which refused "unknown" (every force_login failed there)."""
    from core.ratelimit import axes_client_ip

    assert axes_client_ip(RequestFactory().get("/", REMOTE_ADDR="")) is None
    assert axes_client_ip(request_from("203.0.113.5")) == "203.0.113.5"
    assert axes_client_ip(request_from("2001:db8::1")) == "2001:db8::1"
