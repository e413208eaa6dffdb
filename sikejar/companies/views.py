"""Pages where operators keep their companies' profiles and safety experts."""

import copy
import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import (
    require_http_methods,
    require_POST,
    require_safe,
)
from django_htmx.http import HttpResponseClientRedirect

from sikejar.accounts.http import acting_user
from sikejar.companies import selectors, services
from sikejar.companies.access import (
    company_for_operator,
    expert_for_operator,
    require_company_user,
)
from sikejar.companies.forms import CompanyForm, ExpertForm, JoinForm
from sikejar.companies.models import Membership, MembershipStatus
from sikejar.core.errors import DomainError
from sikejar.core.uploads import attachment_response

logger = logging.getLogger(__name__)

_PAPERS = {
    "certificate": "certificate_scan",
    "skp": "skp_scan",
    "licence": "licence_scan",
}


@login_required
@require_safe
def company_list(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    require_company_user(user)
    memberships = list(selectors.memberships_of(user))
    return render(
        request,
        "companies/list.html",
        {
            "active": [m for m in memberships if m.status == MembershipStatus.ACTIVE],
            "pending": [m for m in memberships if m.status == MembershipStatus.PENDING],
            "refused": [
                m for m in memberships if m.status == MembershipStatus.REJECTED
            ],
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def company_create(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    require_company_user(user)
    form = CompanyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            company = services.company_register(actor=user, data=form.company_data())
        except DomainError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                _(
                    "%(company)s is registered. An administrator will check its NIB "
                    "and confirm you as its operator."
                )
                % {"company": company.legal_name},
            )
            return redirect("companies:list")
    return render(request, "companies/company_form.html", {"form": form})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def membership_request(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    require_company_user(user)
    form = JoinForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and form.company is not None:
        try:
            services.membership_request(actor=user, company=form.company)
        except DomainError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                _("Your request to act for %(company)s was sent for consent.")
                % {"company": form.company.legal_name},
            )
            return redirect("companies:list")
    return render(request, "companies/join.html", {"form": form})


@login_required
@require_safe
def company_detail(request: HttpRequest, pk: int) -> HttpResponse:
    company = company_for_operator(acting_user(request), pk)
    today = timezone.localdate()
    return render(
        request,
        "companies/detail.html",
        {
            "company": company,
            "operators": selectors.operators_of(company.pk),
            "pending": selectors.pending_requests_of(company.pk),
            "standings": selectors.expert_standings(company, today),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def company_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = acting_user(request)
    company = company_for_operator(user, pk)
    # The form works on a copy so that the page never shows unsaved values
    # as the company's own.
    form = CompanyForm(request.POST or None, instance=copy.copy(company))
    if request.method == "POST" and form.is_valid():
        try:
            services.company_update(
                actor=user, company=company, data=form.company_data()
            )
        except DomainError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The company profile is saved."))
            return redirect("companies:detail", pk=company.pk)
    return render(
        request, "companies/company_form.html", {"form": form, "company": company}
    )


def _to_company(request: HttpRequest, pk: int) -> HttpResponse:
    """Back to the company page; an upload sent by htmx navigates the whole page."""
    url = reverse("companies:detail", args=[pk])
    if getattr(request, "htmx", False):
        return HttpResponseClientRedirect(url)
    return redirect(url)


def _membership_of(request: HttpRequest, pk: int, membership_pk: int) -> Membership:
    company = company_for_operator(acting_user(request), pk)
    return get_object_or_404(
        company.memberships.select_related("user", "company"), pk=membership_pk
    )


@login_required
@require_POST
def membership_approve(
    request: HttpRequest, pk: int, membership_pk: int
) -> HttpResponse:
    membership = _membership_of(request, pk, membership_pk)
    try:
        services.membership_approve(actor=acting_user(request), membership=membership)
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            _("%(user)s now acts for this company.") % {"user": membership.user},
        )
    return redirect("companies:detail", pk=pk)


@login_required
@require_POST
def membership_reject(
    request: HttpRequest, pk: int, membership_pk: int
) -> HttpResponse:
    membership = _membership_of(request, pk, membership_pk)
    reason = request.POST.get("reason", "").strip()[:1000]
    try:
        services.membership_reject(
            actor=acting_user(request), membership=membership, reason=reason
        )
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            _("The request of %(user)s was refused.") % {"user": membership.user},
        )
    return redirect("companies:detail", pk=pk)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def expert_create(request: HttpRequest, pk: int) -> HttpResponse:
    user = acting_user(request)
    company = company_for_operator(user, pk)
    form = ExpertForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.expert_register(
                actor=user,
                company=company,
                data=form.expert_data(),
                scans=form.scans(),
            )
        except DomainError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The safety expert is registered."))
            return _to_company(request, company.pk)
    return render(
        request, "companies/expert_form.html", {"form": form, "company": company}
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def expert_edit(request: HttpRequest, pk: int, expert_pk: int) -> HttpResponse:
    user = acting_user(request)
    expert = expert_for_operator(user, pk, expert_pk)
    form = ExpertForm(
        request.POST or None, request.FILES or None, instance=copy.copy(expert)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.expert_update(
                actor=user, expert=expert, data=form.expert_data(), scans=form.scans()
            )
        except DomainError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The safety expert is saved."))
            return _to_company(request, pk)
    return render(
        request,
        "companies/expert_form.html",
        {"form": form, "company": expert.company, "expert": expert},
    )


@login_required
@require_safe
def expert_paper(
    request: HttpRequest, pk: int, expert_pk: int, paper: str
) -> FileResponse:
    """One scan of an expert's papers, as a download, for the company's operators."""
    field = _PAPERS.get(paper)
    if field is None:
        raise Http404(_("No such paper."))
    expert = expert_for_operator(acting_user(request), pk, expert_pk)
    return attachment_response(getattr(expert, field), f"{paper}-{expert.pk}.pdf")
