"""The QR code's target: is this decree genuine, and is this file one of ours?"""

from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods, require_safe

from sikejar.core.uploads import attachment_response, sha256_of
from sikejar.decrees import selectors
from sikejar.decrees.forms import PdfCheckForm
from sikejar.decrees.models import Decree
from sikejar.decrees.public import decree_public
from sikejar.decrees.views import limits
from sikejar.integrity.log import proof_of_act
from sikejar.integrity.models import AuditAction


def _not_found(request: HttpRequest, *, limited: bool) -> HttpResponse:
    """The page for a code that is unknown, or that may not be looked up now."""
    context = {"decree": None, "limited": limited, "form": PdfCheckForm()}
    return render(
        request, "decrees/verify.html", context, status=429 if limited else 404
    )


def _lookup(request: HttpRequest, code: str) -> Decree | HttpResponse:
    if limits.verification_misses.exhausted(request):
        return _not_found(request, limited=True)
    decree = selectors.decree_by_code(code)
    if decree is None:
        limits.verification_misses.record(request)
        return _not_found(request, limited=False)
    return decree


@require_safe
def verify(request: HttpRequest, code: str) -> HttpResponse:
    found = _lookup(request, code)
    if isinstance(found, HttpResponse):
        return found
    context = {
        "decree": decree_public(found),
        "form": PdfCheckForm(),
        "log_proof": proof_of_act(
            "decrees.decree", str(found.pk), AuditAction.DECREE_ISSUED
        ),
    }
    return render(request, "decrees/verify.html", context)


@require_safe
def verify_pdf(request: HttpRequest, code: str) -> FileResponse | HttpResponse:
    found = _lookup(request, code)
    if isinstance(found, HttpResponse):
        return found
    name = "SK-" + "-".join(found.number.split("/")) + ".pdf"
    return attachment_response(found.file, name)


@require_http_methods(["GET", "HEAD", "POST"])
def check(request: HttpRequest) -> HttpResponse:
    """Compare a dropped PDF with every issued decree by SHA-256; keep nothing."""
    if request.method != "POST":
        return render(request, "decrees/check.html", {"form": PdfCheckForm()})

    form = PdfCheckForm(request.POST, request.FILES)
    context: dict[str, object] = {"form": form}
    if form.is_valid():
        digest = sha256_of(form.cleaned_data["file"])
        match = selectors.decree_by_sha256(digest)
        context.update(
            checked=True,
            digest=digest,
            match=decree_public(match) if match else None,
        )
    return render(request, "decrees/check.html", context)
