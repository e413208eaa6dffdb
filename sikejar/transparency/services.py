"""Changes of the service standard, of the offices' days off, and overdue files.

The admin edits the standard and the requirements; each save goes through
here, so that what the public reads is always a published, audited version.
"""

import logging
from datetime import date

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from sikejar.accounts.models import Office, Role, User
from sikejar.core.errors import DomainError
from sikejar.core.notify import absolute_url, notify_after_commit
from sikejar.integrity.chain import audit_record
from sikejar.integrity.models import AuditAction
from sikejar.p2k3.models import Application, ApplicationStatus, Requirement
from sikejar.transparency.clock import Clock, ClockState, clocks_for
from sikejar.transparency.models import (
    DayOff,
    OverdueMark,
    ServiceStandard,
    StandardVersion,
)
from sikejar.transparency.standard import (
    HEADER_LABELS,
    content_sha256,
    standard_content,
    standard_diff,
)

logger = logging.getLogger(__name__)

# The statuses in which a file is with the office and its clock runs.
RUNNING_STATUSES = (ApplicationStatus.IN_VERIFICATION, ApplicationStatus.RECOMMENDED)

_HEADER_FIELDS = list(HEADER_LABELS)


def _require_staff(actor: User) -> None:
    if not (actor.is_active and actor.is_staff):
        raise DomainError(_("Only an administrator may change the service standard."))


@transaction.atomic
def standard_publish(*, actor: User | None) -> StandardVersion | None:
    """Publish the standard as it now stands, as the next version.

    Nothing is written when the content equals the latest version's, so a
    save that changed nothing the public reads leaves no empty version.
    """
    standard = ServiceStandard.objects.select_for_update().filter(pk=1).first()
    if standard is None:
        raise DomainError(_("The service standard has not been set up."))
    requirements = Requirement.objects.filter(is_active=True).order_by("order", "code")
    content = standard_content(standard, requirements)
    latest = StandardVersion.objects.order_by("-number").first()
    if latest is not None and latest.content == content:
        return None

    version = StandardVersion.objects.create(
        number=latest.number + 1 if latest else 1,
        published_at=timezone.now(),
        published_by=actor,
        processing_working_days=standard.processing_working_days,
        content=content,
        sha256=content_sha256(content),
    )
    changes = standard_diff(latest.content if latest else None, content)
    audit_record(
        actor=actor,
        action=AuditAction.STANDARD_PUBLISHED,
        obj=version,
        old_state=str(latest.number) if latest else "",
        new_state=str(version.number),
        data={
            "sha256": version.sha256,
            "changes": [[c.kind, c.subject] for c in changes],
        },
    )
    logger.info("Service standard version %s published", version.number)
    return version


@transaction.atomic
def standard_save(*, actor: User, standard: ServiceStandard) -> StandardVersion | None:
    """Save the header edited in the admin and publish the result."""
    _require_staff(actor)
    if ServiceStandard.objects.filter(pk=1).exists():
        standard.pk = 1
        standard.save(update_fields=_HEADER_FIELDS)
    else:
        standard.pk = 1
        standard.save(force_insert=True)
    return standard_publish(actor=actor)


@transaction.atomic
def requirement_save(
    *, actor: User, requirement: Requirement
) -> StandardVersion | None:
    """Save a requirement edited in the admin and publish the result."""
    _require_staff(actor)
    requirement.save()
    return standard_publish(actor=actor)


def _require_not_past(day: date) -> None:
    if day < timezone.localdate():
        raise DomainError(
            _(
                "A day in the past cannot change: the clocks of files "
                "already counted it."
            )
        )


@transaction.atomic
def day_off_set(*, actor: User, office: Office, day: date, reason: str) -> DayOff:
    """Close the office on a day (cuti bersama); no file's clock counts it."""
    _require_staff(actor)
    _require_not_past(day)
    reason = reason.strip()
    if not reason:
        raise DomainError(_("Give the reason for the day off."))

    day_off, _created = DayOff.objects.update_or_create(
        office=office, day=day, defaults={"reason": reason}
    )
    audit_record(
        actor=actor,
        action=AuditAction.DAY_OFF_SET,
        obj=day_off,
        new_state="set",
        reason=reason,
        data={"office": office.pk, "day": day.isoformat()},
    )
    return day_off


@transaction.atomic
def day_off_remove(*, actor: User, day_off: DayOff) -> None:
    """Open the office again on a day that has not come yet."""
    _require_staff(actor)
    _require_not_past(day_off.day)

    audit_record(
        actor=actor,
        action=AuditAction.DAY_OFF_SET,
        obj=day_off,
        old_state="set",
        new_state="removed",
        data={"office": day_off.office_id, "day": day_off.day.isoformat()},
    )
    day_off.delete()


@transaction.atomic
def application_mark_overdue(*, application: Application, clock: Clock) -> bool:
    """Record once that a file passed its limit, and tell the head and inspectorate.

    Returns whether this call was the one that recorded it; a second call,
    or a concurrent one, changes nothing.
    """
    if clock.expected_on is None:
        raise DomainError(_("Only a file whose clock runs can pass its limit."))
    _mark, created = OverdueMark.objects.get_or_create(
        application=application,
        defaults={"marked_at": timezone.now(), "expected_on": clock.expected_on},
    )
    if not created:
        return False

    audit_record(
        actor=None,
        action=AuditAction.APPLICATION_OVERDUE,
        obj=application,
        new_state=application.status,
        data={
            "expected_on": clock.expected_on.isoformat(),
            "limit": clock.limit,
            "working_days_used": clock.used,
        },
    )
    officers = User.objects.filter(
        office=application.office_id,
        role__in=[Role.HEAD, Role.INSPECTORATE],
        is_active=True,
    )
    notify_after_commit(
        list(officers),
        template="transparency/email/overdue",
        context={
            "application": application,
            "clock": clock,
            "url": absolute_url(reverse("p2k3:detail", args=[application.pk])),
        },
    )
    return True


def clock_tick() -> int:
    """Mark every running file that passed its limit; returns how many were new.

    Safe to run as often as wanted (cron or Celery beat, hourly): a file
    already marked is skipped before its clock is even computed.
    """
    candidates = list(
        Application.objects.filter(
            status__in=RUNNING_STATUSES, overdue_mark__isnull=True
        ).select_related("company", "office")
    )
    clocks = clocks_for(candidates)
    marked = 0
    for application in candidates:
        clock = clocks.get(application.pk)
        if clock is not None and clock.state == ClockState.OVERDUE:
            marked += application_mark_overdue(application=application, clock=clock)
    if marked:
        logger.info("%s files passed their processing limit", marked)
    return marked
