"""Submission and assignment, withdrawal, and the file's message thread."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sikejar.accounts.models import Role, User
from sikejar.core.errors import DomainError
from sikejar.integrity.chain import audit_record
from sikejar.integrity.models import AuditAction
from sikejar.p2k3.models import (
    OPEN_STATUSES,
    Application,
    ApplicationStatus,
    Message,
)
from sikejar.p2k3.rules import check_application
from sikejar.p2k3.services.assignment import least_loaded_verifier
from sikejar.p2k3.services.common import (
    move_status,
    notify_file,
    operators_of,
    require_operator,
)


def _least_loaded_verifier(application: Application) -> User:
    """The office's verifier with the fewest open files and no conflict with it."""
    verifier = least_loaded_verifier(application)
    if verifier is None:
        raise DomainError(
            _(
                "The office has no verifier on duty; your draft is kept, "
                "try again later."
            )
        )
    return verifier


@transaction.atomic
def application_submit(*, actor: User, application: Application) -> Application:
    """Send a complete draft or a corrected file to verification.

    A first submission is assigned by the system; a resubmission goes back
    to the verifier who returned it.
    """
    require_operator(actor, application.company)
    findings = check_application(application, timezone.localdate())
    if not findings.ok:
        raise DomainError(" ".join(findings.errors))

    now = timezone.now()
    resubmission = application.status == ApplicationStatus.RETURNED
    verifier = application.verifier if resubmission else None
    verifier = verifier or _least_loaded_verifier(application)
    old = move_status(
        application,
        expected=(ApplicationStatus.DRAFT, ApplicationStatus.RETURNED),
        new=ApplicationStatus.IN_VERIFICATION,
        verifier=verifier,
        queued_at=now,
        submitted_at=application.submitted_at or now,
    )
    action = (
        AuditAction.APPLICATION_RESUBMITTED
        if resubmission
        else AuditAction.APPLICATION_SUBMITTED
    )
    documents = {
        d.requirement.code: d.sha256
        for d in application.documents.filter(is_current=True).select_related(
            "requirement"
        )
    }
    audit_record(
        actor=actor,
        action=action,
        obj=application,
        old_state=old,
        new_state=application.status,
        data={"documents": documents},
    )
    if not resubmission:
        audit_record(
            actor=None,
            action=AuditAction.APPLICATION_ASSIGNED,
            obj=application,
            data={"verifier": verifier.pk},
        )
    notify_file(application, [verifier], "p2k3/email/file_to_verify")
    notify_file(application, operators_of(application), "p2k3/email/submitted")
    return application


@transaction.atomic
def application_withdraw(
    *, actor: User, application: Application, reason: str = ""
) -> Application:
    """The company takes its file back before the decision; the record stays."""
    require_operator(actor, application.company)
    old = move_status(
        application,
        expected=(ApplicationStatus.DRAFT, *OPEN_STATUSES),
        new=ApplicationStatus.WITHDRAWN,
    )
    audit_record(
        actor=actor,
        action=AuditAction.APPLICATION_WITHDRAWN,
        obj=application,
        old_state=old,
        new_state=application.status,
        reason=reason,
    )
    if application.verifier is not None and old != ApplicationStatus.DRAFT:
        notify_file(application, [application.verifier], "p2k3/email/withdrawn")
    return application


@transaction.atomic
def message_post(*, actor: User, application: Application, body: str) -> Message:
    """A message in the file's thread, written by the company or its officers."""
    body = body.strip()
    if not body:
        raise DomainError(_("The message is empty."))
    if application.status == ApplicationStatus.DRAFT:
        raise DomainError(_("Messages open once the application is submitted."))
    if actor.role == Role.COMPANY:
        require_operator(actor, application.company)
        recipients = [application.verifier] if application.verifier else []
    elif (
        actor.role in (Role.VERIFIER, Role.HEAD)
        and actor.office_id == application.office_id
    ):
        recipients = operators_of(application)
    else:
        raise DomainError(_("You cannot write in this application's thread."))

    message = Message.objects.create(application=application, author=actor, body=body)
    audit_record(
        actor=actor,
        action=AuditAction.MESSAGE_POSTED,
        obj=application,
        data={"message": message.pk},
    )
    notify_file(application, recipients, "p2k3/email/message")
    return message
