"""A fixed-window rate limit in the cache, keyed by the connecting address.

Written by hand (django-ratelimit does the same) to key on REMOTE_ADDR only: a forged
X-Forwarded-For header never changes the key. Behind a proxy, set the proxy to overwrite
REMOTE_ADDR (e.g. gunicorn's forwarded_allow_ips) rather than trusting the header here."""

import time

from django.core.cache import cache


def allow(request, *, scope: str, limit: int, window: int = 60) -> bool:
    address = request.META.get("REMOTE_ADDR", "unknown")
    key = f"rl:{scope}:{address}:{int(time.time() // window)}"
    cache.add(key, 0, window + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, window + 1)
        count = 1
    return count <= limit
