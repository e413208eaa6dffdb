"""Read queries of the company pages, each a fixed number of queries."""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db.models import QuerySet

from sikejar.accounts.models import User
from sikejar.companies.models import (
    Company,
    Membership,
    MembershipStatus,
    SafetyExpert,
)


def memberships_of(user: User) -> QuerySet[Membership]:
    """The user's companies and requests, active ones first."""
    return (
        Membership.objects.filter(user=user)
        .select_related("company", "company__regency")
        .order_by("status", "company__legal_name")
    )


def operators_of(company_pk: int) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(company_id=company_pk, status=MembershipStatus.ACTIVE)
        .select_related("user")
        .order_by("user__full_name", "user__email")
    )


def pending_requests_of(company_pk: int) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(
            company_id=company_pk, status=MembershipStatus.PENDING
        )
        .select_related("user")
        .order_by("requested_at")
    )


@dataclass(frozen=True)
class ExpertStanding:
    """A safety expert and how close their SKP is to lapsing on a given day."""

    expert: SafetyExpert
    skp_days_left: int
    warning_days: int | None
    licence_expired: bool

    @property
    def skp_expired(self) -> bool:
        return self.skp_days_left < 0


def expert_standings(company: Company, today: date) -> list[ExpertStanding]:
    """Each expert with the narrowest SKP warning window they are inside.

    The windows are ``SIKEJAR_SKP_WARNING_DAYS`` (90 and 30 days by
    default): an SKP 20 days from expiry is inside the 30-day window.
    """
    windows = sorted(settings.SIKEJAR_SKP_WARNING_DAYS)
    standings = []
    experts = SafetyExpert.objects.filter(company=company).order_by("full_name", "pk")
    for expert in experts:
        expert.company = company  # Spares a query per expert for skp_names_company.
        days_left = (expert.skp_expires_on - today).days
        inside = [days for days in windows if 0 <= days_left <= days]
        standings.append(
            ExpertStanding(
                expert=expert,
                skp_days_left=days_left,
                warning_days=inside[0] if inside else None,
                licence_expired=expert.licence_expires_on < today,
            )
        )
    return standings
