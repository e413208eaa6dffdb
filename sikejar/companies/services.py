"""Every change to companies, their operators and their safety experts.

Each function runs in one transaction, checks who acts, appends an audit
event and queues e-mail only after commit. Deciding a join request is a
race two operators can run at once: it updates conditionally on the pending
status and fails cleanly for whoever comes second.
"""

import logging
import re
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from stdnum.id import npwp as stdnum_npwp

from sikejar.accounts.models import Regency, Role, User
from sikejar.companies.models import (
    Company,
    Membership,
    MembershipStatus,
    SafetyExpert,
)
from sikejar.core.errors import DomainError
from sikejar.core.notify import absolute_url, notify_after_commit
from sikejar.core.uploads import sha256_of, validate_pdf
from sikejar.integrity.chain import audit_record
from sikejar.integrity.models import AuditAction

logger = logging.getLogger(__name__)

SCAN_FIELDS = ("certificate_scan", "skp_scan", "licence_scan")

# Profile fields whose values stay out of the audit log: an NPWP of a sole
# proprietor is the owner's NIK, which is personal data.
_PRIVATE_FIELDS = {"npwp"}


@dataclass(frozen=True)
class CompanyData:
    """A company's profile as the operator states it."""

    legal_name: str
    legal_form: str
    nib: str
    npwp: str
    address: str
    regency: Regency
    kbli_codes: list[str]
    risk_level: str
    workers_male: int
    workers_female: int
    workers_foreign: int
    leader_name: str
    leader_title: str


@dataclass(frozen=True)
class ExpertData:
    """A safety expert's particulars, without the scans of their papers."""

    full_name: str
    certificate_number: str
    skp_number: str
    skp_issued_on: date
    skp_expires_on: date
    skp_company_name: str
    licence_number: str
    licence_expires_on: date


def _require_company_user(actor: User) -> None:
    if actor.role != Role.COMPANY or not actor.is_active:
        raise DomainError(_("Only company operators may register or join companies."))


def _require_operator(actor: User, company: Company) -> None:
    is_operator = company.memberships.filter(
        user=actor, status=MembershipStatus.ACTIVE
    ).exists()
    if actor.role != Role.COMPANY or not is_operator:
        raise DomainError(_("Only an operator of this company may do this."))


def _check_profile(data: CompanyData) -> None:
    """The rules every profile keeps, whichever form or command fills it in."""
    if not re.fullmatch(r"\d{13}", data.nib):
        raise DomainError(_("The NIB has exactly 13 digits."))
    if not stdnum_npwp.is_valid(data.npwp) or not data.npwp.isdigit():
        raise DomainError(_("The NPWP is not valid."))
    if not data.kbli_codes or any(
        not re.fullmatch(r"\d{5}", code) for code in data.kbli_codes
    ):
        raise DomainError(_("Give at least one KBLI code of five digits."))
    if data.workers_foreign > data.workers_male + data.workers_female:
        raise DomainError(_("Foreign workers cannot outnumber all workers."))


def _values(data: CompanyData | ExpertData) -> dict[str, Any]:
    """The dataclass as keyword arguments; unlike asdict, it copies no model."""
    return {field.name: getattr(data, field.name) for field in fields(data)}


def _audit_value(value: Any) -> Any:
    if isinstance(value, Regency):
        return value.code
    if isinstance(value, date):
        return value.isoformat()
    return value


@transaction.atomic
def company_register(*, actor: User, data: CompanyData) -> Company:
    """Register a company; its registrant waits for an admin to check the NIB."""
    _require_company_user(actor)
    _check_profile(data)
    if Company.objects.filter(nib=data.nib).exists():
        raise DomainError(
            _("A company with this NIB is already registered; ask to join it instead.")
        )

    company = Company.objects.create(**_values(data))
    membership = Membership.objects.create(
        user=actor, company=company, status=MembershipStatus.PENDING
    )
    audit_record(
        actor=actor,
        action=AuditAction.COMPANY_REGISTERED,
        obj=company,
        data={"nib": company.nib, "legal_name": company.legal_name},
    )
    audit_record(
        actor=actor,
        action=AuditAction.MEMBERSHIP_REQUESTED,
        obj=membership,
        new_state=membership.status,
        data={"company": company.pk, "user": actor.pk},
    )
    _notify_deciders(membership)
    return company


