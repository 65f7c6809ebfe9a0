import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = Path(tempfile.gettempdir()) / "psm-lms-test-media"
STORAGES = {  # no manifest needed in tests
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "chrome": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "chrome"},
}

# The reliability tests run `manage.py db_worker` as a separate process on the test database.
if os.environ.get("DJANGO_TASKS_DATABASE"):
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Login throttling stays on in tests: the suite's client.login()/force_login() pass no request,
# which people.backends.LoginThrottleBackend lets through; HTTP logins are counted as in production.
AXES_ENABLED = True
VERSIONED_CACHE = True  # one process (the multi-process tests set REDIS_URL)
