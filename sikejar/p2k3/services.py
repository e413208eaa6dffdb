"""Every change of a P2K3 application's state.

Each function runs in one transaction, checks who acts and from which
state, appends one audit event and queues e-mail only after commit.
Transitions two officers could race on update conditionally on the old
status and fail when another act got there first.
"""

import logging
import secrets
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from sikejar.accounts.models import Office, Role, User
from sikejar.companies.models import Company, MembershipStatus
from sikejar.core.errors import DomainError
from sikejar.core.notify import absolute_url, notify_after_commit
from sikejar.core.uploads import sha256_of, validate_pdf
from sikejar.integrity.chain import audit_record
from sikejar.integrity.models import AuditAction
from sikejar.p2k3.models import (
    OPEN_STATUSES,
    VERIFIER_OUTCOMES,
    Application,
    ApplicationDocument,
    ApplicationKind,
    ApplicationStatus,
    Citation,
    CommitteeMember,
    Message,
    Requirement,
    Review,
    ReviewOutcome,
    RuleVersion,
)
from sikejar.p2k3.rules import check_application

logger = logging.getLogger(__name__)

_TRACKING_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U.


@dataclass(frozen=True)
class MemberData:
    full_name: str
    role: str
    element: str
    position: str
    expert_id: int | None = None


@dataclass(frozen=True)
class CitationData:
    requirement: Requirement
    explanation: str


def _new_tracking_number() -> str:
    """Random, so that a tracking number tells nothing about other files."""
    suffix = "".join(secrets.choice(_TRACKING_ALPHABET) for _ in range(8))
    return f"P2K3-{timezone.localdate():%Y}-{suffix}"


def _require_operator(actor: User, company: Company) -> None:
    is_operator = company.memberships.filter(
        user=actor, status=MembershipStatus.ACTIVE
    ).exists()
    if actor.role != Role.COMPANY or not is_operator:
        raise DomainError(_("Only an operator of this company may do this."))


def _office_for(company: Company) -> Office:
    office = Office.objects.filter(regencies=company.regency).first()
    if office is None:
        raise DomainError(_("No labour office serves this company's regency yet."))
    return office


def _move(
    application: Application,
    *,
    expected: tuple[str, ...],
    new: ApplicationStatus,
    **fields: Any,
) -> str:
    """Change the status only if nobody changed it since it was read."""
    old = application.status
    if old not in expected:
        raise DomainError(
            _("This cannot be done while the application is %(status)s.")
            % {"status": application.get_status_display()}
        )
    updated = Application.objects.filter(pk=application.pk, status=old).update(
        status=new, updated_at=timezone.now(), **fields
    )
    if updated != 1:
        raise DomainError(
            _("Someone else acted on this application first; reload the page.")
        )
    application.status = new
    for name, value in fields.items():
        setattr(application, name, value)
    return old


@transaction.atomic
def application_create(
    *, actor: User, company: Company, kind: str = ApplicationKind.NEW
) -> Application:
    _require_operator(actor, company)
    rule = RuleVersion.objects.filter(is_default=True).first()
    if rule is None:
        raise DomainError(_("The office has not published a rule version yet."))

    application = Application.objects.create(
        tracking_number=_new_tracking_number(),
        company=company,
        office=_office_for(company),
        kind=kind,
        rule_version=rule,
        created_by=actor,
    )
    audit_record(
        actor=actor,
        action=AuditAction.APPLICATION_CREATED,
        obj=application,
        new_state=application.status,
    )
    return application


@transaction.atomic
def application_save_draft(
    *,
    actor: User,
    application: Application,
    request_letter_number: str,
    request_letter_date: date | None,
    members: list[MemberData],
) -> Application:
    """Replace the draft's letter and committee; a draft can be saved half-done."""
    _require_operator(actor, application.company)
    if not application.is_editable:
        raise DomainError(_("Only a draft or a returned application can be edited."))
    expert_ids = {m.expert_id for m in members if m.expert_id is not None}
    if expert_ids - set(application.company.experts.values_list("pk", flat=True)):
        raise DomainError(_("A linked safety expert does not belong to this company."))

    application.request_letter_number = request_letter_number
    application.request_letter_date = request_letter_date
    application.save(
        update_fields=["request_letter_number", "request_letter_date", "updated_at"]
    )
    application.members.all().delete()
    CommitteeMember.objects.bulk_create(
        CommitteeMember(
            application=application,
            order=index,
            full_name=m.full_name,
            role=m.role,
            element=m.element,
            position=m.position,
            expert_id=m.expert_id,
        )
        for index, m in enumerate(members)
    )
    audit_record(
        actor=actor,
        action=AuditAction.APPLICATION_UPDATED,
        obj=application,
        data={"members": len(members)},
    )
    return application


