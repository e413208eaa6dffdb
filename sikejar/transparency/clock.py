"""The legal clock: how many working days a file has spent with the office.

The rules, also told in the README:

- The clock runs from a complete submission. The day of submission is day
  0 whatever the hour: a file sent on Friday evening and one sent on Friday
  morning both reach day 1 on Monday, and a decision on the day of
  submission takes 0 days.
- A working day is a weekday (Monday to Friday) that is neither an
  Indonesian national holiday (the ``holidays`` package) nor a day off of
  the file's office (``DayOff``, the cuti bersama the office publishes).
- The clock stops while the file is with the company for correction: from
  the day it was returned (that day still counts) until the day it was
  resubmitted (that day is day 0 again).
- The limit is the processing time of the standard version in force when
  the file was first submitted: a later change of the standard neither
  shortens nor stretches a file already filed.
- A file is overdue once it has used more working days than the limit,
  that is from the first working day after its expected decision date.

Days are dates in the office's time zone (``TIME_ZONE``, Asia/Jakarta).

The periods come from the file's audit events, not from ``Review`` rows:
reviews record returns but not resubmissions, while the audit chain holds
every transition of the file, in order, in the same transaction as the
transition itself, and any later edit of it is detectable.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

import holidays
from django.conf import settings
from django.db import models
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sikejar.integrity.models import AuditAction, AuditEvent
from sikejar.p2k3.models import Application, ApplicationStatus
from sikejar.transparency.models import DayOff, StandardVersion

APPLICATION_TYPE = "p2k3.application"
_STARTS = frozenset(
    {AuditAction.APPLICATION_SUBMITTED, AuditAction.APPLICATION_RESUBMITTED}
)
_STOPS = frozenset(
    {
        AuditAction.APPLICATION_RETURNED,
        AuditAction.APPLICATION_APPROVED,
        AuditAction.APPLICATION_REJECTED,
        AuditAction.APPLICATION_WITHDRAWN,
    }
)
CLOCK_ACTIONS = _STARTS | _STOPS


class ClockState(models.TextChoices):
    RUNNING = "running", _("Running")
    STOPPED = "stopped", _("Stopped while the company corrects the file")
    IN_TIME = "in_time", _("Decided within the limit")
    LATE = "late", _("Decided after the limit")
    OVERDUE = "overdue", _("Past the limit")
    WITHDRAWN = "withdrawn", _("Withdrawn")


@lru_cache(maxsize=32)
def national_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("ID", years=year).keys())


class WorkingCalendar:
    """Working days of one office: weekdays minus holidays and its days off."""

    def __init__(self, days_off: Iterable[date] = ()) -> None:
        self.days_off = frozenset(days_off)

    def is_working_day(self, day: date) -> bool:
        return (
            day.weekday() < 5
            and day not in national_holidays(day.year)
            and day not in self.days_off
        )

    def count(self, after: date, until: date) -> int:
        """Working days strictly after ``after`` up to and including ``until``."""
        days, day = 0, after + timedelta(days=1)
        while day <= until:
            days += self.is_working_day(day)
            day += timedelta(days=1)
        return days

    def add(self, start: date, days: int) -> date:
        """The ``days``-th working day after ``start``; ``start`` itself for 0."""
        day = start
        while days > 0:
            day += timedelta(days=1)
            days -= self.is_working_day(day)
        return day


@dataclass(frozen=True)
class Clock:
    state: ClockState
    limit: int
    used: int
    expected_on: date | None
    decided_on: date | None = None

    @property
    def left(self) -> int:
        return max(self.limit - self.used, 0)

    @property
    def overdue_by(self) -> int:
        return max(self.used - self.limit, 0)

    @property
    def nearing(self) -> bool:
        """One working day or less is left: the officers' warning."""
        return self.state == ClockState.RUNNING and self.left <= 1

    @property
    def is_decided(self) -> bool:
        return self.state in (ClockState.IN_TIME, ClockState.LATE)


def local_day(moment: datetime) -> date:
    return timezone.localtime(moment, timezone.get_default_timezone()).date()


