"""The officers' acts: return, recommend, send back and decide."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sikejar.accounts.models import Role, User
from sikejar.core.errors import DomainError
from sikejar.integrity.chain import audit_record
from sikejar.integrity.models import AuditAction
from sikejar.p2k3.models import (
    VERIFIER_OUTCOMES,
    Application,
    ApplicationStatus,
    Citation,
    ConflictOfInterest,
    Review,
    ReviewOutcome,
)
from sikejar.p2k3.services.common import (
    CitationData,
    move_status,
    notify_file,
    operators_of,
)


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

    old = move_status(
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
    notify_file(application, operators_of(application), "p2k3/email/returned")
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

    old = move_status(
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
    notify_file(application, heads, "p2k3/email/file_to_decide")
    return review


def _require_independent_head(actor: User, application: Application) -> None:
    """The head of the file's office, who never verified it and has no conflict."""
    if actor.role != Role.HEAD or actor.office_id != application.office_id:
        raise DomainError(_("Only the head of the office may decide."))
    verified = application.reviews.filter(
        officer=actor, outcome__in=[o.value for o in VERIFIER_OUTCOMES]
    ).exists()
    if verified or application.verifier_id == actor.pk:
        raise DomainError(_("Whoever verified a file can never decide it."))
    conflicted = ConflictOfInterest.objects.filter(
        officer=actor, company_id=application.company_id
    ).exists()
    if conflicted:
        raise DomainError(
            _(
                "You declared a conflict of interest with this company; another "
                "head of office must decide."
            )
        )


@transaction.atomic
def application_send_back(
    *, actor: User, application: Application, reasons: str
) -> Review:
    _require_independent_head(actor, application)
    if not reasons.strip():
        raise DomainError(_("Say why the file goes back to the verifier."))

    old = move_status(
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
    notify_file(application, verifier, "p2k3/email/sent_back")
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
    old = move_status(
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
    notify_file(application, operators_of(application), "p2k3/email/decided")
    return review
