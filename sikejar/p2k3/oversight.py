"""Read queries behind the fair queue and the record of who opened a file.

Each officer works one queue, oldest first: the verifier the files in
verification assigned to them, the head of office the recommended files
they may decide. Taking another file than the first needs a reason, given
once per stay of the file in the queue (since its ``queued_at``). The acts
themselves are audit events; these functions read them back.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from django.db.models import CharField, Exists, OuterRef, QuerySet
from django.db.models.functions import Cast
from django.utils.translation import gettext as _

from sikejar.accounts.models import Office, Role, User
from sikejar.integrity.models import AuditAction, AuditEvent
from sikejar.p2k3.models import (
    VERIFIER_OUTCOMES,
    Application,
    ApplicationStatus,
    ConflictOfInterest,
    Requirement,
    Review,
)

APPLICATION_TYPE = Application._meta.label_lower
VIEW_ACTIONS = (AuditAction.FILE_VIEWED, AuditAction.DOCUMENT_DOWNLOADED)


def _head_queue(head: User, office_id: int) -> QuerySet[Application]:
    """Recommended files of the office that this head may decide."""
    verified = Review.objects.filter(
        application=OuterRef("pk"),
        officer=head,
        outcome__in=[o.value for o in VERIFIER_OUTCOMES],
    )
    conflicts = ConflictOfInterest.objects.filter(officer=head).values("company_id")
    return (
        Application.objects.filter(
            office_id=office_id, status=ApplicationStatus.RECOMMENDED
        )
        .exclude(verifier=head)
        .exclude(company_id__in=conflicts)
        .exclude(Exists(verified))
    )


def turn_queue(officer: User) -> QuerySet[Application]:
    """The files this officer takes in turn, oldest first; none for other roles."""
    if officer.role == Role.VERIFIER:
        files = Application.objects.filter(
            verifier=officer, status=ApplicationStatus.IN_VERIFICATION
        )
    elif officer.role == Role.HEAD and officer.office_id is not None:
        files = _head_queue(officer, officer.office_id)
    else:
        files = Application.objects.none()
    return files.order_by("queued_at", "pk")


def next_in_turn(officer: User) -> Application | None:
    return turn_queue(officer).select_related("company").first()


def skipped_by(officer: User, application: Application) -> Application | None:
    """The file ahead of ``application`` in the officer's queue; None when in turn."""
    first = next_in_turn(officer)
    if first is None or first.pk == application.pk:
        return None
    return first


def turn_reason_given(officer: User, application: Application) -> bool:
    """Whether the officer gave a reason for this file since it joined the queue."""
    return AuditEvent.objects.filter(
        object_type=APPLICATION_TYPE,
        object_id=str(application.pk),
        action=AuditAction.APPLICATION_TAKEN_OUT_OF_TURN,
        actor=officer,
        created_at__gte=application.queued_at,
    ).exists()


def may_take(officer: User, application: Application) -> bool:
    """In turn, or taken out of turn with a recorded reason."""
    return skipped_by(officer, application) is None or turn_reason_given(
        officer, application
    )


@dataclass(frozen=True)
class OutOfTurn:
    """One file taken out of turn, as the inspectorate reads it."""

    at: datetime
    officer: User | None
    role: str
    application: Application | None
    skipped: Application | None
    skipped_number: str
    reason: str


def _office_keys(office: Office) -> QuerySet[Application, str]:
    """The office's files' keys as the audit log stores them, for a subquery."""
    return (
        Application.objects.filter(office=office)
        .annotate(key=Cast("pk", CharField()))
        .values_list("key", flat=True)
    )


def out_of_turn_events(office: Office) -> QuerySet[AuditEvent]:
    """The office's out-of-turn acts, newest first."""
    return (
        AuditEvent.objects.filter(
            action=AuditAction.APPLICATION_TAKEN_OUT_OF_TURN,
            object_type=APPLICATION_TYPE,
            object_id__in=_office_keys(office),
        )
        .select_related("actor")
        .order_by("-seq")
    )


def out_of_turn_records(events: Sequence[AuditEvent]) -> list[OutOfTurn]:
    """The events with their files: one query for the files of a whole page."""
    keys = {int(e.object_id) for e in events}
    keys |= {int(e.data["skipped"]) for e in events if e.data.get("skipped")}
    files = Application.objects.select_related("company").in_bulk(keys)
    return [
        OutOfTurn(
            at=event.created_at,
            officer=event.actor,
            role=_role_label(event.actor_role),
            application=files.get(int(event.object_id)),
            skipped=files.get(int(event.data.get("skipped") or 0)),
            skipped_number=str(event.data.get("skipped_number", "")),
            reason=event.reason,
        )
        for event in events
    ]


def _role_label(role: str) -> str:
    return str(Role(role).label) if role in Role.values else _("System")


@dataclass(frozen=True)
class FileView:
    """An officer's opening of the file or download of one of its documents."""

    at: datetime
    role: str
    what: str


def _what(action: str, data: dict[str, str], titles: dict[str, str]) -> str:
    if action == AuditAction.DOCUMENT_DOWNLOADED:
        if data.get("decree"):
            return _("Downloaded the decree")
        title = titles.get(data.get("requirement", ""), _("a document"))
        return _("Downloaded %(document)s") % {"document": title}
    pages = {
        "review": _("Opened the review page"),
        "decision": _("Opened the decision page"),
    }
    return pages.get(data.get("page", ""), _("Opened the file"))


def file_views(application: Application) -> list[FileView]:
    """Who opened the file, newest first: the role and the time, never the name."""
    rows = list(
        AuditEvent.objects.filter(
            object_type=APPLICATION_TYPE,
            object_id=str(application.pk),
            action__in=[a.value for a in VIEW_ACTIONS],
        )
        .order_by("-seq")
        .values_list("created_at", "actor_role", "action", "data")
    )
    downloads = any(row[2] == AuditAction.DOCUMENT_DOWNLOADED for row in rows)
    titles = dict(Requirement.objects.values_list("code", "title")) if downloads else {}
    return [
        FileView(at, _role_label(role), _what(action, data, titles))
        for at, role, action, data in rows
    ]
