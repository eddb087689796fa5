"""A small limit on anonymous submissions (the public offer form and its API): so many per address and
window, counted in the shared cache so that it holds across app servers."""

from django.conf import settings
from django.core.cache import cache

DEFAULT_LIMIT = (5, 3600)  # five offers an hour from one address


def client_address(request) -> str:
    # Behind the load balancer Django sees the proxy; REMOTE_ADDR is set from the trusted header there.
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def allow(scope: str, request) -> bool:
    """True while the address stays within the limit; every call counts."""
    limit, window = getattr(settings, "CIVICA_OFFER_RATE_LIMIT", DEFAULT_LIMIT)
    key = f"civica:throttle:{scope}:{client_address(request)}"
    if cache.add(key, 1, timeout=window):
        return True
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=window)
        return True
    return count <= limit
