"""The company's side: report a request for money on its file, answer the survey."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from sikejar.accounts.models import Role, User
from sikejar.complaints import selectors, services
from sikejar.complaints.forms import ReportFactsForm, SurveyForm
from sikejar.core.errors import DomainError
from sikejar.p2k3.access import application_for_viewer, require_role
from sikejar.p2k3.models import Application


class AuthedRequest(HttpRequest):
    user: User


def _operator_file(request: AuthedRequest, pk: int) -> Application:
    """404 when the user may not see the file; 403 for its office's officers."""
    application = application_for_viewer(request.user, pk)
    require_role(request.user, Role.COMPANY)
    return application


@login_required
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def report_from_application(request: AuthedRequest, pk: int) -> HttpResponse:
    """A named report on the company's own file, which then changes verifier."""
    application = _operator_file(request, pk)
    if request.method == "POST":
        form = ReportFactsForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                filed = services.report_file_from_application(
                    actor=request.user, application=application, facts=form.facts()
                )
            except ValidationError as exc:
                form.add_error("evidence", exc)
            except DomainError as exc:
                form.add_error(None, str(exc))
            else:
                context = {"code": filed.code, "report": filed.report}
                return render(request, "complaints/filed.html", context)
    else:
        place = _("P2K3 approval, file %(number)s") % {
            "number": application.tracking_number
        }
        form = ReportFactsForm(
            initial={"place": place, "happened_on": timezone.localdate()}
        )
    context = {"form": form, "application": application}
    return render(request, "complaints/report_from_application.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def survey_answer(request: AuthedRequest, pk: int) -> HttpResponse:
    application = _operator_file(request, pk)
    if not selectors.survey_is_open(application):
        messages.info(
            request, _("The survey is open once per application, after the decision.")
        )
        return redirect("p2k3:detail", pk=pk)

    form = SurveyForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.survey_answer(
                actor=request.user,
                application=application,
                scores=form.scores(),
                comment=form.cleaned_data["comment"],
            )
        except DomainError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Thank you for answering the survey."))
        return redirect("p2k3:detail", pk=pk)
    context = {"form": form, "application": application}
    return render(request, "complaints/survey.html", context)
