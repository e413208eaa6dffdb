"""The officers' side of a P2K3 application: queues, the review, the decision.

Queues are worked oldest first: opening or acting on another file than the
oldest of the officer's queue sends them to say why (``views.fairness``),
and every opening of a file is recorded for its company to see.

The head's approval signs the decree: it asks for the signing key's
password and a second factor, and issues the decree through its service.

Files are fetched through ``access.application_for_viewer``, so a file of
another office answers 404; an officer who may see the file but not do the
act gets 403. The acts are services: a refused act shows the service's
message on the same page, with what was typed, and changes nothing.
"""

import logging
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from sikejar.accounts.http import acting_user
from sikejar.accounts.mfa import totp_enabled
from sikejar.accounts.models import Role, User
from sikejar.core.errors import DomainError
from sikejar.decrees import services as decree_services
from sikejar.decrees.models import SignerCertificate
from sikejar.p2k3 import oversight, queries, services
from sikejar.p2k3.access import (
    application_for_officer,
    require_role,
)
from sikejar.p2k3.models import Application, ApplicationStatus
from sikejar.p2k3.officer_forms import (
    ApproveForm,
    Recommendation,
    RecommendForm,
    RejectForm,
    ReturnForm,
    SendBackForm,
)
from sikejar.p2k3.rules import check_application

logger = logging.getLogger(__name__)


def _assigned_file(request: HttpRequest, pk: int) -> tuple[User, Application]:
    user = acting_user(request)
    return user, application_for_officer(user, pk, Role.VERIFIER)


def _head_file(request: HttpRequest, pk: int) -> tuple[User, Application]:
    user = acting_user(request)
    return user, application_for_officer(user, pk, Role.HEAD)


# Where each role's queue holds a file, and where it says why it skips one.
_TURNS = {
    Role.VERIFIER: (ApplicationStatus.IN_VERIFICATION, "p2k3:review_out_of_turn"),
    Role.HEAD: (ApplicationStatus.RECOMMENDED, "p2k3:decision_out_of_turn"),
}


def _out_of_turn(
    request: HttpRequest, user: User, application: Application
) -> HttpResponse | None:
    """Send an officer who skips the oldest file of their queue to say why first.

    None when the officer may go on: the file is in turn, a reason was
    given, or the file is not waiting in the queue (the act refuses then).
    """
    status, reason_page = _TURNS[Role(user.role)]
    if application.status != status or oversight.may_take(user, application):
        return None
    if request.method == "POST":
        messages.error(request, _("Say first why you take this file out of turn."))
    return redirect(reason_page, pk=application.pk)


def _refused(
    request: HttpRequest, application: Application, error: DomainError
) -> None:
    """Show the service's refusal; the log keeps it for questions about a click."""
    logger.info("Refused on %s: %s", application.tracking_number, error)
    messages.error(request, str(error))


def _file_context(application: Application) -> dict[str, Any]:
    """What both officers read before they act: the company, committee and checks."""
    return {
        "application": application,
        "company": application.company,
        "members": queries.committee_members(application),
        "findings": check_application(application, timezone.localdate()),
        "history": queries.review_history(application),
    }