@transaction.atomic
def company_update(*, actor: User, company: Company, data: CompanyData) -> Company:
    """Change the profile; the audit event lists each changed field."""
    _require_operator(actor, company)
    _check_profile(data)
    company = Company.objects.select_for_update().get(pk=company.pk)
    if Company.objects.filter(nib=data.nib).exclude(pk=company.pk).exists():
        raise DomainError(_("Another company is registered with this NIB."))

    changed: dict[str, Any] = {}
    for name, value in _values(data).items():
        old = getattr(company, name)
        if old != value:
            shown = name not in _PRIVATE_FIELDS
            changed[name] = [_audit_value(old), _audit_value(value)] if shown else None
            setattr(company, name, value)
    if not changed:
        return company

    company.save(update_fields=list(changed))
    audit_record(
        actor=actor,
        action=AuditAction.COMPANY_UPDATED,
        obj=company,
        data={"changed": changed},
    )
    return company


@transaction.atomic
def membership_request(*, actor: User, company: Company) -> Membership:
    """Ask to act for a company; its operators (or an admin) decide."""
    _require_company_user(actor)
    membership = (
        Membership.objects.select_for_update()
        .filter(user=actor, company=company)
        .first()
    )
    if membership is not None and membership.status == MembershipStatus.ACTIVE:
        raise DomainError(_("You already act for this company."))
    if membership is not None and membership.status == MembershipStatus.PENDING:
        raise DomainError(_("You have already asked to join this company."))

    old_state = ""
    if membership is None:
        membership = Membership.objects.create(user=actor, company=company)
    else:
        # A refused request may be made again; the refusal stays on record.
        old_state = membership.status
        membership.status = MembershipStatus.PENDING
        membership.requested_at = timezone.now()
        membership.decided_at = membership.decided_by = None
        membership.save(
            update_fields=["status", "requested_at", "decided_at", "decided_by"]
        )
    audit_record(
        actor=actor,
        action=AuditAction.MEMBERSHIP_REQUESTED,
        obj=membership,
        old_state=old_state,
        new_state=membership.status,
        data={"company": company.pk, "user": actor.pk},
    )
    _notify_deciders(membership)
    return membership


def _require_decider(actor: User, membership: Membership) -> None:
    if actor.pk == membership.user_id:
        raise DomainError(_("You cannot decide on your own request."))
    if actor.role == Role.ADMIN and actor.is_active:
        return
    _require_operator(actor, membership.company)


def _decide(
    *, actor: User, membership: Membership, approve: bool, reason: str
) -> Membership:
    _require_decider(actor, membership)
    now = timezone.now()
    new = MembershipStatus.ACTIVE if approve else MembershipStatus.REJECTED
    updated = Membership.objects.filter(
        pk=membership.pk, status=MembershipStatus.PENDING
    ).update(status=new, decided_at=now, decided_by=actor)
    if updated != 1:
        raise DomainError(_("This request has already been decided; reload the page."))

    membership.status, membership.decided_at, membership.decided_by = new, now, actor
    audit_record(
        actor=actor,
        action=(
            AuditAction.MEMBERSHIP_APPROVED
            if approve
            else AuditAction.MEMBERSHIP_REJECTED
        ),
        obj=membership,
        old_state=MembershipStatus.PENDING,
        new_state=new,
        reason=reason,
        data={"company": membership.company_id, "user": membership.user_id},
    )
    url = absolute_url(reverse("companies:list"))
    notify_after_commit(
        [membership.user],
        template="companies/email/membership_decided",
        context={
            "membership": membership,
            "approved": approve,
            "reason": reason,
            "url": url,
        },
    )
    return membership


