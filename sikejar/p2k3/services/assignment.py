"""Who holds a file: the least-loaded choice, conflicts of interest, reassignment.

Nobody picks their counterpart. The system draws the verifier among those
of the office with the fewest open files, and never one who declared a
conflict of interest with the company. A file moves to another verifier
only through ``application_reassign``; its record says "reassignment" and
nothing more, the same for leave, a conflict or an integrity report, so
the file's history does not tell officers why it moved.
"""

import secrets

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from sikejar.accounts.models import Role, User
from sikejar.companies.models import Company
from sikejar.core.errors import DomainError
from sikejar.integrity.chain import audit_record
from sikejar.integrity.models import AuditAction
from sikejar.p2k3.models import (
    OPEN_STATUSES,
    Application,
    ApplicationStatus,
    ConflictOfInterest,
    ReassignReason,
)
from sikejar.p2k3.services.common import notify_file

# The only reason a reassignment's record gives; officers read the file's history.
REASSIGNMENT = "reassignment"

# The causes the head of office may give; integrity reports move files themselves.
HEAD_REASONS = (ReassignReason.LEAVE, ReassignReason.CONFLICT)


def least_loaded_verifier(
    application: Application, *, exclude: User | None = None
) -> User | None:
    """The office's verifier with the fewest open files; ties drawn at random.

    Verifiers who declared a conflict with the file's company are never
    drawn. One query, whatever the number of verifiers.
    """
    verifiers = (
        User.objects.filter(
            role=Role.VERIFIER, office_id=application.office_id, is_active=True
        )
        .exclude(conflicts__company_id=application.company_id)
        .annotate(
            open_files=Count(
                "assigned_applications",
                filter=Q(assigned_applications__status__in=OPEN_STATUSES),
            )
        )
    )
    if exclude is not None:
        verifiers = verifiers.exclude(pk=exclude.pk)
    found = list(verifiers)
    if not found:
        return None
    fewest = min(v.open_files for v in found)
    return secrets.choice([v for v in found if v.open_files == fewest])


def _require_may_reassign(
    actor: User | None, application: Application, reason: ReassignReason
) -> None:
    """The system (``actor`` None) moves files; a person must head the office."""
    if actor is None:
        return
    is_head = actor.role == Role.HEAD and actor.office_id == application.office_id
    if not is_head or reason not in HEAD_REASONS:
        raise DomainError(_("Only the head of the office may reassign a file."))


@transaction.atomic
def application_reassign(
    *, actor: User | None, application: Application, reason: ReassignReason
) -> User:
    """Give an open file to the least-loaded other verifier of its office.

    ``actor`` is the head of office, or None when the system moves the file
    (a declared conflict, an integrity report). The file keeps its place in
    the queue (``queued_at``). Only the new verifier is e-mailed, and only
    when the file waits for them.
    """
    _require_may_reassign(actor, application, reason)
    old = application.verifier
    if old is None or application.status not in OPEN_STATUSES:
        raise DomainError(_("Only an open file can move to another verifier."))
    new = least_loaded_verifier(application, exclude=old)
    if new is None:
        raise DomainError(
            _("No other verifier of the office can take file %(number)s.")
            % {"number": application.tracking_number}
        )

    moved = Application.objects.filter(
        pk=application.pk, verifier_id=old.pk, status=application.status
    ).update(verifier=new, updated_at=timezone.now())
    if moved != 1:
        raise DomainError(
            _("Someone else acted on this application first; reload the page.")
        )
    application.verifier = new
    # A head's cause (leave, conflict) is on the record; the system's moves
    # all look alike, so an integrity report cannot be told from a conflict.
    data: dict[str, object] = {"verifier": new.pk, "previous": old.pk}
    if actor is not None:
        data["cause"] = reason.value
    audit_record(
        actor=actor,
        action=AuditAction.APPLICATION_REASSIGNED,
        obj=application,
        reason=REASSIGNMENT,
        data=data,
    )
    if application.status == ApplicationStatus.IN_VERIFICATION:
        notify_file(application, [new], "p2k3/email/file_to_verify")
    return new


@transaction.atomic
def conflict_declare(
    *, actor: User, company: Company, reason: str
) -> ConflictOfInterest:
    """Record that the officer must not handle this company's files.

    A verifier's open files of the company move to other verifiers in the
    same transaction; when one cannot move, nothing is recorded and the
    officer is told to ask the head of office.
    """
    if actor.role not in (Role.VERIFIER, Role.HEAD) or actor.office_id is None:
        raise DomainError(_("Only verifiers and heads of office declare conflicts."))
    reason = reason.strip()
    if not reason:
        raise DomainError(_("Say what the conflict of interest is."))
    if ConflictOfInterest.objects.filter(officer=actor, company=company).exists():
        raise DomainError(_("You already declared a conflict with this company."))

    conflict = ConflictOfInterest.objects.create(
        officer=actor, company=company, reason=reason, declared_at=timezone.now()
    )
    held = list(
        Application.objects.filter(
            verifier=actor, company=company, status__in=OPEN_STATUSES
        ).order_by("pk")
    )
    audit_record(
        actor=actor,
        action=AuditAction.CONFLICT_DECLARED,
        obj=conflict,
        reason=reason,
        data={"company": company.pk, "moved": [a.pk for a in held]},
    )
    for application in held:
        _move_away(application)
    return conflict


def _move_away(application: Application) -> None:
    try:
        application_reassign(
            actor=None, application=application, reason=ReassignReason.CONFLICT
        )
    except DomainError as error:
        raise DomainError(
            _("%(problem)s Nothing was recorded; tell the head of office.")
            % {"problem": error}
        ) from error
