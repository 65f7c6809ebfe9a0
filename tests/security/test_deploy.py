"""Part 1: `check --deploy` is clean in production, and the headers and cookies are HTTPS-ready."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings

from demo.factories import PASSWORD

ROOT = Path(__file__).resolve().parent.parent.parent


def production_env(**extra: str) -> dict:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="lms.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        DJANGO_ALLOWED_HOSTS="psm.example.org",
        DATABASE_URL="postgres://psm@127.0.0.1:5432/psm",
    )
    env.update(extra)
    return env


def run(args: list[str], env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )


def production_setting(expression: str, **extra: str) -> str:
    script = (
        f"import django; django.setup(); from django.conf import settings as s; print({expression})"
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=production_env(**extra),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]  # after any log lines of start-up


def test_check_deploy_has_no_warnings_in_production():
    result = run(["check", "--deploy", "--fail-level", "WARNING"], production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_warns_when_hsts_is_turned_off():
    """The same check fails when HSTS is disabled: the test above can fail."""
    result = run(
        ["check", "--deploy", "--fail-level", "WARNING"],
        production_env(DJANGO_HSTS_SECONDS="0"),
    )
    assert result.returncode != 0
    assert "security.W004" in result.stdout + result.stderr


def test_production_cookie_hsts_and_proxy_settings_follow_the_environment():
    assert production_setting(
        "s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY,"
        " s.SESSION_COOKIE_SAMESITE, s.CSRF_COOKIE_SAMESITE, s.SECURE_SSL_REDIRECT,"
        " s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD,"
        " s.SECURE_PROXY_SSL_HEADER, s.X_FRAME_OPTIONS, s.SECURE_CONTENT_TYPE_NOSNIFF,"
        " s.SECURE_REFERRER_POLICY"
    ) == ("True True True Lax Lax True 31536000 True True None DENY True same-origin")
    # Behind a TLS proxy on plain HTTP inside: the header is trusted only when asked for,
    # and HSTS can be tuned or switched off.
    assert (
        production_setting(
            "s.SECURE_PROXY_SSL_HEADER, s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_PRELOAD",
            DJANGO_SECURE_PROXY_SSL_HEADER="1",
            DJANGO_HSTS_SECONDS="0",
            DJANGO_HSTS_PRELOAD="0",
        )
        == "('HTTP_X_FORWARDED_PROTO', 'https') 0 False"
    )


PRODUCTION_HTTPS = {
    "SESSION_COOKIE_SECURE": True,
    "CSRF_COOKIE_SECURE": True,
    "SECURE_HSTS_SECONDS": 31536000,
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
    "SECURE_HSTS_PRELOAD": True,
}


@pytest.mark.django_db
@override_settings(**PRODUCTION_HTTPS)
def test_https_response_headers_and_cookie_flags(client, volunteer):
    page = client.get("/accounts/login/", secure=True)
    assert page.status_code == 200
    assert page["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert page["X-Frame-Options"] == "DENY"
    assert page["X-Content-Type-Options"] == "nosniff"
    assert page["Referrer-Policy"] == "same-origin"
    assert page["Cross-Origin-Opener-Policy"] == "same-origin"
    csrf = page.cookies["csrftoken"]
    assert csrf["secure"] and csrf["samesite"] == "Lax"
    response = client.post(
        "/accounts/login/", {"username": "relawan1", "password": PASSWORD}, secure=True
    )
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"


@pytest.mark.django_db
def test_public_pages_are_never_framed_but_wagtail_preview_is_same_origin(client, trainer, course):
    from demo.factories import lessons_of

    assert client.get("/").headers["X-Frame-Options"] == "DENY"
    lesson = lessons_of(course)[0]
    client.force_login(trainer)
    assert client.get(lesson.url)["X-Frame-Options"] == "DENY"
    # The admin's preview panel loads this URL in an iframe on the same origin.
    preview = client.get(f"/admin/pages/{lesson.pk}/edit/preview/?mode=")
    assert preview.status_code == 200, preview.content[:500]
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    assert client.get(f"/admin/pages/{lesson.pk}/edit/")["X-Frame-Options"] == "DENY"