@transaction.atomic
def membership_approve(
    *, actor: User, membership: Membership, reason: str = ""
) -> Membership:
    """An operator of the company, or an admin who checked the NIB, consents."""
    return _decide(actor=actor, membership=membership, approve=True, reason=reason)


@transaction.atomic
def membership_reject(
    *, actor: User, membership: Membership, reason: str = ""
) -> Membership:
    return _decide(actor=actor, membership=membership, approve=False, reason=reason)


def _notify_deciders(membership: Membership) -> None:
    """Tell whoever may consent: the active operators, or else the admins."""
    operators = list(
        User.objects.filter(
            memberships__company=membership.company_id,
            memberships__status=MembershipStatus.ACTIVE,
        )
    )
    if operators:
        url = reverse("companies:detail", args=[membership.company_id])
    else:
        operators = list(User.objects.filter(role=Role.ADMIN, is_active=True))
        url = (
            reverse("admin:companies_membership_changelist") + "?status__exact=pending"
        )
    notify_after_commit(
        operators,
        template="companies/email/membership_requested",
        context={"membership": membership, "url": absolute_url(url)},
    )


def _check_expert(data: ExpertData, scans: dict[str, UploadedFile | None]) -> None:
    if data.skp_expires_on <= data.skp_issued_on:
        raise DomainError(_("The SKP must expire after the day it was issued."))
    for upload in scans.values():
        if upload is None:
            continue
        try:
            validate_pdf(upload)
        except ValidationError as exc:
            raise DomainError(" ".join(exc.messages)) from exc


def _store_scans(
    expert: SafetyExpert, scans: dict[str, UploadedFile | None]
) -> dict[str, str]:
    """Save the given scans under random names; returns their SHA-256 by field."""
    digests = {}
    for name, upload in scans.items():
        if upload is None:
            continue
        digests[name] = sha256_of(upload)
        getattr(expert, name).save("scan.pdf", upload, save=False)
    return digests


@transaction.atomic
def expert_register(
    *,
    actor: User,
    company: Company,
    data: ExpertData,
    scans: dict[str, UploadedFile | None],
) -> SafetyExpert:
    """Register a safety expert with the scans of all three papers."""
    _require_operator(actor, company)
    if any(scans.get(name) is None for name in SCAN_FIELDS):
        raise DomainError(_("Upload the certificate, the SKP and the licence."))
    _check_expert(data, scans)

    expert = SafetyExpert(company=company, **_values(data))
    digests = _store_scans(expert, scans)
    expert.save()
    audit_record(
        actor=actor,
        action=AuditAction.EXPERT_REGISTERED,
        obj=expert,
        data={
            "company": company.pk,
            "skp_number": expert.skp_number,
            "skp_expires_on": expert.skp_expires_on.isoformat(),
            "scans": digests,
        },
    )
    return expert


@transaction.atomic
def expert_update(
    *,
    actor: User,
    expert: SafetyExpert,
    data: ExpertData,
    scans: dict[str, UploadedFile | None],
) -> SafetyExpert:
    """Change an expert's particulars; a scan not given keeps the old file.

    A replaced scan stays on disk: an application may already cite it.
    """
    _require_operator(actor, expert.company)
    _check_expert(data, scans)
    expert = SafetyExpert.objects.select_for_update().get(pk=expert.pk)

    changed: dict[str, Any] = {}
    for name, value in _values(data).items():
        old = getattr(expert, name)
        if old != value:
            changed[name] = [_audit_value(old), _audit_value(value)]
            setattr(expert, name, value)
    digests = _store_scans(expert, scans)
    if not changed and not digests:
        return expert

    expert.save(update_fields=[*changed, *digests])
    audit_record(
        actor=actor,
        action=AuditAction.EXPERT_UPDATED,
        obj=expert,
        data={"changed": changed, "scans": digests},
    )
    return expert
