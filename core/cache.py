"""Caching for several app servers: the Redis backend, and versioned namespaces on top of it."""

import hashlib
import time
from collections import OrderedDict
from contextlib import contextmanager
from contextvars import ContextVar
from threading import Lock

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core.cache import cache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.db import transaction


class SharedClientRedisCacheClient(RedisCacheClient):
    """Django's Redis client, with one redis-py client per connection pool instead of a new one
    per call: building one (its table of ~200 response callbacks) cost more than the round
    trip itself. redis-py clients are thread-safe and their pools fork-aware."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class SharedClientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient


# Versioned namespaces ------------------------------------------------------------------------
# Cached things that everyone shares (published pages, course structures) or that change rarely
# (a user's permissions, a volunteer's progress) live under a version number per namespace, kept
# in the shared cache. A change sets a new version (bump), so every app server sees it at its
# next request. Keys carry the version, so an entry never changes once written, and each process
# also keeps the value itself in memory (no network, no unpickling: that was a third of a lesson
# view). Values from `cached` are therefore shared by the requests of a process: read-only.


NAMESPACES = ("content", "permissions")
# Entries live 6 hours, in the shared cache and in a process's memory alike: cached HTML holds
# image links that object storage signs for 24 hours (DJANGO_S3_LINK_SECONDS), and a copy taken
# from the shared cache just before it expires is at most 12 hours old when it goes.
TTL = 6 * 60 * 60
LOCAL_ENTRIES = 1000
_pinned: ContextVar[dict | None] = ContextVar("psm_cache_versions", default=None)
_local: OrderedDict[str, tuple[float, object]] = OrderedDict()
_local_lock = Lock()


def _version_key(namespace: str) -> str:
    return f"psm:version:{namespace}"


def version(namespace: str) -> int:
    pinned = _pinned.get()
    if pinned is not None and namespace in pinned:
        return pinned[namespace]
    value = cache.get(_version_key(namespace))
    if value is None:  # a fresh or flushed cache: start from a version never used before
        cache.add(_version_key(namespace), time.time_ns(), None)
        value = cache.get(_version_key(namespace))
    if pinned is not None:  # e.g. a user's own namespace, read once per request
        pinned[namespace] = value
    return value


def _new_version(namespace: str) -> None:
    value = time.time_ns()
    cache.set(_version_key(namespace), value, None)
    pinned = _pinned.get()
    if pinned is not None:
        pinned[namespace] = value


def bump(namespace: str) -> None:
    """Everything cached in `namespace` is out of date from now on, on every server."""
    _new_version(namespace)
    # Once more after commit: a request that read between the first bump and the commit saw
    # the old rows and may have stored them under the new version.
    transaction.on_commit(lambda: _new_version(namespace), robust=True)


@contextmanager
def pinned_versions(*extra: str):
    """Read every namespace's version once (one round trip) for the length of a request."""
    keys = {ns: _version_key(ns) for ns in (*NAMESPACES, *extra)}
    found = cache.get_many(keys.values())
    versions = {ns: found.get(key) for ns, key in keys.items()}
    token = _pinned.set({ns: value for ns, value in versions.items() if value is not None})
    try:
        for ns, value in versions.items():
            if value is None:
                version(ns)  # starts it, and pins it
        yield
    finally:
        _pinned.reset(token)


def versioned_key(namespace: str, *parts) -> str:
    raw = ":".join(str(p) for p in parts)
    if len(raw) > 200:  # long URL paths: keep keys short
        raw = hashlib.sha256(raw.encode()).hexdigest()
    return f"psm:{namespace}:{version(namespace)}:{raw}"


def cached(key: str, compute):
    """The value under a versioned key: from this process's memory, else the shared cache, else
    computed and stored in both. None is never stored (unknown URLs must not fill the cache).
    With settings.VERSIONED_CACHE off (a cache that other processes don't see), always computed."""
    if not settings.VERSIONED_CACHE:
        return compute()
    now = time.monotonic()
    with _local_lock:
        entry = _local.get(key)
        if entry is not None:
            _local.move_to_end(key)
    if entry is not None and entry[0] > now:
        return entry[1]
    value = cache.get(key)
    if value is None:
        value = compute()
        if value is None:
            return None
        cache.set(key, value, TTL)
    with _local_lock:
        _local[key] = (now + TTL, value)
        if len(_local) > LOCAL_ENTRIES:
            _local.popitem(last=False)
    return value


def clear_local() -> None:
    with _local_lock:
        _local.clear()


class PinnedVersionsMiddleware:
    """After AuthenticationMiddleware: a signed-in user's own namespace (their progress) is read
    in the same round trip, from the user id in the session (no query)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user_id = request.session.get(SESSION_KEY)
        extra = (f"progress:{user_id}",) if user_id else ()
        with pinned_versions(*extra):
            return self.get_response(request)
