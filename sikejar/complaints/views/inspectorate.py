"""The inspectorate's pages: the office's reports, one report, the reply."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from sikejar.accounts.models import User
from sikejar.complaints import selectors, services
from sikejar.complaints.access import report_for_inspector, require_inspectorate
from sikejar.complaints.forms import ReplyForm
from sikejar.complaints.models import Report, ReportStatus
from sikejar.core.errors import DomainError
from sikejar.core.uploads import attachment_response


class AuthedRequest(HttpRequest):
    user: User


@login_required
@never_cache
@require_safe
def inbox(request: AuthedRequest) -> HttpResponse:
    office_id = require_inspectorate(request.user)
    context = {"reports": list(selectors.inbox(office_id))}
    return render(request, "complaints/inbox.html", context)


def _detail_page(
    request: AuthedRequest, report: Report, form: ReplyForm
) -> HttpResponse:
    context = {"report": report, "entries": selectors.entries(report), "form": form}
    return render(request, "complaints/report_detail.html", context)


@login_required
@never_cache
@require_safe
def report_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    report = report_for_inspector(request.user, pk)
    form = ReplyForm(initial={"handled": report.status == ReportStatus.HANDLED})
    return _detail_page(request, report, form)


@login_required
@require_POST
def reply(request: AuthedRequest, pk: int) -> HttpResponse:
    report = report_for_inspector(request.user, pk)
    form = ReplyForm(request.POST)
    if form.is_valid():
        try:
            services.report_reply(
                actor=request.user,
                report=report,
                body=form.cleaned_data["body"],
                handled=form.cleaned_data["handled"],
            )
        except DomainError as exc:
            form.add_error("body", str(exc))
        else:
            messages.success(request, _("Your reply was recorded."))
            return redirect("complaints:detail", pk=pk)
    return _detail_page(request, report, form)


@login_required
@require_safe
def evidence(request: AuthedRequest, pk: int) -> FileResponse:
    report = report_for_inspector(request.user, pk)
    if not report.evidence:
        raise Http404(_("This report has no evidence attached."))
    return attachment_response(report.evidence, f"report-{report.pk}-evidence.pdf")
