"""Acts that leave a trace for others to check: out of turn, opened, downloaded.

None of them changes the file. Each is an audit event, so the inspectorate
reads who took which file out of turn and why, and the company reads which
officers opened its file and when.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sikejar.accounts.models import Role, User
from sikejar.core.errors import DomainError
from sikejar.integrity.chain import audit_record
from sikejar.integrity.models import AuditAction, AuditEvent
from sikejar.p2k3.models import Application, ApplicationDocument, ApplicationStatus
from sikejar.p2k3.oversight import APPLICATION_TYPE, skipped_by

# An officer reading a file for an hour opens it many times; one record
# per officer and file within this interval says enough.
VIEW_INTERVAL = timedelta(minutes=10)

# The queue each role works, by the status its files wait in.
_QUEUE_STATUS = {
    Role.VERIFIER: ApplicationStatus.IN_VERIFICATION,
    Role.HEAD: ApplicationStatus.RECOMMENDED,
}


def _require_in_queue(actor: User, application: Application) -> None:
    status = _QUEUE_STATUS.get(Role(actor.role))
    in_office = actor.office_id == application.office_id
    if status is None or not in_office or application.status != status:
        raise DomainError(_("This file is not waiting in your queue."))
    if actor.role == Role.VERIFIER and application.verifier_id != actor.pk:
        raise DomainError(_("Only the verifier assigned to this file may do this."))


@transaction.atomic
def application_take_out_of_turn(
    *, actor: User, application: Application, reason: str
) -> AuditEvent:
    """Record why the officer takes this file before the oldest of their queue.

    The reason covers the file's current stay in the queue; the record names
    the file that was skipped.
    """
    _require_in_queue(actor, application)
    reason = reason.strip()
    if not reason:
        raise DomainError(_("Say why you take this file out of turn."))
    skipped = skipped_by(actor, application)
    if skipped is None:
        raise DomainError(_("This file is next in turn; no reason is needed."))

    return audit_record(
        actor=actor,
        action=AuditAction.APPLICATION_TAKEN_OUT_OF_TURN,
        obj=application,
        reason=reason,
        data={"skipped": skipped.pk, "skipped_number": skipped.tracking_number},
    )


def _require_officer(actor: User, application: Application) -> None:
    if not actor.is_officer or actor.office_id != application.office_id:
        raise DomainError(_("Only officers of the file's office are recorded."))


@transaction.atomic
def file_view_record(
    *, actor: User, application: Application, page: str
) -> AuditEvent | None:
    """Record that an officer opened the file; None when they did so just before.

    Costs one query when the officer opened it within ``VIEW_INTERVAL``;
    two requests at the same moment may both be recorded.
    """
    _require_officer(actor, application)
    recent = AuditEvent.objects.filter(
        object_type=APPLICATION_TYPE,
        object_id=str(application.pk),
        action=AuditAction.FILE_VIEWED,
        actor=actor,
        created_at__gte=timezone.now() - VIEW_INTERVAL,
    )
    if recent.exists():
        return None
    return audit_record(
        actor=actor,
        action=AuditAction.FILE_VIEWED,
        obj=application,
        data={"page": page},
    )


@transaction.atomic
def file_download_record(
    *,
    actor: User,
    application: Application,
    document: ApplicationDocument | None = None,
    decree_number: str = "",
) -> AuditEvent:
    """Record that an officer downloaded one of the file's documents or its decree."""
    _require_officer(actor, application)
    if document is not None:
        data = {"document": document.pk, "requirement": document.requirement.code}
    elif decree_number:
        data = {"decree": decree_number}
    else:
        raise DomainError(_("Say what was downloaded."))
    return audit_record(
        actor=actor,
        action=AuditAction.DOCUMENT_DOWNLOADED,
        obj=application,
        data=data,
    )