def clock_compute(
    *,
    events: Sequence[tuple[str, datetime]],
    limit: int,
    calendar: WorkingCalendar,
    today: date,
) -> Clock | None:
    """The clock of one file from its transitions, oldest first; None if never filed."""
    closed, start, last_start, closed_before_last = 0, None, None, 0
    end_action, end_day = "", None
    for action, moment in events:
        day = local_day(moment)
        if action in _STARTS and start is None:
            start = last_start = day
            closed_before_last = closed
        elif action in _STOPS and start is not None:
            closed += calendar.count(start, day)
            start, end_action, end_day = None, action, day
    if last_start is None:
        return None

    expected = calendar.add(last_start, max(limit - closed_before_last, 0))
    if start is not None:
        used = closed + calendar.count(start, today)
        state = ClockState.OVERDUE if used > limit else ClockState.RUNNING
        return Clock(state, limit, used, expected)
    if end_action == AuditAction.APPLICATION_RETURNED:
        return Clock(ClockState.STOPPED, limit, closed, None)
    if end_action == AuditAction.APPLICATION_WITHDRAWN:
        return Clock(ClockState.WITHDRAWN, limit, closed, None)
    state = ClockState.IN_TIME if closed <= limit else ClockState.LATE
    return Clock(state, limit, closed, expected, decided_on=end_day)


class Limits:
    """The processing time of each published version, to find the one in force."""

    def __init__(self, versions: Iterable[tuple[int, datetime, int]]) -> None:
        self._versions = sorted(versions)

    @classmethod
    def load(cls) -> "Limits":
        return cls(
            StandardVersion.objects.values_list(
                "number", "published_at", "processing_working_days"
            )
        )

    def in_force_at(self, moment: datetime) -> int:
        """The limit of the newest version published by ``moment``.

        A file filed before the first version gets the first version's limit.
        """
        if not self._versions:
            return int(settings.SIKEJAR_PROCESSING_WORKING_DAYS)
        days = self._versions[0][2]
        for _number, published_at, version_days in self._versions:
            if published_at <= moment:
                days = version_days
        return days


def _fallback_events(
    application: Application, submitted_at: datetime
) -> list[tuple[str, datetime]]:
    """Transitions of a file entered without events (from paper), from its dates."""
    events: list[tuple[str, datetime]] = [
        (AuditAction.APPLICATION_SUBMITTED, submitted_at)
    ]
    if application.decided_at is not None:
        approved = application.status == ApplicationStatus.APPROVED
        action = (
            AuditAction.APPLICATION_APPROVED
            if approved
            else AuditAction.APPLICATION_REJECTED
        )
        events.append((action, application.decided_at))
    return events


def _events(
    keys: Iterable[str] | QuerySet[Application, str],
) -> dict[str, list[tuple[str, datetime]]]:
    found: dict[str, list[tuple[str, datetime]]] = defaultdict(list)
    rows = (
        AuditEvent.objects.filter(
            object_type=APPLICATION_TYPE,
            object_id__in=keys,
            action__in=[action.value for action in CLOCK_ACTIONS],
        )
        .order_by("seq")
        .values_list("object_id", "action", "created_at")
    )
    for key, action, moment in rows:
        found[key].append((action, moment))
    return found


def _calendars(office_ids: Iterable[int]) -> dict[int, WorkingCalendar]:
    days: dict[int, list[date]] = defaultdict(list)
    for office_id, day in DayOff.objects.filter(office_id__in=office_ids).values_list(
        "office_id", "day"
    ):
        days[office_id].append(day)
    return defaultdict(
        WorkingCalendar, {k: WorkingCalendar(v) for k, v in days.items()}
    )


def clocks_for(
    applications: Iterable[Application],
    *,
    keys: QuerySet[Application, str] | None = None,
    today: date | None = None,
) -> dict[int, Clock]:
    """The clocks of many files for three queries, whatever their number.

    ``keys`` may give the files' primary keys as text in a subquery, for
    callers that read very many files at once.
    """
    filed = [a for a in applications if a.submitted_at is not None]
    if not filed:
        return {}
    events = _events(keys if keys is not None else [str(a.pk) for a in filed])
    calendars = _calendars({a.office_id for a in filed})
    limits = Limits.load()
    today = today or timezone.localdate(timezone=timezone.get_default_timezone())

    clocks = {}
    for application in filed:
        submitted_at = application.submitted_at
        if submitted_at is None:
            continue
        clock = clock_compute(
            events=events.get(str(application.pk))
            or _fallback_events(application, submitted_at),
            limit=limits.in_force_at(submitted_at),
            calendar=calendars[application.office_id],
            today=today,
        )
        if clock is not None:
            clocks[application.pk] = clock
    return clocks


def clock_of(application: Application) -> Clock | None:
    return clocks_for([application]).get(application.pk)
