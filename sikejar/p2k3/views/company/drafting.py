"""Starting a draft, editing it, and checking its committee as the user types."""

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from sikejar.accounts.models import Role
from sikejar.core.errors import DomainError
from sikejar.decrees.services import application_start
from sikejar.p2k3 import services
from sikejar.p2k3.access import require_role
from sikejar.p2k3.forms import (
    BaseMemberFormSet,
    DocumentForm,
    DraftForm,
    member_formset,
)
from sikejar.p2k3.models import Application, ApplicationStatus, ReviewOutcome
from sikejar.p2k3.rules import check_application, check_committee
from sikejar.p2k3.selectors import document_slots, latest_review, operated_company
from sikejar.p2k3.views.company.common import AuthedRequest, operator_application


@login_required
@require_POST
def application_create(request: AuthedRequest, company_pk: int) -> HttpResponse:
    require_role(request.user, Role.COMPANY)
    company = operated_company(request.user, company_pk)
    if company is None:
        raise Http404(_("No such company."))

    try:
        application = application_start(actor=request.user, company=company)
    except DomainError as exc:
        messages.error(request, str(exc))
        return redirect("home")
    messages.success(
        request,
        _("Draft %(number)s started. Save it at any time and finish it later.")
        % {"number": application.tracking_number},
    )
    return redirect("p2k3:edit", pk=application.pk)


def edit_context(
    application: Application,
    form: DraftForm,
    members: BaseMemberFormSet,
    failed_upload: tuple[int, DocumentForm] | None = None,
) -> dict[str, Any]:
    """The edit page: the draft's form, what is missing, and the upload forms.

    ``failed_upload`` puts a refused upload's form, with its error, back in
    its requirement's place.
    """
    document_rows = []
    for slot in document_slots(application):
        upload_form = DocumentForm(requirement=slot.requirement)
        if failed_upload and failed_upload[0] == slot.requirement.pk:
            upload_form = failed_upload[1]
        document_rows.append((slot.requirement, slot.document, upload_form))
    returned = application.status == ApplicationStatus.RETURNED
    return {
        "application": application,
        "form": form,
        "members": members,
        "findings": check_application(application, timezone.localdate()),
        "review": latest_review(application, ReviewOutcome.RETURNED)
        if returned
        else None,
        "document_rows": document_rows,
        "upload_max_bytes": settings.SIKEJAR_UPLOAD_MAX_BYTES,
    }


@login_required
@require_http_methods(["GET", "POST"])
def application_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    application = operator_application(request, pk)
    if not application.is_editable:
        messages.info(request, _("This application can no longer be edited."))
        return redirect("p2k3:detail", pk=pk)

    if request.method == "POST":
        form = DraftForm(request.POST)
        members = member_formset(application, request.POST)
        if form.is_valid() and members.is_valid():
            try:
                services.application_save_draft(
                    actor=request.user,
                    application=application,
                    request_letter_number=form.cleaned_data["request_letter_number"],
                    request_letter_date=form.cleaned_data["request_letter_date"],
                    members=members.members(),
                )
            except DomainError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("Draft saved."))
                return redirect("p2k3:edit", pk=pk)
    else:
        form = DraftForm(initial=DraftForm.initial_for(application))
        members = member_formset(application)
    context = edit_context(application, form, members)
    return render(request, "p2k3/edit.html", context)


@login_required
@require_POST
def application_check(request: AuthedRequest, pk: int) -> HttpResponse:
    """The committee's findings on what was typed, saving nothing (HTMX)."""
    application = operator_application(request, pk)
    members = member_formset(application, request.POST)
    findings = check_committee(
        members.unsaved_members(),
        application.company,
        application.rule_version,
        timezone.localdate(),
    )
    context = {
        "findings": findings,
        "incomplete_rows": members.incomplete_rows(),
        "live": True,
    }
    return render(request, "p2k3/_findings.html", context)
