"""Public statistics of the service, computed from the records on every request.

Nothing here is typed in: counts come from the applications, durations from
their clocks (``clock``), returns from the requirements cited when a file was
returned. The figures hold no personal data and name no officer.

A file counts as received in the month of its first submission and as
decided in the month of its decision; the durations, the share decided
within the limit and the approvals and rejections belong to the month of
decision; a file overdue now counts in the month it was received. Months
are those of the office's time zone.

Costs eight queries whatever the number of files, and memory in
proportion to the files of the selection (a few thousand a year).
"""

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast
from django.utils import timezone

from sikejar.p2k3.models import (
    Application,
    ApplicationStatus,
    Citation,
    Requirement,
    ReviewOutcome,
)
from sikejar.transparency.clock import ClockState, clocks_for, local_day


def percentile(values: Iterable[int], fraction: float) -> float | None:
    """Linear interpolation between closest ranks (numpy's and Excel's default).

    The median is ``percentile(values, 0.5)``; None when there is no value.
    """
    ordered = sorted(values)
    if not ordered:
        return None
    position = (len(ordered) - 1) * fraction
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


@dataclass
class Row:
    """The figures of one month, regency and office, or a sum of such rows."""

    month: date | None
    regency_code: str = ""
    regency: str = ""
    office: str = ""
    received: int = 0
    decided: int = 0
    approved: int = 0
    rejected: int = 0
    within_limit: int = 0
    overdue_now: int = 0
    days: list[int] = field(default_factory=list)
    returns: set[int] = field(default_factory=set)
    cited: Counter[str] = field(default_factory=Counter)

    @property
    def median_days(self) -> float | None:
        return percentile(self.days, 0.5)

    @property
    def p90_days(self) -> float | None:
        return percentile(self.days, 0.9)

    @property
    def within_limit_share(self) -> float | None:
        """Decided within the limit, as a fraction of the files decided."""
        return self.within_limit / self.decided if self.decided else None

    @property
    def returned(self) -> int:
        return len(self.returns)

    def add(self, other: "Row") -> None:
        for name in (
            "received",
            "decided",
            "approved",
            "rejected",
            "within_limit",
            "overdue_now",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.days += other.days
        self.returns |= other.returns
        self.cited.update(other.cited)


@dataclass(frozen=True)
class CitedRequirement:
    code: str
    title: str
    returns: int


@dataclass
class Statistics:
    rows: list[Row]
    months: list[Row]
    total: Row
    cited: list[CitedRequirement]


def _year_bounds(year: int) -> tuple[datetime, datetime]:
    zone = timezone.get_default_timezone()
    return datetime(year, 1, 1, tzinfo=zone), datetime(year + 1, 1, 1, tzinfo=zone)


def _files(year: int | None, regency: str) -> QuerySet[Application]:
    files = Application.objects.filter(submitted_at__isnull=False)
    if regency:
        files = files.filter(company__regency__code=regency)
    if year is not None:
        start, end = _year_bounds(year)
        files = files.filter(
            Q(submitted_at__gte=start, submitted_at__lt=end)
            | Q(decided_at__gte=start, decided_at__lt=end)
        )
    return files


def _month(day: date) -> date:
    return day.replace(day=1)


class _Table:
    """Rows keyed by month, regency and office, made when first touched."""

    def __init__(self) -> None:
        self.rows: dict[tuple[date, str, str], Row] = {}

    def row(self, month: date, regency_code: str, regency: str, office: str) -> Row:
        key = (month, regency_code, office)
        if key not in self.rows:
            self.rows[key] = Row(month, regency_code, regency, office)
        return self.rows[key]


def _count_files(table: _Table, files: list[Application], keys: Any) -> None:
    clocks = clocks_for(files, keys=keys)
    for application in files:
        submitted_at = application.submitted_at
        if submitted_at is None:
            continue
        place = (
            application.company.regency.code,
            application.company.regency.name,
            application.office.name,
        )
        received = table.row(_month(local_day(submitted_at)), *place)
        received.received += 1
        clock = clocks.get(application.pk)
        if clock is None:
            continue
        if clock.state == ClockState.OVERDUE:
            received.overdue_now += 1
        if clock.is_decided and clock.decided_on is not None:
            decided = table.row(_month(clock.decided_on), *place)
            decided.decided += 1
            decided.approved += application.status == ApplicationStatus.APPROVED
            decided.rejected += application.status == ApplicationStatus.REJECTED
            decided.within_limit += clock.state == ClockState.IN_TIME
            decided.days.append(clock.used)


def _count_returns(table: _Table, year: int | None, regency: str) -> None:
    citations = Citation.objects.filter(review__outcome=ReviewOutcome.RETURNED)
    if regency:
        citations = citations.filter(
            review__application__company__regency__code=regency
        )
    if year is not None:
        start, end = _year_bounds(year)
        citations = citations.filter(
            review__created_at__gte=start, review__created_at__lt=end
        )
    rows = citations.values_list(
        "review_id",
        "review__created_at",
        "requirement__code",
        "review__application__company__regency__code",
        "review__application__company__regency__name",
        "review__application__office__name",
    )
    for review_id, returned_at, code, *place in rows:
        row = table.row(_month(local_day(returned_at)), *place)
        row.returns.add(review_id)
        row.cited[code] += 1


def statistics_compute(*, year: int | None = None, regency: str = "") -> Statistics:
    """The statistics of the files of one year (or all) and regency (or all)."""
    files = _files(year, regency)
    keys = files.annotate(key=Cast("pk", output_field=CharField())).values_list(
        "key", flat=True
    )
    table = _Table()
    _count_files(
        table,
        list(
            files.select_related("office", "company__regency").only(
                "office",
                "company",
                "company__regency",
                "status",
                "submitted_at",
                "decided_at",
                "office__name",
                "company__regency__code",
                "company__regency__name",
            )
        ),
        keys,
    )
    _count_returns(table, year, regency)
    rows = [
        row
        for row in table.rows.values()
        if year is None or (row.month is not None and row.month.year == year)
    ]
    return _summarise(rows)


def _summarise(rows: list[Row]) -> Statistics:
    rows.sort(
        key=lambda r: (-(r.month or date.min).toordinal(), r.regency_code, r.office)
    )
    months: dict[date | None, Row] = {}
    total = Row(None)
    for row in rows:
        months.setdefault(row.month, Row(row.month)).add(row)
        total.add(row)
    requirements = list(Requirement.objects.order_by("order", "code"))
    cited = [
        CitedRequirement(r.code, r.title, total.cited[r.code])
        for r in requirements
        if r.is_active or total.cited[r.code]
    ]
    return Statistics(rows, list(months.values()), total, cited)
