"""Who may see a file, and who may act on it.

Views fetch every file through ``application_for_viewer``: a file the user
may not see answers 404, so its existence is not disclosed. A user who may
see the file but whose role may not do the act gets 403 from ``require_role``.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from sikejar.accounts.models import Role, User
from sikejar.companies.models import MembershipStatus
from sikejar.p2k3.models import Application


def visible_applications(user: User) -> QuerySet[Application]:
    applications = Application.objects.select_related(
        "company", "office", "rule_version", "verifier"
    )
    if not user.is_authenticated or not user.is_active:
        return applications.none()
    if user.role == Role.COMPANY:
        return applications.filter(
            company__memberships__user=user,
            company__memberships__status=MembershipStatus.ACTIVE,
        )
    if user.is_officer and user.office_id is not None:
        # A draft is the company's work in progress until it is first submitted.
        return applications.filter(office_id=user.office_id, submitted_at__isnull=False)
    return applications.none()


def application_for_viewer(user: User, pk: int) -> Application:
    try:
        return visible_applications(user).get(pk=pk)
    except Application.DoesNotExist:
        raise Http404(_("No such application.")) from None


def require_role(user: User, *roles: Role) -> None:
    if user.role not in roles:
        raise PermissionDenied(_("Your role may not do this."))


def application_for_officer(user: User, pk: int, role: Role) -> Application:
    """The file for an officer acting in ``role``.

    404 outside the office; 403 for another role, and for a verifier when
    the file is assigned to someone else.
    """
    application = application_for_viewer(user, pk)
    require_role(user, role)
    if role == Role.VERIFIER and application.verifier_id != user.pk:
        raise PermissionDenied(_("This file is assigned to another verifier."))
    return application
