"""Who may read a report: the inspectorate of its office, and nobody else.

Every other role gets 403 before any report is looked up, so a verifier or
the head learns nothing, not even whether a report exists; an inspector of
another office gets 404. The file's officers never reach these pages.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from sikejar.accounts.models import Role, User
from sikejar.complaints.models import Report


def require_inspectorate(user: User) -> int:
    """The inspector's office; 403 for every other role."""
    if user.role != Role.INSPECTORATE or user.office_id is None:
        raise PermissionDenied(_("Only the inspectorate reads integrity reports."))
    return user.office_id


def report_for_inspector(user: User, pk: int) -> Report:
    office_id = require_inspectorate(user)
    try:
        return Report.objects.select_related(
            "application", "reporter", "officer_at_filing"
        ).get(pk=pk, office_id=office_id)
    except Report.DoesNotExist:
        raise Http404(_("No such report.")) from None