@login_required
@require_safe
def queue(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    require_role(user, Role.VERIFIER)
    context = {
        "queue": list(queries.verifier_queue(user)),
        "returned": list(queries.verifier_returned(user)),
    }
    return render(request, "p2k3/officer_queue.html", context)


@login_required
@require_safe
def to_decide(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    require_role(user, Role.HEAD)
    next_file = oversight.next_in_turn(user)
    context = {
        "to_decide": list(queries.files_to_decide(user)),
        "next_pk": next_file.pk if next_file else None,
    }
    return render(request, "p2k3/officer_to_decide.html", context)


def _review_page(
    request: HttpRequest, application: Application, form: ReturnForm | RecommendForm
) -> HttpResponse:
    context = {
        **_file_context(application),
        "form": form,
        "rows": form.rows(queries.current_documents(application)),
    }
    return render(request, "p2k3/officer_review.html", context)


@login_required
@require_safe
def review(request: HttpRequest, pk: int) -> HttpResponse:
    """The checklist; opening it is recorded for the company to see."""
    user, application = _assigned_file(request, pk)
    if application.status != ApplicationStatus.IN_VERIFICATION:
        messages.info(request, _("This file is not waiting for your review."))
        return redirect("p2k3:detail", pk=application.pk)
    if skip := _out_of_turn(request, user, application):
        return skip
    services.file_view_record(actor=user, application=application, page="review")
    form = ReturnForm(requirements=queries.checklist())
    return _review_page(request, application, form)


@login_required
@require_POST
def application_return(request: HttpRequest, pk: int) -> HttpResponse:
    user, application = _assigned_file(request, pk)
    if skip := _out_of_turn(request, user, application):
        return skip
    form = ReturnForm(request.POST, requirements=queries.checklist())
    if not form.is_valid():
        return _review_page(request, application, form)
    try:
        services.application_return(
            actor=user,
            application=application,
            citations=form.citations,
            reasons=form.cleaned_data["reasons"],
        )
    except DomainError as error:
        _refused(request, application, error)
        return _review_page(request, application, form)

    messages.success(
        request,
        _("File %(number)s went back to the company for correction.")
        % {"number": application.tracking_number},
    )
    return redirect("p2k3:queue")


@login_required
@require_POST
def application_recommend(request: HttpRequest, pk: int) -> HttpResponse:
    user, application = _assigned_file(request, pk)
    if skip := _out_of_turn(request, user, application):
        return skip
    form = RecommendForm(request.POST, requirements=queries.checklist())
    if not form.is_valid():
        return _review_page(request, application, form)
    try:
        services.application_recommend(
            actor=user,
            application=application,
            approve=form.cleaned_data["recommendation"] == Recommendation.APPROVE,
            reasons=form.cleaned_data["reasons"],
            citations=form.citations,
        )
    except DomainError as error:
        _refused(request, application, error)
        return _review_page(request, application, form)

    messages.success(
        request,
        _("Your recommendation on file %(number)s went to the head of office.")
        % {"number": application.tracking_number},
    )
    return redirect("p2k3:queue")


def _decision_page(
    request: HttpRequest,
    application: Application,
    *,
    approve_form: ApproveForm | None = None,
    reject_form: RejectForm | None = None,
    send_back_form: SendBackForm | None = None,
) -> HttpResponse:
    user = acting_user(request)
    recommendation = queries.latest_recommendation(application)
    reject_form = reject_form or RejectForm(
        prefix="reject",
        requirements=queries.checklist(),
        initial=RejectForm.initial_from(recommendation),
    )
    context = {
        **_file_context(application),
        "recommendation": recommendation,
        "approve_form": approve_form or ApproveForm(prefix="approve"),
        "reject_form": reject_form,
        "rows": reject_form.rows(queries.current_documents(application)),
        "send_back_form": send_back_form or SendBackForm(prefix="send_back"),
        "has_totp": totp_enabled(user),
        "has_certificate": SignerCertificate.objects.filter(user=user).exists(),
    }
    return render(request, "p2k3/officer_decision.html", context)


@login_required
@require_safe
def decision(request: HttpRequest, pk: int) -> HttpResponse:
    """The three acts; opening the page is recorded for the company to see."""
    user, application = _head_file(request, pk)
    if application.status != ApplicationStatus.RECOMMENDED:
        messages.info(request, _("This file is not waiting for a decision."))
        return redirect("p2k3:detail", pk=application.pk)
    if skip := _out_of_turn(request, user, application):
        return skip
    services.file_view_record(actor=user, application=application, page="decision")
    return _decision_page(request, application)


def _decided(request: HttpRequest, application: Application, text: str) -> HttpResponse:
    messages.success(request, text % {"number": application.tracking_number})
    return redirect("p2k3:to_decide")


@login_required
@require_POST
def application_approve(request: HttpRequest, pk: int) -> HttpResponse:
    """Approve and sign: the decree is issued in the same transaction, or nothing."""
    user, application = _head_file(request, pk)
    if skip := _out_of_turn(request, user, application):
        return skip
    form = ApproveForm(request.POST, prefix="approve")
    if not form.is_valid():
        return _decision_page(request, application, approve_form=form)
    try:
        decree = decree_services.decree_issue(
            actor=user,
            application=application,
            password=form.cleaned_data["password"],
            totp_code=form.cleaned_data["totp_code"],
            note=form.cleaned_data["reasons"],
        )
    except DomainError as error:
        _refused(request, application, error)
        return _decision_page(request, application, approve_form=form)
    messages.success(
        request,
        _("File %(number)s is approved and decree %(decree)s is signed.")
        % {"number": application.tracking_number, "decree": decree.number},
    )
    return redirect("p2k3:detail", pk=application.pk)


@login_required
@require_POST
def application_reject(request: HttpRequest, pk: int) -> HttpResponse:
    user, application = _head_file(request, pk)
    if skip := _out_of_turn(request, user, application):
        return skip
    form = RejectForm(request.POST, prefix="reject", requirements=queries.checklist())
    if not form.is_valid():
        return _decision_page(request, application, reject_form=form)
    try:
        services.application_decide(
            actor=user,
            application=application,
            approve=False,
            reasons=form.cleaned_data["reasons"],
            citations=form.citations,
        )
    except DomainError as error:
        _refused(request, application, error)
        return _decision_page(request, application, reject_form=form)
    return _decided(request, application, _("File %(number)s is rejected."))


@login_required
@require_POST
def application_send_back(request: HttpRequest, pk: int) -> HttpResponse:
    user, application = _head_file(request, pk)
    if skip := _out_of_turn(request, user, application):
        return skip
    form = SendBackForm(request.POST, prefix="send_back")
    if not form.is_valid():
        return _decision_page(request, application, send_back_form=form)
    try:
        services.application_send_back(
            actor=user, application=application, reasons=form.cleaned_data["reasons"]
        )
    except DomainError as error:
        _refused(request, application, error)
        return _decision_page(request, application, send_back_form=form)
    return _decided(
        request, application, _("File %(number)s went back to its verifier.")
    )
