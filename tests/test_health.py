"""/healthz answers 200 when the database and the cache work, 503 (and which) when not."""

import pytest
from django.db import connection


@pytest.mark.django_db
def test_healthy(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": True, "cache": True}}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthy_with_the_machines_redis(client, monkeypatch):
    """Production's cache: Django's RedisCache against the real Redis (it needs redis-py,
    which was once missing from the requirements while this test did not exist)."""
    from django.core.cache.backends.redis import RedisCache

    from core import health

    monkeypatch.setattr(health, "cache", RedisCache("redis://127.0.0.1:6379/9", {}))
    response = client.get("/healthz")
    assert response.json()["checks"] == {"database": True, "cache": True}
    assert response.status_code == 200


@pytest.mark.django_db
def test_a_broken_cache_answers_503(client, monkeypatch):
    from django.core.cache.backends.redis import RedisCache

    from core import health

    # A real Redis client, pointed at a port where nothing listens.
    monkeypatch.setattr(health, "cache", RedisCache("redis://127.0.0.1:1/0", {}))
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": True, "cache": False}


@pytest.mark.django_db
def test_a_broken_database_answers_503(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise connection.Database.OperationalError("the database is down")

    monkeypatch.setattr(connection, "cursor", refuse)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"] is False
