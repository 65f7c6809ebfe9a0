"""Settings are read in a fresh interpreter so each case sees only its own environment."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_settings(module: str, env: dict, code: str) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    clean.update(env, DJANGO_SETTINGS_MODULE=module)
    script = f"import django; django.setup(); from django.conf import settings as s; {code}"
    return subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", script], cwd=ROOT, env=clean, capture_output=True, text=True
    )


def test_production_refuses_to_start_without_secret_and_hosts():
    result = run_settings("lms.settings.production", {}, "print(s.DEBUG)")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr
    result = run_settings(
        "lms.settings.production", {"DJANGO_SECRET_KEY": "x" * 50}, "print(s.DEBUG)"
    )
    assert "DJANGO_ALLOWED_HOSTS must be set" in result.stderr


def test_production_reads_environment_and_uses_whitenoise():
    result = run_settings(
        "lms.settings.production",
        {"DJANGO_SECRET_KEY": "x" * 50, "DJANGO_ALLOWED_HOSTS": "psm.example.org, a.example"},
        "print(s.ALLOWED_HOSTS, s.DEBUG, s.STORAGES['staticfiles']['BACKEND'],"
        " 'whitenoise.middleware.WhiteNoiseMiddleware' in s.MIDDLEWARE)",
    )
    assert result.returncode == 0, result.stderr
    # The last line: production logs (JSON) go to stdout too, e.g. axes' start-up line.
    assert result.stdout.strip().splitlines()[-1] == (
        "['psm.example.org', 'a.example'] False "
        "whitenoise.storage.CompressedManifestStaticFilesStorage True"
    )


def test_database_and_redis_urls_select_backends():
    result = run_settings(
        "lms.settings.dev",
        {
            "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/psm",
            "REDIS_URL": "redis://127.0.0.1:6379/1",
        },
        "print(s.DATABASES['default']['ENGINE'], s.CACHES['default']['BACKEND'])",
    )
    assert result.stdout.split() == [
        "django.db.backends.postgresql",
        "core.cache.SharedClientRedisCache",
    ]
    result = run_settings(
        "lms.settings.dev",
        {},
        "print(s.DATABASES['default']['ENGINE'], s.CACHES['default']['BACKEND'],"
        " s.LANGUAGE_CODE, s.TIME_ZONE)",
    )
    assert result.stdout.split() == [
        "django.db.backends.sqlite3",
        "django.core.cache.backends.locmem.LocMemCache",
        "id",
        "Asia/Jakarta",
    ]


def test_media_go_to_s3_only_when_a_bucket_is_set_and_stay_private():
    show = (
        "from django.core.files.storage import storages; d = storages['default'];"
        " print(type(d).__name__, getattr(d, 'querystring_auth', '-'),"
        " getattr(d, 'default_acl', '-'), getattr(d, 'file_overwrite', '-'),"
        " getattr(d, 'bucket_name', '-'), getattr(d, 'location', '-'),"
        " getattr(d, 'endpoint_url', '-'), s.MEDIA_ROOT, s.STATIC_ROOT,"
        " storages['staticfiles'].__class__.__name__)"
    )
    production = {"DJANGO_SECRET_KEY": "x" * 50, "DJANGO_ALLOWED_HOSTS": "psm.example.org"}
    result = run_settings(
        "lms.settings.production",
        {
            **production,
            "DJANGO_S3_BUCKET": "psm-media",
            "DJANGO_S3_ENDPOINT_URL": "http://minio:9000",
            "DJANGO_S3_LOCATION": "bs",
            "DJANGO_MEDIA_ROOT": "/nowhere/media",
            "DJANGO_STATIC_ROOT": "/srv/static",
        },
        show,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].split() == [
        "S3Storage",
        "True",  # signed, expiring links only
        "None",  # no ACL: never public-read
        "False",
        "psm-media",
        "bs",
        "http://minio:9000",
        "/nowhere/media",
        "/srv/static",
        "CompressedManifestStaticFilesStorage",
    ]
    result = run_settings("lms.settings.production", production, show)
    assert result.returncode == 0, result.stderr
    words = result.stdout.strip().splitlines()[-1].split()
    assert words[0] == "FileSystemStorage" and words[7] == str(ROOT / "media")
