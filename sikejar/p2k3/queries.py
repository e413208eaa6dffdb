"""Read queries behind the officers' queues, the file pages and the home pages.

Each list is fetched with its related rows up front, so a page costs the
same few queries whatever the number of files on it; the tests pin those
counts. The company's own reads live in ``selectors``.
"""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, QuerySet

from sikejar.accounts.models import User
from sikejar.companies.models import Membership, MembershipStatus
from sikejar.p2k3.models import (
    OPEN_STATUSES,
    Application,
    ApplicationDocument,
    ApplicationStatus,
    CommitteeMember,
    Requirement,
    Review,
    ReviewOutcome,
)

# The inspectorate's overview lists at most this many open files, oldest first.
OVERVIEW_LIMIT = 50

_RECOMMENDATIONS = (
    ReviewOutcome.RECOMMEND_APPROVAL,
    ReviewOutcome.RECOMMEND_REJECTION,
)


def verifier_queue(verifier: User) -> QuerySet[Application]:
    """The files waiting for this verifier, first in, first out."""
    return (
        Application.objects.filter(
            verifier=verifier, status=ApplicationStatus.IN_VERIFICATION
        )
        .select_related("company")
        .order_by("queued_at", "pk")
    )


def verifier_returned(verifier: User) -> QuerySet[Application]:
    """Files this verifier returned, waiting for the company's corrections."""
    return (
        Application.objects.filter(verifier=verifier, status=ApplicationStatus.RETURNED)
        .select_related("company")
        .order_by("updated_at", "pk")
    )


def _with_recommendation(
    applications: QuerySet[Application],
) -> QuerySet[Application]:
    """Attach ``recommendations``: the verifier's recommendations, newest first."""
    return applications.prefetch_related(
        Prefetch(
            "reviews",
            queryset=Review.objects.filter(outcome__in=_RECOMMENDATIONS)
            .select_related("officer")
            .order_by("-created_at", "-pk"),
            to_attr="recommendations",
        )
    )


def files_to_decide(head: User) -> QuerySet[Application]:
    """Recommended files of the head's office, oldest recommendation first."""
    applications = (
        Application.objects.filter(
            office=head.office, status=ApplicationStatus.RECOMMENDED
        )
        .select_related("company", "verifier")
        .order_by("queued_at", "pk")
    )
    return _with_recommendation(applications)


@dataclass(frozen=True)
class StatusCount:
    status: ApplicationStatus
    count: int


def office_open_counts(officer: User) -> list[StatusCount]:
    """How many of the office's files wait in each open status, zeros included."""
    counts: dict[str, int] = dict(
        Application.objects.filter(office=officer.office, status__in=OPEN_STATUSES)
        .values_list("status")
        .annotate(files=Count("pk"))
        .order_by()
    )
    return [StatusCount(status, counts.get(status, 0)) for status in OPEN_STATUSES]


def office_open_files(officer: User) -> QuerySet[Application]:
    """The office's oldest open files, with who holds each."""
    return (
        Application.objects.filter(office=officer.office, status__in=OPEN_STATUSES)
        .select_related("company", "verifier")
        .order_by("queued_at", "pk")[:OVERVIEW_LIMIT]
    )


def operator_memberships(user: User) -> QuerySet[Membership]:
    """The companies the user acts for or asked to join, refusals left out."""
    return (
        Membership.objects.filter(user=user)
        .exclude(status=MembershipStatus.REJECTED)
        .select_related("company")
        .order_by("company__legal_name", "pk")
    )


def operator_applications(user: User) -> QuerySet[Application]:
    """Every application of the user's companies, most recently changed first."""
    return (
        Application.objects.filter(
            company__memberships__user=user,
            company__memberships__status=MembershipStatus.ACTIVE,
        )
        .select_related("company")
        .order_by("-updated_at", "-pk")
    )


def checklist() -> list[Requirement]:
    """The published requirements an officer checks, in their published order."""
    return list(Requirement.objects.filter(is_active=True))


def current_documents(application: Application) -> dict[int, ApplicationDocument]:
    """The company's current upload for each requirement, by requirement id."""
    documents = application.documents.filter(is_current=True)
    return {document.requirement_id: document for document in documents}


def committee_members(application: Application) -> list[CommitteeMember]:
    return list(application.members.select_related("expert"))


def review_history(application: Application) -> list[Review]:
    """Every officer's act on the file, oldest first, with what each cited."""
    return list(
        application.reviews.select_related("officer").prefetch_related(
            "citations__requirement"
        )
    )


def latest_recommendation(application: Application) -> Review | None:
    """The verifier's recommendation the head decides on."""
    return (
        application.reviews.filter(outcome__in=_RECOMMENDATIONS)
        .select_related("officer")
        .prefetch_related("citations__requirement")
        .order_by("-created_at", "-pk")
        .first()
    )
