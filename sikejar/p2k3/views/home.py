"""Everyone's home page: the public landing, or what waits for the signed-in user."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from sikejar.accounts.models import Role, User
from sikejar.companies.models import MembershipStatus
from sikejar.p2k3 import queries
from sikejar.p2k3.models import OPEN_STATUSES, ApplicationStatus

_IN_PROGRESS = (ApplicationStatus.DRAFT, *OPEN_STATUSES)


def _company_home(request: HttpRequest, user: User) -> HttpResponse:
    memberships = list(queries.operator_memberships(user))
    applications = list(queries.operator_applications(user))
    busy = {a.company_id for a in applications if a.status in _IN_PROGRESS}
    context = {
        "memberships": memberships,
        "active": [m for m in memberships if m.status == MembershipStatus.ACTIVE],
        "applications": applications,
        "busy_companies": busy,
    }
    return render(request, "p2k3/home_company.html", context)


def _verifier_home(request: HttpRequest, user: User) -> HttpResponse:
    context = {
        "queue": list(queries.verifier_queue(user)),
        "returned": list(queries.verifier_returned(user)),
    }
    return render(request, "p2k3/home_verifier.html", context)


def _head_home(request: HttpRequest, user: User) -> HttpResponse:
    context = {"to_decide": list(queries.files_to_decide(user))}
    return render(request, "p2k3/home_head.html", context)


def _inspectorate_home(request: HttpRequest, user: User) -> HttpResponse:
    counts = queries.office_open_counts(user)
    context = {
        "counts": counts,
        "open_total": sum(c.count for c in counts),
        "open_files": list(queries.office_open_files(user)),
        "limit": queries.OVERVIEW_LIMIT,
    }
    return render(request, "p2k3/home_inspectorate.html", context)


def _admin_home(request: HttpRequest, user: User) -> HttpResponse:
    return render(request, "p2k3/home_admin.html")


_HOMES: dict[str, Callable[[HttpRequest, User], HttpResponse]] = {
    Role.COMPANY: _company_home,
    Role.VERIFIER: _verifier_home,
    Role.HEAD: _head_home,
    Role.INSPECTORATE: _inspectorate_home,
    Role.ADMIN: _admin_home,
}


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    """Public for anonymous visitors; each role's own page once signed in."""
    user = request.user
    if not isinstance(user, User):
        return render(request, "p2k3/home_public.html")
    return _HOMES[user.role](request, user)
