"""The company drafts a file: create, save the committee, upload documents."""

import secrets
from datetime import date

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sikejar.accounts.models import Office, User
from sikejar.companies.models import Company
from sikejar.core.errors import DomainError
from sikejar.core.uploads import sha256_of, validate_pdf
from sikejar.integrity.chain import audit_record
from sikejar.integrity.models import AuditAction
from sikejar.p2k3.models import (
    Application,
    ApplicationDocument,
    ApplicationKind,
    CommitteeMember,
    Requirement,
    RuleVersion,
)
from sikejar.p2k3.services.common import (
    MemberData,
    require_operator,
)

_TRACKING_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U.


def _new_tracking_number() -> str:
    """Random, so that a tracking number tells nothing about other files."""
    suffix = "".join(secrets.choice(_TRACKING_ALPHABET) for _ in range(8))
    return f"P2K3-{timezone.localdate():%Y}-{suffix}"


def _office_for(company: Company) -> Office:
    office = Office.objects.filter(regencies=company.regency).first()
    if office is None:
        raise DomainError(_("No labour office serves this company's regency yet."))
    return office


@transaction.atomic
def application_create(
    *, actor: User, company: Company, kind: str = ApplicationKind.NEW
) -> Application:
    require_operator(actor, company)
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
    require_operator(actor, application.company)
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
    require_operator(actor, application.company)
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
