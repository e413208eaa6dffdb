"""Public tracking of a file by its number, without signing in.

Tracking numbers are random, so guessing one is hopeless; each client has
a budget of unknown numbers all the same, kept in Django's cache like the
decree verification's (``SIKEJAR_VERIFY_MISS_LIMIT`` unknown numbers per
``SIKEJAR_VERIFY_MISS_WINDOW`` seconds). Once it is spent every look-up
answers 429 until the window ends, known numbers included: answering them
would still let a guesser sort good numbers from bad.
"""

import logging

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from sikejar.core.misses import MissBudget
from sikejar.p2k3 import tracking

logger = logging.getLogger(__name__)


_tracking_misses = MissBudget("tracking")


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
    if _tracking_misses.exhausted(request):
        return _not_found(request, number, limited=True)
    application = tracking.trackable(number)
    if application is None:
        _tracking_misses.record(request)
        return _not_found(request, number, limited=False)

    context = {
        "application": application,
        "steps": tracking.public_steps(application),
        "ahead": tracking.files_ahead(application),
    }
    return render(request, "p2k3/track_detail.html", context)
