"""Issuing, replacing and cancelling decrees, and installing signers' keys.

Issuing takes the office's next number under a row lock, renders, signs and
stores the decree in the transaction of the head's approval: either all of
it happens, or none of it, and no number is lost.
"""

import hashlib
import logging
import secrets

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from sikejar.accounts.mfa import totp_verify
from sikejar.accounts.models import Role, User
from sikejar.companies.models import Company
from sikejar.core.errors import DomainError
from sikejar.core.notify import absolute_url, notify_after_commit
from sikejar.decrees.content import decree_content
from sikejar.decrees.models import (
    Decree,
    DecreeCounter,
    DecreeStatus,
    SignerCertificate,
)
from sikejar.decrees.render import decree_render
from sikejar.decrees.signing import certificate_info, load_signer, sign_pdf
from sikejar.integrity.chain import audit_record
from sikejar.integrity.models import AuditAction
from sikejar.integrity.tasks import sign_checkpoint
from sikejar.p2k3 import services as p2k3_services
from sikejar.p2k3.models import (
    OPEN_STATUSES,
    Application,
    ApplicationKind,
    ApplicationStatus,
)

logger = logging.getLogger(__name__)


@transaction.atomic
def signer_install(
    *, actor: User | None, signer: User, archive: bytes, password: str
) -> SignerCertificate:
    """Store a head's PKCS#12 archive after checking that the password opens it."""
    if signer.role != Role.HEAD:
        raise DomainError(_("Only a head of office signs decrees."))
    info = certificate_info(archive, password)

    certificate, _created = SignerCertificate.objects.update_or_create(
        user=signer,
        defaults={
            "pkcs12": archive,
            "subject": info.subject,
            "fingerprint": info.fingerprint,
            "not_after": info.not_after,
        },
    )
    audit_record(
        actor=actor,
        action=AuditAction.SIGNER_INSTALLED,
        obj=certificate,
        data={"subject": info.subject, "fingerprint": info.fingerprint},
    )
    return certificate


def in_force_decree(company: Company) -> Decree | None:
    return (
        Decree.objects.select_for_update()
        .filter(application__company=company, status=DecreeStatus.IN_FORCE)
        .first()
    )


def _next_number(application: Application, year: int) -> tuple[int, str]:
    """The office's next serial for the year; the row lock makes it gapless."""
    counter, _created = DecreeCounter.objects.select_for_update().get_or_create(
        office=application.office, year=year
    )
    counter.last_serial += 1
    counter.save(update_fields=["last_serial"])
    number = settings.SIKEJAR_DECREE_NUMBER_FORMAT.format(
        serial=counter.last_serial, year=year
    )
    return counter.last_serial, number


def _signed_pdf(content: dict[str, object], actor: User, password: str) -> bytes:
    certificate = SignerCertificate.objects.filter(user=actor).first()
    if certificate is None:
        raise DomainError(_("You have no signing certificate installed."))
    signer = load_signer(bytes(certificate.pkcs12), password)
    return sign_pdf(
        decree_render(content),
        signer,
        name=actor.full_name,
        reason="Pengesahan P2K3",
        location=str(content["place"]),
    )


@transaction.atomic
def decree_issue(
    *,
    actor: User,
    application: Application,
    password: str,
    totp_code: str,
    note: str = "",
) -> Decree:
    """Approve the file and issue its signed decree, confirmed by a second factor."""
    if not totp_verify(actor, totp_code):
        raise DomainError(_("The authenticator code is wrong or was already used."))
    previous = in_force_decree(application.company)
    if application.kind == ApplicationKind.AMENDMENT and previous is None:
        raise DomainError(_("An amendment needs a decree in force to replace."))
    if application.kind == ApplicationKind.NEW and previous is not None:
        raise DomainError(
            _("The company already has a decree in force; it needs an amendment.")
        )
    p2k3_services.application_decide(
        actor=actor, application=application, approve=True, reasons=note
    )

    now = timezone.now()
    serial, number = _next_number(application, timezone.localdate(now).year)
    code = secrets.token_urlsafe(24)
    content = decree_content(
        application=application,
        signer=actor,
        number=number,
        verify_url=absolute_url(reverse("decrees:verify", args=[code])),
        issued_on=timezone.localdate(now),
        revokes=previous.number if previous else None,
    )
    signed = _signed_pdf(content, actor, password)
    decree = Decree(
        application=application,
        office=application.office,
        year=timezone.localdate(now).year,
        serial=serial,
        number=number,
        code=code,
        issued_at=now,
        signed_by=actor,
        content=content,
        sha256=hashlib.sha256(signed).hexdigest(),
        replaces=previous,
    )
    decree.file.save("decree.pdf", ContentFile(signed), save=False)
    decree.save()
    if previous is not None:
        _replace(actor=actor, previous=previous, by=decree)
    audit_record(
        actor=actor,
        action=AuditAction.DECREE_ISSUED,
        obj=decree,
        new_state=decree.status,
        data={"number": number, "sha256": decree.sha256, "application": application.pk},
    )
    _notify_company(decree, "decrees/email/issued")
    # Every decree is vouched for by a signed checkpoint as soon as it exists.
    transaction.on_commit(sign_checkpoint.delay)
    return decree


