"""The one rate limiter: fixed windows counted in the shared cache, so a limit holds across worker
processes and app servers (the database cache by default, Redis when `REDIS_URL` is set).

    if not ratelimit.allow("offer-form", ratelimit.client_address(request), limit=5, window=3600):
        ... refuse with a translated message ...

`scope` names the action; `key` is whoever is counted (an address, an account, or both joined).
"""

from __future__ import annotations

import hashlib

from django.core.cache import caches

CACHE_ALIAS = "default"


def client_address(request) -> str:
    # Behind the load balancer REMOTE_ADDR is set from the trusted forwarding header by the proxy setup.
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _cache_key(scope: str, key: str) -> str:
    # Hashed so that e-mail addresses and IPs never appear in the cache's keys in clear.
    digest = hashlib.sha256(f"{scope}\x00{key}".encode()).hexdigest()[:32]
    return f"civica:rl:{scope}:{digest}"


def allow(scope: str, key: str, *, limit: int, window: int) -> bool:
    """Count one attempt; True while no more than `limit` were made in the current `window` seconds."""
    cache = caches[CACHE_ALIAS]
    cache_key = _cache_key(scope, key)
    if cache.add(cache_key, 1, timeout=window):
        return True
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=window)
        return True
    return count <= limit


def reset(scope: str, key: str) -> None:
    """Forget the attempts of `key` (e.g. after a successful sign-in)."""
    caches[CACHE_ALIAS].delete(_cache_key(scope, key))
