"""A budget of unknown verification codes per client, kept in Django's cache.

Codes are random and long, so guessing one is hopeless; the budget keeps
anyone from trying at scale all the same, and costs one cache read a look-up.
Once a client has spent it, every look-up by code answers 429 until the
window ends, hits included: answering hits would still let a guesser sort
good codes from bad.
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


def _key(request: HttpRequest | Request) -> str:
    return f"decrees:verify-misses:{client_ip(request)}"


def misses_exhausted(request: HttpRequest | Request) -> bool:
    misses: int = cache.get(_key(request), 0)
    return misses >= settings.SIKEJAR_VERIFY_MISS_LIMIT


def miss_record(request: HttpRequest | Request) -> None:
    """Count one unknown code; the window starts at the client's first miss."""
    key = _key(request)
    cache.add(key, 0, timeout=settings.SIKEJAR_VERIFY_MISS_WINDOW)
    try:
        misses = cache.incr(key)
    except ValueError:  # The window ended between add and incr.
        cache.add(key, 1, timeout=settings.SIKEJAR_VERIFY_MISS_WINDOW)
        return
    if misses == settings.SIKEJAR_VERIFY_MISS_LIMIT:
        logger.warning("Verification look-ups paused for %s", client_ip(request))
