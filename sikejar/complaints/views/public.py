"""Pages anyone may use: report, follow a report up by its code, the survey's index.

The report views read the form and nothing else of the request: no
address, browser, session or account reaches an anonymous report, and
nothing here logs who sent what. Their answers are never cached, since
one of them shows the follow-up code.
"""

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import (
    require_http_methods,
    require_POST,
    require_safe,
)

from sikejar.accounts.models import User
from sikejar.complaints import selectors, services
from sikejar.complaints.forms import (
    FollowUpAddForm,
    FollowUpCodeForm,
    PublicReportForm,
)
from sikejar.complaints.models import Report
from sikejar.complaints.survey import ELEMENTS, Quality
from sikejar.core.errors import DomainError


def _file(request: HttpRequest, form: PublicReportForm) -> services.Filed:
    office, facts = form.cleaned_data["office"], form.facts()
    if form.anonymous:
        return services.report_file_anonymously(office=office, facts=facts)
    user = request.user
    return services.report_file_named(
        actor=user if isinstance(user, User) else None,
        office=office,
        facts=facts,
        name=form.cleaned_data["name"],
        contact=form.cleaned_data["contact"],
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def report_new(request: HttpRequest) -> HttpResponse:
    signed_in = request.user.is_authenticated
    if request.method != "POST":
        form = PublicReportForm(signed_in=signed_in)
        return render(request, "complaints/report_new.html", {"form": form})

    form = PublicReportForm(request.POST, request.FILES, signed_in=signed_in)
    if form.is_valid():
        try:
            filed = _file(request, form)
        except ValidationError as exc:
            form.add_error("evidence", exc)
        except DomainError as exc:
            form.add_error(None, str(exc))
        else:
            # Shown once, here; a redirect would need the code in a URL or session.
            context = {"code": filed.code, "report": filed.report}
            return render(request, "complaints/filed.html", context)
    return render(request, "complaints/report_new.html", {"form": form})


def _follow_up_page(
    request: HttpRequest,
    report: Report,
    code: str,
    form: FollowUpAddForm | None = None,
    *,
    added: bool = False,
) -> HttpResponse:
    context = {
        "report": report,
        "entries": selectors.entries(report),
        "form": form or FollowUpAddForm(initial={"code": code}),
        "added": added,
    }
    return render(request, "complaints/follow_up.html", context)


def _unknown_code(request: HttpRequest, form: FollowUpCodeForm) -> HttpResponse:
    form.is_valid()
    form.add_error("code", _("No report has this code. Check it and try again."))
    return render(request, "complaints/follow_up_code.html", {"form": form})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def follow_up(request: HttpRequest) -> HttpResponse:
    """The code travels in a POST body only, never in a URL that logs keep."""
    if request.method != "POST":
        form = FollowUpCodeForm()
        return render(request, "complaints/follow_up_code.html", {"form": form})

    form = FollowUpCodeForm(request.POST)
    if not form.is_valid():
        return render(request, "complaints/follow_up_code.html", {"form": form})
    code = form.cleaned_data["code"]
    report = selectors.report_by_code(code)
    if report is None:
        return _unknown_code(request, form)
    return _follow_up_page(request, report, code)


@never_cache
@require_POST
def follow_up_add(request: HttpRequest) -> HttpResponse:
    form = FollowUpAddForm(request.POST)
    code = request.POST.get("code", "")
    report = selectors.report_by_code(code)
    if report is None:
        return _unknown_code(request, FollowUpCodeForm(request.POST))
    if not form.is_valid():
        return _follow_up_page(request, report, code, form)

    try:
        services.report_add_information(report=report, body=form.cleaned_data["body"])
    except DomainError as exc:
        form.add_error("body", str(exc))
        return _follow_up_page(request, report, code, form)
    report.refresh_from_db(fields=["status", "handled_at"])
    return _follow_up_page(request, report, code, added=True)


@require_safe
def survey_results(request: HttpRequest) -> HttpResponse:
    context = {
        "results": selectors.quarterly_results(),
        "elements": ELEMENTS,
        "qualities": Quality,
    }
    return render(request, "complaints/survey_results.html", context)
