"""The public face of the audit log: checkpoints, the export, proofs, the key."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from sikejar.integrity.chain import public_entry
from sikejar.integrity.log import checkpoint_public, consistency, inclusion
from sikejar.integrity.logkey import public_key_pem
from sikejar.integrity.models import AuditEvent, Checkpoint

EVENTS_PER_PAGE = 2000


@require_safe
def log_page(request: HttpRequest) -> HttpResponse:
    checkpoints = Checkpoint.objects.order_by("-tree_size")
    return render(
        request,
        "integrity/log.html",
        {
            "latest": checkpoints.first(),
            "checkpoints": checkpoints[:20],
            "events": AuditEvent.objects.count(),
        },
    )


@require_safe
def checkpoints_json(request: HttpRequest) -> JsonResponse:
    checkpoints = [checkpoint_public(c) for c in Checkpoint.objects.all()]
    return JsonResponse({"checkpoints": checkpoints})


@require_safe
def events_json(request: HttpRequest) -> JsonResponse:
    """The public export, a page of events at a time; holds no personal data."""
    paginator = Paginator(AuditEvent.objects.order_by("seq"), EVENTS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    following = None
    if page.has_next():
        following = f"{reverse('integrity:events')}?page={page.next_page_number()}"
    return JsonResponse(
        {"events": [public_entry(e) for e in page.object_list], "next": following}
    )


@require_safe
def key_pem(request: HttpRequest) -> HttpResponse:
    return HttpResponse(public_key_pem(), content_type="application/x-pem-file")


def _positive(request: HttpRequest, name: str) -> int | None:
    try:
        value = int(request.GET.get(name, ""))
    except ValueError:
        return None
    return value if value > 0 else None


@require_safe
def inclusion_proof(request: HttpRequest, seq: int) -> HttpResponse:
    size = _positive(request, "size") or AuditEvent.objects.count()
    if not 0 < seq <= size <= AuditEvent.objects.count():
        return HttpResponseBadRequest(_("The event or the tree size is out of range."))
    return JsonResponse(inclusion(seq, size))


@require_safe
def consistency_proof(request: HttpRequest) -> HttpResponse:
    first, second = _positive(request, "first"), _positive(request, "second")
    if not first or not second or not first <= second <= AuditEvent.objects.count():
        return HttpResponseBadRequest(_("Give 0 < first <= second <= the log's size."))
    return JsonResponse(consistency(first, second))
