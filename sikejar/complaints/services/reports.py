"""Filing an integrity report, following it up by code, and the inspectorate's reply.

An anonymous report must not lead back to its sender: these functions
take no request, write no log line about who sent it, and record the act
with no actor. The follow-up code is returned once and only its SHA-256
is kept.
"""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import date

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from sikejar.accounts.models import Office, Role, User
from sikejar.complaints.models import EntryAuthor, Report, ReportEntry, ReportStatus
from sikejar.complaints.services.reassignment import application_reassign_away
from sikejar.core.errors import DomainError
from sikejar.core.notify import absolute_url, notify_after_commit
from sikejar.core.uploads import sha256_of, validate_pdf
from sikejar.integrity.chain import audit_record
from sikejar.integrity.models import AuditAction
from sikejar.p2k3.models import Application
from sikejar.p2k3.services.common import require_operator

# 16 random bytes: 128 bits, 22 URL-safe characters.
CODE_BYTES = 16


@dataclass(frozen=True)
class ReportFacts:
    """What the sender tells: the same on the public page and inside a file."""

    what_happened: str
    happened_on: date
    place: str
    amount_asked: int | None = None
    who_asked: str = ""
    evidence: UploadedFile | None = None


@dataclass(frozen=True)
class Filed:
    """A new report and its follow-up code, which exists nowhere else."""

    report: Report
    code: str


def code_digest(code: str) -> str:
    return hashlib.sha256(code.strip().encode()).hexdigest()


def _check(facts: ReportFacts) -> None:
    if not facts.what_happened.strip():
        raise DomainError(_("Tell what happened."))
    if facts.happened_on > timezone.localdate():
        raise DomainError(_("The date cannot be in the future."))
    if facts.evidence is not None:
        validate_pdf(facts.evidence)


def _create(facts: ReportFacts, office: Office, **sender: object) -> Filed:
    code = secrets.token_urlsafe(CODE_BYTES)
    report = Report(
        office=office,
        what_happened=facts.what_happened.strip(),
        happened_on=facts.happened_on,
        place=facts.place.strip(),
        amount_asked=facts.amount_asked,
        who_asked=facts.who_asked.strip(),
        code_hash=code_digest(code),
        **sender,
    )
    if facts.evidence is not None:
        report.evidence_sha256 = sha256_of(facts.evidence)
        # The sender's file name may carry their name; it is not kept.
        report.evidence.save("evidence.pdf", facts.evidence, save=False)
    report.save(force_insert=True)
    return Filed(report, code)


def _inspectors(office_id: int) -> list[User]:
    return list(
        User.objects.filter(role=Role.INSPECTORATE, office_id=office_id, is_active=True)
    )


def _tell_inspectorate(report: Report, template: str) -> None:
    url = absolute_url(reverse("complaints:detail", args=[report.pk]))
    notify_after_commit(
        _inspectors(report.office_id), template=template, context={"url": url}
    )


def _record_filing(filed: Filed, *, actor: User | None) -> None:
    """Put the filing on the record; an anonymous sender is no actor."""
    audit_record(
        actor=actor,
        action=AuditAction.REPORT_FILED,
        obj=filed.report,
        new_state=filed.report.status,
    )
    _tell_inspectorate(filed.report, "complaints/email/report_filed")


@transaction.atomic
def report_file_anonymously(*, office: Office, facts: ReportFacts) -> Filed:
    """A report that stores nothing about its sender; the actor is nobody."""
    _check(facts)
    filed = _create(facts, office, is_anonymous=True)
    _record_filing(filed, actor=None)
    return filed


@transaction.atomic
def report_file_named(
    *,
    actor: User | None,
    office: Office,
    facts: ReportFacts,
    name: str = "",
    contact: str = "",
) -> Filed:
    """A report whose sender gives a name and a way to reach them.

    A signed-in sender's account is kept with it; anyone else must give a name.
    """
    _check(facts)
    if actor is None and not name.strip():
        raise DomainError(_("Give your name, or choose to stay anonymous."))
    filed = _create(
        facts,
        office,
        is_anonymous=False,
        reporter=actor,
        reporter_name=name.strip(),
        reporter_contact=contact.strip(),
    )
    _record_filing(filed, actor=actor)
    return filed


@transaction.atomic
def report_file_from_application(
    *, actor: User, application: Application, facts: ReportFacts
) -> Filed:
    """A company's report on its own file, which then moves to another verifier.

    The reported officer is not told: the move is recorded as a plain
    reassignment by the system, and nobody but the new verifier is e-mailed.
    """
    require_operator(actor, application.company)
    _check(facts)

    officer = application.verifier
    moved_to = application_reassign_away(application=application)
    filed = _create(
        facts,
        application.office,
        is_anonymous=False,
        reporter=actor,
        application=application,
        officer_at_filing=officer,
        file_reassigned=moved_to is not None,
    )
    _record_filing(filed, actor=actor)
    return filed


def _add_entry(
    report: Report, author: EntryAuthor, body: str, officer: User | None = None
) -> ReportEntry:
    body = body.strip()
    if not body:
        raise DomainError(_("The text is empty."))
    return ReportEntry.objects.create(
        report=report, author=author, officer=officer, body=body
    )


def _locked(report: Report) -> Report:
    """The report read afresh and held, so a reply and an addition queue up."""
    return Report.objects.select_for_update().get(pk=report.pk)


@transaction.atomic
def report_add_information(*, report: Report, body: str) -> ReportEntry:
    """The sender, holding the code, adds to the report; a handled one reopens.

    The code is the only credential, so the act has no actor even when the
    sender is signed in.
    """
    report = _locked(report)
    entry = _add_entry(report, EntryAuthor.SENDER, body)
    old = report.status
    if old == ReportStatus.HANDLED:
        report.status, report.handled_at = ReportStatus.OPEN, None
        report.save(update_fields=["status", "handled_at"])
    audit_record(
        actor=None,
        action=AuditAction.REPORT_UPDATED,
        obj=report,
        old_state=old,
        new_state=report.status,
        data={"entry": entry.pk},
    )
    _tell_inspectorate(report, "complaints/email/report_added")
    return entry


@transaction.atomic
def report_reply(
    *, actor: User, report: Report, body: str, handled: bool
) -> ReportEntry:
    """The inspectorate answers the sender, and may mark the report handled."""
    if actor.role != Role.INSPECTORATE or actor.office_id != report.office_id:
        raise DomainError(_("Only the inspectorate of the office may reply."))
    report = _locked(report)
    entry = _add_entry(report, EntryAuthor.INSPECTORATE, body, officer=actor)

    old = report.status
    new = ReportStatus.HANDLED if handled else ReportStatus.OPEN
    if new != old:
        report.status = new
        report.handled_at = timezone.now() if handled else None
        report.save(update_fields=["status", "handled_at"])
    audit_record(
        actor=actor,
        action=AuditAction.REPORT_UPDATED,
        obj=report,
        old_state=old,
        new_state=new,
        data={"entry": entry.pk},
    )
    if report.reporter is not None:
        url = absolute_url(reverse("complaints:follow_up"))
        notify_after_commit(
            [report.reporter],
            template="complaints/email/report_replied",
            context={"url": url},
        )
    return entry
