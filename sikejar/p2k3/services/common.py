"""What every workflow service shares: the guarded move, operators, e-mail."""

from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from sikejar.accounts.models import Role, User
from sikejar.companies.models import Company, MembershipStatus
from sikejar.core.errors import DomainError
from sikejar.core.notify import absolute_url, notify_after_commit
from sikejar.p2k3.models import (
    Application,
    ApplicationStatus,
    Requirement,
)


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


def require_operator(actor: User, company: Company) -> None:
    is_operator = company.memberships.filter(
        user=actor, status=MembershipStatus.ACTIVE
    ).exists()
    if actor.role != Role.COMPANY or not is_operator:
        raise DomainError(_("Only an operator of this company may do this."))


def move_status(
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


def operators_of(application: Application) -> list[User]:
    return list(
        User.objects.filter(
            memberships__company=application.company,
            memberships__status=MembershipStatus.ACTIVE,
        )
    )


def notify_file(application: Application, users: list[User], template: str) -> None:
    url = absolute_url(reverse("p2k3:detail", args=[application.pk]))
    notify_after_commit(
        users,
        template=template,
        context={"application": application, "url": url},
    )