@transaction.atomic
def document_upload(
    *,
    actor: User,
    application: Application,
    requirement: Requirement,
    upload: UploadedFile,
) -> ApplicationDocument:
    """Store a PDF for one requirement; an earlier version is kept, not deleted."""
    _require_operator(actor, application.company)
    if not application.is_editable:
        raise DomainError(
            _("Documents can only be changed on a draft or returned file.")
        )
    if not requirement.is_active or not requirement.needs_document:
        raise DomainError(_("This requirement takes no document."))
    validate_pdf(upload)

    ApplicationDocument.objects.filter(
        application=application, requirement=requirement, is_current=True
    ).update(is_current=False)
    document = ApplicationDocument(
        application=application,
        requirement=requirement,
        original_name=(upload.name or "document.pdf")[:255],
        sha256=sha256_of(upload),
        size=upload.size or 0,
        uploaded_by=actor,
    )
    document.file.save("upload.pdf", upload, save=False)
    document.save()
    audit_record(
        actor=actor,
        action=AuditAction.DOCUMENT_UPLOADED,
        obj=application,
        data={"requirement": requirement.code, "sha256": document.sha256},
    )
    return document


def _least_loaded_verifier(application: Application) -> User:
    """The office's verifier with the fewest open files; ties drawn at random."""
    verifiers = list(
        User.objects.filter(
            role=Role.VERIFIER, office=application.office, is_active=True
        ).annotate(
            open_files=Count(
                "assigned_applications",
                filter=Q(assigned_applications__status__in=OPEN_STATUSES),
            )
        )
    )
    if not verifiers:
        raise DomainError(
            _(
                "The office has no verifier on duty; your draft is kept, "
                "try again later."
            )
        )
    fewest = min(v.open_files for v in verifiers)
    candidates = [v for v in verifiers if v.open_files == fewest]
    return secrets.choice(candidates)


