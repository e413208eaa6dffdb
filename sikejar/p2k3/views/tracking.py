"""Public tracking of a file by its number, without signing in.

Tracking numbers are random, so guessing one is hopeless; each client has
a budget of unknown numbers all the same, kept in Django's cache like the
decree verification's (``SIKEJAR_VERIFY_MISS_LIMIT`` unknown numbers per
``SIKEJAR_VERIFY_MISS_WINDOW`` seconds). Once it is spent every look-up
answers 429 until the window ends, known numbers included: answering them
would still let a guesser sort good numbers from bad.
"""

import logging

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from sikejar.p2k3 import tracking

logger = logging.getLogger(__name__)


def _client_key(request: HttpRequest) -> str:
    # Behind a reverse proxy REMOTE_ADDR must be the client's address (for
    # example nginx's realip module); forwarded headers are not read, as any
    # client can forge them.
    address = request.META.get("REMOTE_ADDR", "") or "unknown"
    return f"p2k3:track-misses:{address}"


def _misses_exhausted(request: HttpRequest) -> bool:
    misses: int = cache.get(_client_key(request), 0)
    return misses >= settings.SIKEJAR_VERIFY_MISS_LIMIT


def _miss_record(request: HttpRequest) -> None:
    """Count one unknown number; the window starts at the client's first miss."""
    key = _client_key(request)
    cache.add(key, 0, timeout=settings.SIKEJAR_VERIFY_MISS_WINDOW)
    try:
        misses = cache.incr(key)
    except ValueError:  # The window ended between add and incr.
        cache.add(key, 1, timeout=settings.SIKEJAR_VERIFY_MISS_WINDOW)
        return
    if misses == settings.SIKEJAR_VERIFY_MISS_LIMIT:
        logger.warning("Tracking look-ups paused for %s", key)


@require_safe
def track(request: HttpRequest) -> HttpResponse:
    """The form; a valid number goes to its page."""
    form = tracking.TrackForm(request.GET or None)
    if form.is_valid():
        return redirect("tracking:detail", number=form.cleaned_data["number"])
    return render(request, "p2k3/track.html", {"form": form})


def _not_found(request: HttpRequest, number: str, *, limited: bool) -> HttpResponse:
    form = tracking.TrackForm(initial={"number": number})
    context = {"form": form, "unknown": number, "limited": limited}
    return render(request, "p2k3/track.html", context, status=429 if limited else 404)


@require_safe
def track_detail(request: HttpRequest, number: str) -> HttpResponse:
    """States and dates, the place in the queue and the expected decision date."""
    if _misses_exhausted(request):
        return _not_found(request, number, limited=True)
    application = tracking.trackable(number)
    if application is None:
        _miss_record(request)
        return _not_found(request, number, limited=False)

    context = {
        "application": application,
        "steps": tracking.public_steps(application),
        "ahead": tracking.files_ahead(application),
    }
    return render(request, "p2k3/track_detail.html", context)
