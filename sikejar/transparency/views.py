"""Public pages: the service standard, its history, and the statistics."""

import csv
from dataclasses import dataclass

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from sikejar.transparency import selectors
from sikejar.transparency.forms import StatisticsFilterForm
from sikejar.transparency.stats import Row, Statistics, statistics_compute

# Spreadsheets run a cell that starts with one of these as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@require_safe
def standard(request: HttpRequest) -> HttpResponse:
    version = selectors.current_version()
    if version is None:
        raise Http404(_("The service standard has not been published yet."))
    context = {"version": version, "current": version}
    return render(request, "transparency/standard.html", context)


@require_safe
def standard_version(request: HttpRequest, number: int) -> HttpResponse:
    version = selectors.version_by_number(number)
    if version is None:
        raise Http404(_("No such version of the service standard."))
    context = {"version": version, "current": selectors.current_version()}
    return render(request, "transparency/standard.html", context)


@require_safe
def standard_history(request: HttpRequest) -> HttpResponse:
    context = {"entries": selectors.version_history()}
    return render(request, "transparency/standard_history.html", context)


@dataclass(frozen=True)
class Bar:
    """One bar of a chart: its value and its length in percent of the longest."""

    label: str
    value: int
    percent: int


def _bars(pairs: list[tuple[str, int]], longest: int) -> list[Bar]:
    return [
        Bar(label, value, round(100 * value / (longest or 1))) for label, value in pairs
    ]


def _charts(stats: Statistics) -> dict[str, object]:
    """Bars for the month chart (received and decided share a scale) and returns."""
    months = [row for row in stats.months if row.month is not None]
    longest = max([r.received for r in months] + [r.decided for r in months] or [0])
    received = _bars([("", r.received) for r in months], longest)
    decided = _bars([("", r.decided) for r in months], longest)
    cited = [(c.title, c.returns) for c in stats.cited]
    return {
        "months": list(zip(months, received, decided, strict=True)),
        "cited": _bars(cited, max([n for _title, n in cited] or [0])),
    }


@require_safe
def statistics(request: HttpRequest) -> HttpResponse:
    form = StatisticsFilterForm(request.GET)
    stats = statistics_compute(**form.filters())
    context = {"form": form, "stats": stats, "charts": _charts(stats)}
    return render(request, "transparency/statistics.html", context)


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}".rstrip("0").rstrip(".")


def _text(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def _csv_row(row: Row, codes: list[str]) -> list[str | int]:
    return [
        f"{row.month:%Y-%m}" if row.month else "",
        row.regency_code,
        _text(row.regency),
        _text(row.office),
        row.received,
        row.decided,
        row.approved,
        row.rejected,
        _number(row.median_days),
        _number(row.p90_days),
        _number(row.within_limit_share),
        row.overdue_now,
        row.returned,
        *(row.cited[code] for code in codes),
    ]


CSV_COLUMNS = [
    "month",
    "regency_code",
    "regency",
    "office",
    "received",
    "decided",
    "approved",
    "rejected",
    "median_working_days",
    "p90_working_days",
    "decided_within_limit_share",
    "overdue_now",
    "returned",
]


@require_safe
def statistics_csv(request: HttpRequest) -> HttpResponse:
    """The table of the page, one row per month, regency and office, as UTF-8 CSV.

    Column names are a stable contract in English; one ``returns_citing:<code>``
    column per requirement counts the returns that cited it.
    """
    stats = statistics_compute(**StatisticsFilterForm(request.GET).filters())
    codes = [cited.code for cited in stats.cited]
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="sikejar-statistics.csv"'
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS + [f"returns_citing:{code}" for code in codes])
    for row in stats.rows:
        writer.writerow(_csv_row(row, codes))
    return response