@transaction.atomic
def application_submit(*, actor: User, application: Application) -> Application:
    """Send a complete draft or a corrected file to verification.

    A first submission is assigned by the system; a resubmission goes back
    to the verifier who returned it.
    """
    _require_operator(actor, application.company)
    findings = check_application(application, timezone.localdate())
    if not findings.ok:
        raise DomainError(" ".join(findings.errors))

    now = timezone.now()
    resubmission = application.status == ApplicationStatus.RETURNED
    verifier = application.verifier if resubmission else None
    verifier = verifier or _least_loaded_verifier(application)
    old = _move(
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
    _notify(application, [verifier], "p2k3/email/file_to_verify")
    _notify(application, operators_of(application), "p2k3/email/submitted")
    return application


def _require_assigned_verifier(actor: User, application: Application) -> None:
    if actor.role != Role.VERIFIER or application.verifier_id != actor.pk:
        raise DomainError(_("Only the verifier assigned to this file may do this."))


def _record_review(
    *,
    actor: User,
    application: Application,
    outcome: ReviewOutcome,
    reasons: str,
    citations: list[CitationData],
) -> Review:
    review = Review.objects.create(
        application=application, officer=actor, outcome=outcome, reasons=reasons
    )
    Citation.objects.bulk_create(
        Citation(review=review, requirement=c.requirement, explanation=c.explanation)
        for c in citations
    )
    return review


def _cited(citations: list[CitationData]) -> list[str]:
    return [c.requirement.code for c in citations]


@transaction.atomic
def application_return(
    *,
    actor: User,
    application: Application,
    citations: list[CitationData],
    reasons: str = "",
) -> Review:
    """Send the file back to the company, citing the requirements it misses."""
    _require_assigned_verifier(actor, application)
    if not citations or any(not c.explanation.strip() for c in citations):
        raise DomainError(
            _("Cite at least one published requirement, each with an explanation.")
        )

    old = _move(
        application,
        expected=(ApplicationStatus.IN_VERIFICATION,),
        new=ApplicationStatus.RETURNED,
    )
    review = _record_review(
        actor=actor,
        application=application,
        outcome=ReviewOutcome.RETURNED,
        reasons=reasons,
        citations=citations,
    )
    audit_record(
        actor=actor,
        action=AuditAction.APPLICATION_RETURNED,
        obj=application,
        old_state=old,
        new_state=application.status,
        reason=reasons,
        data={"cited": _cited(citations)},
    )
    _notify(application, operators_of(application), "p2k3/email/returned")
    return review


@transaction.atomic
def application_recommend(
    *,
    actor: User,
    application: Application,
    approve: bool,
    reasons: str,
    citations: list[CitationData] | None = None,
) -> Review:
    """Pass the verified file to the head with a recommendation and its reasons."""
    _require_assigned_verifier(actor, application)
    citations = citations or []
    if not reasons.strip():
        raise DomainError(_("Give the reasons for your recommendation."))
    if not approve and not citations:
        raise DomainError(
            _("A rejection must cite at least one published requirement.")
        )

    old = _move(
        application,
        expected=(ApplicationStatus.IN_VERIFICATION,),
        new=ApplicationStatus.RECOMMENDED,
        queued_at=timezone.now(),
    )
    outcome = (
        ReviewOutcome.RECOMMEND_APPROVAL
        if approve
        else ReviewOutcome.RECOMMEND_REJECTION
    )
    review = _record_review(
        actor=actor,
        application=application,
        outcome=outcome,
        reasons=reasons,
        citations=citations,
    )
    audit_record(
        actor=actor,
        action=AuditAction.APPLICATION_RECOMMENDED,
        obj=application,
        old_state=old,
        new_state=application.status,
        reason=reasons,
        data={"recommendation": outcome.value, "cited": _cited(citations)},
    )
    heads = list(User.objects.filter(role=Role.HEAD, office=application.office))
    _notify(application, heads, "p2k3/email/file_to_decide")
    return review


def _require_independent_head(actor: User, application: Application) -> None:
    """The head of the file's office, who never verified this file."""
    if actor.role != Role.HEAD or actor.office_id != application.office_id:
        raise DomainError(_("Only the head of the office may decide."))
    verified = application.reviews.filter(
        officer=actor, outcome__in=[o.value for o in VERIFIER_OUTCOMES]
    ).exists()
    if verified or application.verifier_id == actor.pk:
        raise DomainError(_("Whoever verified a file can never decide it."))


@transaction.atomic
def application_send_back(
    *, actor: User, application: Application, reasons: str
) -> Review:
    _require_independent_head(actor, application)
    if not reasons.strip():
        raise DomainError(_("Say why the file goes back to the verifier."))

    old = _move(
        application,
        expected=(ApplicationStatus.RECOMMENDED,),
        new=ApplicationStatus.IN_VERIFICATION,
        queued_at=timezone.now(),
    )
    review = _record_review(
        actor=actor,
        application=application,
        outcome=ReviewOutcome.SENT_BACK,
        reasons=reasons,
        citations=[],
    )
    audit_record(
        actor=actor,
        action=AuditAction.APPLICATION_SENT_BACK,
        obj=application,
        old_state=old,
        new_state=application.status,
        reason=reasons,
    )
    verifier = [application.verifier] if application.verifier else []
    _notify(application, verifier, "p2k3/email/sent_back")
    return review


@transaction.atomic
def application_decide(
    *,
    actor: User,
    application: Application,
    approve: bool,
    reasons: str = "",
    citations: list[CitationData] | None = None,
) -> Review:
    """The head's approval or rejection; a rejection cites requirements."""
    _require_independent_head(actor, application)
    citations = citations or []
    if not approve and (not citations or not reasons.strip()):
        raise DomainError(
            _("A rejection needs its reasons and at least one cited requirement.")
        )

    now = timezone.now()
    new = ApplicationStatus.APPROVED if approve else ApplicationStatus.REJECTED
    old = _move(
        application,
        expected=(ApplicationStatus.RECOMMENDED,),
        new=new,
        decided_at=now,
        decided_by=actor,
    )
    review = _record_review(
        actor=actor,
        application=application,
        outcome=ReviewOutcome.APPROVED if approve else ReviewOutcome.REJECTED,
        reasons=reasons,
        citations=citations,
    )
    audit_record(
        actor=actor,
        action=(
            AuditAction.APPLICATION_APPROVED
            if approve
            else AuditAction.APPLICATION_REJECTED
        ),
        obj=application,
        old_state=old,
        new_state=new,
        reason=reasons,
        data={"cited": _cited(citations)},
    )
    _notify(application, operators_of(application), "p2k3/email/decided")
    return review


@transaction.atomic
def application_withdraw(
    *, actor: User, application: Application, reason: str = ""
) -> Application:
    """The company takes its file back before the decision; the record stays."""
    _require_operator(actor, application.company)
    old = _move(
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
        _notify(application, [application.verifier], "p2k3/email/withdrawn")
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
        _require_operator(actor, application.company)
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
    _notify(application, recipients, "p2k3/email/message")
    return message


def operators_of(application: Application) -> list[User]:
    return list(
        User.objects.filter(
            memberships__company=application.company,
            memberships__status=MembershipStatus.ACTIVE,
        )
    )


def _notify(application: Application, users: list[User], template: str) -> None:
    url = absolute_url(reverse("p2k3:detail", args=[application.pk]))
    notify_after_commit(
        users,
        template=template,
        context={"application": application, "url": url},
    )
