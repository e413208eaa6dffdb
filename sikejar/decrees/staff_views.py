"""The decree for signed-in users: its download, its cancellation, an amendment.

A decree is fetched through the file it was issued on: whoever may not see
that file gets 404; an officer of the office who may see it but not cancel
it gets 403. The acts are services; a refusal shows their message and
changes nothing.
"""

import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import (
    require_http_methods,
    require_POST,
    require_safe,
)

from sikejar.accounts.http import acting_user
from sikejar.accounts.models import Role, User
from sikejar.core.errors import DomainError
from sikejar.core.uploads import attachment_response
from sikejar.decrees import services
from sikejar.decrees.models import Decree, DecreeStatus
from sikejar.decrees.staff_forms import CancelForm
from sikejar.p2k3 import services as p2k3_services
from sikejar.p2k3.access import require_role, visible_applications
from sikejar.p2k3.selectors import operated_company

logger = logging.getLogger(__name__)


def decree_for_viewer(user: User, pk: int) -> Decree:
    """The decree if its file is the user's to see: the company's or the office's."""
    decree = (
        Decree.objects.select_related("application__company", "replaced_by")
        .filter(pk=pk, application__in=visible_applications(user).values("pk"))
        .first()
    )
    if decree is None:
        raise Http404(_("No such decree."))
    return decree


def download_name(decree: Decree) -> str:
    return f"SK-{decree.number.replace('/', '-')}.pdf"


@login_required
@require_safe
def decree_download(request: HttpRequest, pk: int) -> FileResponse:
    user = acting_user(request)
    decree = decree_for_viewer(user, pk)
    if user.is_officer:
        p2k3_services.file_download_record(
            actor=user, application=decree.application, decree_number=decree.number
        )
    return attachment_response(decree.file, download_name(decree))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def decree_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    """A confirmation page with the reason; the POST cancels."""
    user = acting_user(request)
    decree = decree_for_viewer(user, pk)
    require_role(user, Role.HEAD)
    form = CancelForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.decree_cancel(
                actor=user, decree=decree, reason=form.cleaned_data["reason"]
            )
        except DomainError as error:
            logger.info("Cancellation of %s refused: %s", decree.number, error)
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("Decree %(number)s is cancelled.") % {"number": decree.number},
            )
            return redirect("p2k3:detail", pk=decree.application_id)

    context = {
        "decree": decree,
        "form": form,
        "in_force": decree.status == DecreeStatus.IN_FORCE,
    }
    return render(request, "decrees/staff_cancel.html", context)


@login_required
@require_POST
def amendment_start(request: HttpRequest, company_pk: int) -> HttpResponse:
    """Start an amendment draft from the committee in force, then edit it."""
    user = acting_user(request)
    require_role(user, Role.COMPANY)
    company = operated_company(user, company_pk)
    if company is None:
        raise Http404(_("No such company."))

    try:
        application = services.amendment_start(actor=user, company=company)
    except DomainError as error:
        messages.error(request, str(error))
        return redirect("companies:detail", pk=company.pk)
    messages.success(
        request,
        _(
            "Amendment %(number)s started from the committee in force. Change "
            "what has changed and submit it."
        )
        % {"number": application.tracking_number},
    )
    return redirect("p2k3:edit", pk=application.pk)
