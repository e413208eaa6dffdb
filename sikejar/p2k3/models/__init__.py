"""The P2K3 service's models, one module per concern."""

from sikejar.p2k3.models.application import (
    OPEN_STATUSES,
    Application,
    ApplicationDocument,
    ApplicationKind,
    ApplicationStatus,
    CommitteeMember,
    CommitteeRole,
    Element,
)
from sikejar.p2k3.models.fairness import ConflictOfInterest, ReassignReason
from sikejar.p2k3.models.review import (
    VERIFIER_OUTCOMES,
    Citation,
    Message,
    Review,
    ReviewOutcome,
)
from sikejar.p2k3.models.rules import Requirement, RuleVersion

__all__ = [
    "OPEN_STATUSES",
    "VERIFIER_OUTCOMES",
    "Application",
    "ApplicationDocument",
    "ApplicationKind",
    "ApplicationStatus",
    "Citation",
    "CommitteeMember",
    "CommitteeRole",
    "ConflictOfInterest",
    "Element",
    "Message",
    "ReassignReason",
    "Requirement",
    "Review",
    "ReviewOutcome",
    "RuleVersion",
]
