"""A budget of unknown look-ups per client, kept in Django's cache.

Verification codes and tracking numbers are random and long, so guessing
one is hopeless; the budget keeps anyone from trying at scale all the same,
and costs one cache read a look-up. Once a client has spent it, every
look-up of that kind answers 429 until the window ends, hits included:
answering hits would still let a guesser sort good values from bad.
"""

import logging

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from rest_framework.request import Request

logger = logging.getLogger(__name__)


def client_ip(request: HttpRequest | Request) -> str:
    # Behind a reverse proxy REMOTE_ADDR is the proxy's own address, and all
    # clients would share one budget: the proxy must pass the client's address
    # as REMOTE_ADDR (for example nginx's realip module in front of gunicorn).
    # Headers such as X-Forwarded-For are not read: any client can forge them.
    return request.META.get("REMOTE_ADDR", "") or "unknown"


class MissBudget:
    """``SIKEJAR_VERIFY_MISS_LIMIT`` misses per client per window, per scope."""

    def __init__(self, scope: str) -> None:
        self.scope = scope

    def _key(self, request: HttpRequest | Request) -> str:
        return f"misses:{self.scope}:{client_ip(request)}"

    def exhausted(self, request: HttpRequest | Request) -> bool:
        misses: int = cache.get(self._key(request), 0)
        return misses >= settings.SIKEJAR_VERIFY_MISS_LIMIT

    def record(self, request: HttpRequest | Request) -> None:
        """Count one miss; the window starts at the client's first miss."""
        key, window = self._key(request), settings.SIKEJAR_VERIFY_MISS_WINDOW
        cache.add(key, 0, timeout=window)
        try:
            misses = cache.incr(key)
        except ValueError:  # The window ended between add and incr.
            cache.add(key, 1, timeout=window)
            return
        if misses == settings.SIKEJAR_VERIFY_MISS_LIMIT:
            logger.warning("%s look-ups paused for %s", self.scope, client_ip(request))
