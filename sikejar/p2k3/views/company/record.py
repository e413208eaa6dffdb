"""The file's record page, shared by the company and the office, and its thread."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from sikejar.accounts.models import Role, User
from sikejar.core.errors import DomainError
from sikejar.p2k3 import oversight, services
from sikejar.p2k3.access import application_for_viewer, require_role
from sikejar.p2k3.forms import MessageForm
from sikejar.p2k3.models import Application, ApplicationStatus, Review, ReviewOutcome
from sikejar.p2k3.rules import check_application
from sikejar.p2k3.selectors import (
    application_timeline,
    committee_members,
    current_documents,
    latest_review,
    thread,
)
from sikejar.p2k3.views.company.common import AuthedRequest, can_withdraw

# Who writes in a file's thread; the inspectorate reads it.
WRITERS = (Role.COMPANY, Role.VERIFIER, Role.HEAD)


def next_step(application: Application) -> str:
    """What happens next, in words the company can act on."""
    status = application.status
    if status == ApplicationStatus.DRAFT:
        return _(
            "Not sent yet. Complete the draft, upload the documents and submit "
            "it; the office sees nothing until then."
        )
    if status == ApplicationStatus.IN_VERIFICATION:
        return _(
            "A verifier of the office checks the file against the published "
            "requirements; the clock on this page shows the expected decision "
            "date. You get an e-mail when anything changes."
        )
    if status == ApplicationStatus.RETURNED:
        return _(
            "The file was returned for correction. Correct each cited requirement "
            "below and submit again: it goes back to the same verifier. The "
            "processing time stops while the file is with you."
        )
    if status == ApplicationStatus.RECOMMENDED:
        return _(
            "The file was verified and waits for the decision of the head of "
            "office. You get an e-mail when it is decided."
        )
    if status == ApplicationStatus.APPROVED:
        return _("The committee is approved. Its signed decree is on this page.")
    if status == ApplicationStatus.REJECTED:
        return _(
            "The application was rejected for the reasons below. You may start a "
            "new application."
        )
    return _("The application was withdrawn. Its record is kept.")


def _review_to_show(application: Application) -> Review | None:
    if application.status == ApplicationStatus.RETURNED:
        return latest_review(application, ReviewOutcome.RETURNED)
    if application.status == ApplicationStatus.REJECTED:
        return latest_review(application, ReviewOutcome.REJECTED)
    return None


def _can_write(user: User, application: Application) -> bool:
    return user.role in WRITERS and application.status != ApplicationStatus.DRAFT


def detail_context(
    user: User, application: Application, message_form: MessageForm
) -> dict[str, Any]:
    is_company = user.role == Role.COMPANY
    editable = is_company and application.is_editable
    return {
        "application": application,
        "next_step": next_step(application),
        "is_company": is_company,
        "editable": editable,
        "can_withdraw": is_company and can_withdraw(application),
        "findings": (
            check_application(application, timezone.localdate()) if editable else None
        ),
        "review": _review_to_show(application),
        "members": committee_members(application),
        "documents": current_documents(application),
        "timeline": application_timeline(application),
        "file_views": oversight.file_views(application) if is_company else None,
        **messages_context(user, application, message_form),
    }


def messages_context(
    user: User, application: Application, message_form: MessageForm
) -> dict[str, Any]:
    return {
        "application": application,
        "thread": thread(application),
        "message_form": message_form,
        "can_write": _can_write(user, application),
    }


@login_required
@require_safe
def application_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    """The record; an officer's opening of it is recorded for the company to see."""
    application = application_for_viewer(request.user, pk)
    if request.user.is_officer:
        services.file_view_record(
            actor=request.user, application=application, page="file"
        )
    context = detail_context(request.user, application, MessageForm())
    return render(request, "p2k3/detail.html", context)


@login_required
@require_POST
def message_post(request: AuthedRequest, pk: int) -> HttpResponse:
    """Post in the thread; an HTMX request gets the thread back, others a redirect."""
    application = application_for_viewer(request.user, pk)
    require_role(request.user, *WRITERS)
    form = MessageForm(request.POST)
    if form.is_valid():
        try:
            services.message_post(
                actor=request.user,
                application=application,
                body=form.cleaned_data["body"],
            )
        except DomainError as exc:
            form.add_error("body", str(exc))
        else:
            if not request.htmx:
                messages.success(request, _("Message sent."))
                return redirect(reverse("p2k3:detail", args=[pk]) + "#messages")
            form = MessageForm()

    if request.htmx:
        context = messages_context(request.user, application, form)
        return render(request, "p2k3/_messages.html", context)
    context = detail_context(request.user, application, form)
    return render(request, "p2k3/detail.html", context)
