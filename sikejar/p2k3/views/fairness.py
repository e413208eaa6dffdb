"""The fair queue's pages: out of turn, conflicts of interest, reassignment.

An officer who opens another file than the oldest of their queue first
says why; the inspectorate of the office reads every such reason. Verifiers
and heads declare conflicts of interest with companies; the head of office
moves a file to another verifier. The acts are services; a refused act
shows the service's message and changes nothing.
"""

import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from sikejar.accounts.http import acting_user
from sikejar.accounts.models import Role, User
from sikejar.companies.models import Company
from sikejar.core.errors import DomainError
from sikejar.p2k3 import oversight, services
from sikejar.p2k3.access import (
    application_for_officer,
    require_role,
)
from sikejar.p2k3.models import (
    Application,
    ApplicationStatus,
    ConflictOfInterest,
)
from sikejar.p2k3.officer_forms import ConflictForm, OutOfTurnForm, ReassignForm

logger = logging.getLogger(__name__)

# The inspectorate's list of out-of-turn acts, one page at a time.
OUT_OF_TURN_PAGE = 50

_FORM_METHODS = ["GET", "HEAD", "POST"]


def _file(request: HttpRequest, pk: int, role: Role) -> tuple[User, Application]:
    user = acting_user(request)
    return user, application_for_officer(user, pk, role)


def _out_of_turn(
    request: HttpRequest,
    user: User,
    application: Application,
    *,
    status: ApplicationStatus,
    target: str,
) -> HttpResponse:
    """Ask why, record it, and go on to ``target``; a file in turn goes straight on."""
    skipped = oversight.skipped_by(user, application)
    reason_given = oversight.turn_reason_given(user, application)
    if application.status != status or skipped is None or reason_given:
        return redirect(target, pk=application.pk)

    form = OutOfTurnForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            services.application_take_out_of_turn(
                actor=user, application=application, reason=form.cleaned_data["reason"]
            )
        except DomainError as error:
            form.add_error("reason", str(error))
        else:
            return redirect(target, pk=application.pk)
    context = {"application": application, "skipped": skipped, "form": form}
    return render(request, "p2k3/officer_out_of_turn.html", context)


@login_required
@require_http_methods(_FORM_METHODS)
def review_out_of_turn(request: HttpRequest, pk: int) -> HttpResponse:
    user, application = _file(request, pk, Role.VERIFIER)
    return _out_of_turn(
        request,
        user,
        application,
        status=ApplicationStatus.IN_VERIFICATION,
        target="p2k3:review",
    )


@login_required
@require_http_methods(_FORM_METHODS)
def decision_out_of_turn(request: HttpRequest, pk: int) -> HttpResponse:
    user, application = _file(request, pk, Role.HEAD)
    return _out_of_turn(
        request,
        user,
        application,
        status=ApplicationStatus.RECOMMENDED,
        target="p2k3:decision",
    )


@login_required
@require_safe
def out_of_turn_log(request: HttpRequest) -> HttpResponse:
    """Every file of the office taken out of turn: who, which, instead of which, why."""
    user = acting_user(request)
    require_role(user, Role.INSPECTORATE)
    if user.office is None:
        raise PermissionDenied
    events = oversight.out_of_turn_events(user.office)
    page = Paginator(events, OUT_OF_TURN_PAGE).get_page(request.GET.get("page"))
    context = {"page": page, "records": oversight.out_of_turn_records(list(page))}
    return render(request, "p2k3/officer_out_of_turn_log.html", context)


def _declarable(user: User) -> QuerySet[Company]:
    """Companies with files at the officer's office, less those already declared."""
    if user.office_id is None:
        return Company.objects.none()
    declared = ConflictOfInterest.objects.filter(officer=user).values("company_id")
    return (
        Company.objects.filter(
            applications__office_id=user.office_id,
            applications__submitted_at__isnull=False,
        )
        .exclude(pk__in=declared)
        .distinct()
        .order_by("legal_name", "pk")
    )


@login_required
@require_http_methods(_FORM_METHODS)
def conflicts(request: HttpRequest) -> HttpResponse:
    """The officer's declarations, and the form to declare one more."""
    user = acting_user(request)
    require_role(user, Role.VERIFIER, Role.HEAD)
    data = request.POST if request.method == "POST" else None
    form = ConflictForm(data, companies=_declarable(user))
    if form.is_valid():
        company = form.cleaned_data["company"]
        try:
            services.conflict_declare(
                actor=user, company=company, reason=form.cleaned_data["reason"]
            )
        except DomainError as error:
            logger.info("Conflict declaration refused: %s", error)
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("Your conflict of interest with %(company)s is recorded.")
                % {"company": company.legal_name},
            )
            return redirect("p2k3:conflicts")
    declared = ConflictOfInterest.objects.filter(officer=user).select_related("company")
    context = {"form": form, "declared": declared.order_by("-declared_at", "-pk")}
    return render(request, "p2k3/officer_conflicts.html", context)


@login_required
@require_http_methods(_FORM_METHODS)
def reassign(request: HttpRequest, pk: int) -> HttpResponse:
    """The head moves an open file to another verifier, with the reason."""
    user, application = _file(request, pk, Role.HEAD)
    if not application.is_open:
        messages.info(request, _("Only an open file can move to another verifier."))
        return redirect("p2k3:detail", pk=application.pk)

    form = ReassignForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            services.application_reassign(
                actor=user, application=application, reason=form.reassign_reason
            )
        except DomainError as error:
            logger.info("Reassignment of %s refused: %s", application.pk, error)
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("File %(number)s went to another verifier.")
                % {"number": application.tracking_number},
            )
            return redirect("p2k3:detail", pk=application.pk)
    context = {"application": application, "form": form}
    return render(request, "p2k3/officer_reassign.html", context)
