"""Read queries behind the company's pages: each a fixed number of queries."""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _

from sikejar.accounts.models import Role, User
from sikejar.companies.models import Company, MembershipStatus
from sikejar.integrity.models import AuditAction, AuditEvent
from sikejar.p2k3.models import (
    Application,
    ApplicationDocument,
    Citation,
    CommitteeMember,
    Message,
    Requirement,
    Review,
    ReviewOutcome,
)

_SUBMISSIONS = (AuditAction.APPLICATION_SUBMITTED, AuditAction.APPLICATION_RESUBMITTED)
# Openings, downloads and out-of-turn reasons have pages of their own, for
# the company and the inspectorate respectively; the history is the acts.
_NOT_IN_HISTORY = (
    AuditAction.FILE_VIEWED,
    AuditAction.DOCUMENT_DOWNLOADED,
    AuditAction.APPLICATION_TAKEN_OUT_OF_TURN,
)


def operated_company(user: User, pk: int) -> Company | None:
    """The company if the user is one of its active operators."""
    return Company.objects.filter(
        pk=pk, memberships__user=user, memberships__status=MembershipStatus.ACTIVE
    ).first()


def committee_members(application: Application) -> list[CommitteeMember]:
    return list(application.members.select_related("expert"))


def current_documents(application: Application) -> list[ApplicationDocument]:
    return list(
        application.documents.filter(is_current=True).select_related("requirement")
    )


@dataclass(frozen=True)
class DocumentSlot:
    """A requirement that takes a PDF, with the version uploaded for it if any."""

    requirement: Requirement
    document: ApplicationDocument | None


def document_slots(application: Application) -> list[DocumentSlot]:
    current = {d.requirement_id: d for d in current_documents(application)}
    requirements = Requirement.objects.filter(is_active=True, needs_document=True)
    return [DocumentSlot(r, current.get(r.pk)) for r in requirements]


def latest_review(application: Application, *outcomes: ReviewOutcome) -> Review | None:
    """The newest review of these outcomes, with its cited requirements."""
    citations = Prefetch(
        "citations",
        queryset=Citation.objects.select_related("requirement").order_by(
            "requirement__order", "requirement__code"
        ),
    )
    return (
        application.reviews.filter(outcome__in=[o.value for o in outcomes])
        .prefetch_related(citations)
        .order_by("-created_at", "-pk")
        .first()
    )


def thread(application: Application) -> QuerySet[Message]:
    return application.messages.select_related("author")


def _events(application: Application) -> QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(
        object_type=Application._meta.label_lower, object_id=str(application.pk)
    )


@dataclass
class TimelineEntry:
    at: datetime
    label: str
    role: str
    actor: User | None
    reason: str = ""
    detail: str = ""
    times: int = 1


def _role_label(role: str) -> str:
    if role in Role.values:
        return str(Role(role).label)
    return _("System")


def application_timeline(application: Application) -> list[TimelineEntry]:
    """The file's history from its audit events, oldest first.

    Runs of draft saves collapse into one entry, so that a company saving
    every few minutes does not bury the acts that matter.
    """
    titles = dict(Requirement.objects.values_list("code", "title"))
    entries: list[TimelineEntry] = []
    previous: AuditEvent | None = None
    history = _events(application).exclude(action__in=_NOT_IN_HISTORY)
    for event in history.select_related("actor").order_by("seq"):
        if (
            previous is not None
            and event.action == previous.action == AuditAction.APPLICATION_UPDATED
            and event.actor_id == previous.actor_id
        ):
            entries[-1].at = event.created_at
            entries[-1].times += 1
            continue
        entries.append(
            TimelineEntry(
                at=event.created_at,
                label=event.get_action_display(),
                role=_role_label(event.actor_role),
                actor=event.actor,
                reason=event.reason,
                detail=titles.get(str(event.data.get("requirement", "")), ""),
            )
        )
        previous = event
    return entries


@dataclass(frozen=True)
class SubmittedDocument:
    title: str
    name: str
    sha256: str
    size: int | None


@dataclass(frozen=True)
class Submission:
    """What the company sent at its latest (re)submission: the receipt's content."""

    at: datetime
    resubmission: bool
    documents: list[SubmittedDocument] = field(default_factory=list)


def _order_of(requirement: Requirement | None) -> int:
    return requirement.order if requirement else 0


def latest_submission(application: Application) -> Submission | None:
    """Read from the audit event, so the receipt lists exactly what was sent."""
    event = (
        _events(application).filter(action__in=_SUBMISSIONS).order_by("-seq").first()
    )
    if event is None:
        return None
    sent: dict[str, str] = event.data.get("documents", {})
    uploads = {
        (d.requirement.code, d.sha256): d
        for d in application.documents.select_related("requirement").order_by(
            "uploaded_at"
        )
    }
    requirements = {r.code: r for r in Requirement.objects.filter(code__in=sent)}
    documents = []
    for code in sorted(sent, key=lambda c: (_order_of(requirements.get(c)), c)):
        upload = uploads.get((code, sent[code]))
        requirement = requirements.get(code)
        documents.append(
            SubmittedDocument(
                title=requirement.title if requirement else code,
                name=upload.original_name if upload else "",
                sha256=sent[code],
                size=upload.size if upload else None,
            )
        )
    return Submission(
        at=event.created_at,
        resubmission=event.action == AuditAction.APPLICATION_RESUBMITTED,
        documents=documents,
    )
