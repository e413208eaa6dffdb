"""What the company's views share: the request type and the operator's guard."""

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails

from sikejar.accounts.models import Role, User
from sikejar.p2k3.access import application_for_viewer, require_role
from sikejar.p2k3.models import Application, ApplicationStatus


class AuthedRequest(HttpRequest):
    """A request behind login_required, through django-htmx's middleware."""

    user: User
    htmx: HtmxDetails


def operator_application(request: AuthedRequest, pk: int) -> Application:
    """The file for a company operator to act on.

    404 when the user may not see it; 403 when they may see it (an officer
    of its office) but their role may not act on the company's behalf.
    """
    application = application_for_viewer(request.user, pk)
    require_role(request.user, Role.COMPANY)
    return application


def can_withdraw(application: Application) -> bool:
    """Before the decision, and not twice (the service checks it again)."""
    return application.status == ApplicationStatus.DRAFT or application.is_open