def _replace(*, actor: User, previous: Decree, by: Decree) -> None:
    updated = Decree.objects.filter(
        pk=previous.pk, status=DecreeStatus.IN_FORCE
    ).update(status=DecreeStatus.REPLACED)
    if updated != 1:
        raise DomainError(_("The decree to replace is no longer in force."))
    audit_record(
        actor=actor,
        action=AuditAction.DECREE_REPLACED,
        obj=previous,
        old_state=DecreeStatus.IN_FORCE,
        new_state=DecreeStatus.REPLACED,
        data={"replaced_by": by.number},
    )


@transaction.atomic
def decree_cancel(*, actor: User, decree: Decree, reason: str) -> Decree:
    """Cancel a decree whose data proved wrong; it stays public, marked cancelled."""
    if actor.role != Role.HEAD or actor.office_id != decree.office_id:
        raise DomainError(_("Only the head of the office may cancel a decree."))
    if not reason.strip():
        raise DomainError(_("Give the reason for the cancellation."))

    now = timezone.now()
    updated = Decree.objects.filter(pk=decree.pk, status=DecreeStatus.IN_FORCE).update(
        status=DecreeStatus.CANCELLED, cancelled_at=now, cancel_reason=reason
    )
    if updated != 1:
        raise DomainError(_("Only a decree in force can be cancelled."))
    decree.refresh_from_db()
    audit_record(
        actor=actor,
        action=AuditAction.DECREE_CANCELLED,
        obj=decree,
        old_state=DecreeStatus.IN_FORCE,
        new_state=DecreeStatus.CANCELLED,
        reason=reason,
    )
    _notify_company(decree, "decrees/email/cancelled")
    return decree


def _refuse_second_file(company: Company) -> None:
    in_progress = company.applications.filter(
        status__in=(ApplicationStatus.DRAFT, *OPEN_STATUSES)
    )
    if in_progress.exists():
        raise DomainError(
            _(
                "An application of this company is in progress; finish or "
                "withdraw it first."
            )
        )


@transaction.atomic
def application_start(*, actor: User, company: Company) -> Application:
    """A new application, unless a decree is in force (that needs an amendment).

    Lives here rather than in p2k3 because only decrees know what is in force.
    """
    if in_force_decree(company) is not None:
        raise DomainError(
            _("The company already has a decree in force; apply for an amendment.")
        )
    _refuse_second_file(company)
    return p2k3_services.application_create(actor=actor, company=company)


@transaction.atomic
def amendment_start(*, actor: User, company: Company) -> Application:
    """A new "amendment" file, prefilled from the committee of the decree in force."""
    current = in_force_decree(company)
    if current is None:
        raise DomainError(_("Only a company with a decree in force can amend it."))
    _refuse_second_file(company)

    application = p2k3_services.application_create(
        actor=actor, company=company, kind=ApplicationKind.AMENDMENT
    )
    members = [
        p2k3_services.MemberData(
            m.full_name, m.role, m.element, m.position, m.expert_id
        )
        for m in current.application.members.all()
    ]
    return p2k3_services.application_save_draft(
        actor=actor,
        application=application,
        request_letter_number="",
        request_letter_date=None,
        members=members,
    )


def _notify_company(decree: Decree, template: str) -> None:
    operators = p2k3_services.operators_of(decree.application)
    url = absolute_url(reverse("p2k3:detail", args=[decree.application_id]))
    notify_after_commit(
        operators, template=template, context={"decree": decree, "url": url}
    )
