"""Read queries of reports and the survey, each a fixed number of queries."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Case, Count, QuerySet, Sum, Value, When
from django.db.models.functions import ExtractQuarter, ExtractYear

from sikejar.complaints.models import Report, ReportEntry, ReportStatus, SurveyResponse
from sikejar.complaints.services.reports import code_digest
from sikejar.complaints.services.survey import DECIDED
from sikejar.complaints.survey import (
    ELEMENTS,
    Quality,
    SurveyElement,
    element_mean,
    quality_of,
    satisfaction_index,
)
from sikejar.p2k3.models import Application


def report_by_code(code: str) -> Report | None:
    """The report a follow-up code opens; the code itself is never stored."""
    if not code.strip():
        return None
    return Report.objects.filter(code_hash=code_digest(code)).first()


def inbox(office_id: int) -> QuerySet[Report]:
    """The office's reports: open ones first, then the newest."""
    open_first = Case(When(status=ReportStatus.OPEN, then=Value(0)), default=Value(1))
    return (
        Report.objects.filter(office_id=office_id)
        .select_related("application")
        .annotate(entry_count=Count("entries"))
        .order_by(open_first, "-received_at", "-pk")
    )


def entries(report: Report) -> QuerySet[ReportEntry]:
    return report.entries.all()


def survey_is_open(application: Application) -> bool:
    """Decided, and not answered yet (the service checks both again)."""
    return (
        application.status in DECIDED
        and not SurveyResponse.objects.filter(application=application).exists()
    )


def survey_answered(application: Application) -> bool:
    return SurveyResponse.objects.filter(application=application).exists()


@dataclass(frozen=True)
class ElementResult:
    element: SurveyElement
    mean: Decimal


@dataclass(frozen=True)
class QuarterResult:
    year: int
    quarter: int
    respondents: int
    elements: list[ElementResult]
    index: Decimal

    @property
    def quality(self) -> Quality:
        return quality_of(self.index)


def quarterly_results() -> list[QuarterResult]:
    """The published index per quarter of the answers, newest quarter first.

    One query: the database sums each element's scores per quarter (in the
    office's time zone) and Python divides exactly.
    """
    rows = (
        SurveyResponse.objects.annotate(
            year=ExtractYear("answered_at"), quarter=ExtractQuarter("answered_at")
        )
        .values("year", "quarter")
        .annotate(
            respondents=Count("pk"),
            **{f"sum_{e.code}": Sum(e.code) for e in ELEMENTS},
        )
        .order_by("-year", "-quarter")
    )
    results = []
    for row in rows:
        elements = [
            ElementResult(e, element_mean(row[f"sum_{e.code}"], row["respondents"]))
            for e in ELEMENTS
        ]
        results.append(
            QuarterResult(
                year=row["year"],
                quarter=row["quarter"],
                respondents=row["respondents"],
                elements=elements,
                index=satisfaction_index([r.mean for r in elements]),
            )
        )
    return results
