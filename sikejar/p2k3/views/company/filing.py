"""Submitting a file, its receipt (page and PDF), and withdrawing it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import (
    require_http_methods,
    require_POST,
    require_safe,
)

from sikejar.core.errors import DomainError
from sikejar.p2k3 import services
from sikejar.p2k3.forms import WithdrawForm
from sikejar.p2k3.models import Application
from sikejar.p2k3.receipt import render_receipt
from sikejar.p2k3.selectors import Submission, latest_submission
from sikejar.p2k3.views.company.common import (
    AuthedRequest,
    can_withdraw,
    operator_application,
)


@login_required
@require_POST
def application_submit(request: AuthedRequest, pk: int) -> HttpResponse:
    application = operator_application(request, pk)
    try:
        services.application_submit(actor=request.user, application=application)
    except DomainError as exc:
        messages.error(
            request,
            _("The application was not sent; your draft is kept. %(reasons)s")
            % {"reasons": str(exc)},
        )
        target = "p2k3:edit" if application.is_editable else "p2k3:detail"
        return redirect(target, pk=pk)
    messages.success(
        request, _("The application was sent. Keep this receipt as your proof.")
    )
    return redirect("p2k3:receipt", pk=pk)


def _submission(application: Application) -> Submission:
    submission = latest_submission(application)
    if submission is None:
        raise Http404(_("This application has not been submitted yet."))
    return submission


@login_required
@require_safe
def receipt(request: AuthedRequest, pk: int) -> HttpResponse:
    application = operator_application(request, pk)
    context = {"application": application, "submission": _submission(application)}
    return render(request, "p2k3/receipt.html", context)


@login_required
@require_safe
def receipt_pdf(request: AuthedRequest, pk: int) -> HttpResponse:
    application = operator_application(request, pk)
    pdf = render_receipt(application, _submission(application))
    response = HttpResponse(pdf, content_type="application/pdf")
    name = f"receipt-{application.tracking_number}.pdf"
    response["Content-Disposition"] = f'inline; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def application_withdraw(request: AuthedRequest, pk: int) -> HttpResponse:
    """A confirmation page; the POST withdraws. The record is never deleted."""
    application = operator_application(request, pk)
    form = WithdrawForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.application_withdraw(
                actor=request.user,
                application=application,
                reason=form.cleaned_data["reason"],
            )
        except DomainError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request, _("The application was withdrawn. Its record is kept.")
            )
        return redirect("p2k3:detail", pk=pk)
    context = {
        "application": application,
        "form": form,
        "can_withdraw": can_withdraw(application),
    }
    return render(request, "p2k3/withdraw.html", context)
