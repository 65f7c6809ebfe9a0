"""Without a shared cache (production without REDIS_URL) every gunicorn worker has its own
memory, so a limit counted there is allowed once per worker. Production then counts in the
database: what one worker counted, the next one sees."""

import pytest
from django.core.cache import cache

from core.models import RateCount
from core.ratelimit import allow

from .test_deploy import production_setting


@pytest.mark.django_db
def test_database_counts_are_shared_across_processes(rf, settings):
    settings.RATE_LIMIT_STORE = "database"
    request = rf.get("/verify/", REMOTE_ADDR="10.1.2.3")
    results = []
    for _ in range(5):
        results.append(allow(request, scope="verify", limit=3))
        cache.clear()  # another worker: its memory knows nothing of the last request
    assert results == [True, True, True, False, False]
    assert RateCount.objects.get().count == 5
    other = rf.get("/verify/", REMOTE_ADDR="10.9.9.9")
    assert allow(other, scope="verify", limit=3)  # another address has its own count


@pytest.mark.django_db
def test_memory_counts_would_not_be(rf, settings):
    """Why: in local memory, a second worker starts from zero."""
    settings.RATE_LIMIT_STORE = "cache"
    request = rf.get("/verify/", REMOTE_ADDR="10.1.2.3")
    results = []
    for _ in range(5):
        results.append(allow(request, scope="verify", limit=3))
        cache.clear()
    assert results == [True] * 5


@pytest.mark.django_db
def test_the_verification_page_is_limited_through_the_database(client, settings):
    settings.RATE_LIMIT_STORE = "database"
    codes = [client.get("/verify/ABCDEFGHJKMN/").status_code for _ in range(31)]
    assert codes[:30] == [404] * 30 and codes[30] == 429


def test_production_counts_in_the_database_without_redis():
    assert production_setting("s.RATE_LIMIT_STORE") == "database"
    redis = {"REDIS_URL": "redis://127.0.0.1:6379/7"}
    assert production_setting("s.RATE_LIMIT_STORE", **redis) == "cache"
