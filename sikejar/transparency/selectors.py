"""Reads of the published standard for the public pages."""

from dataclasses import dataclass

from sikejar.transparency.models import StandardVersion
from sikejar.transparency.standard import Change, standard_diff


def current_version() -> StandardVersion | None:
    return StandardVersion.objects.order_by("-number").first()


def version_by_number(number: int) -> StandardVersion | None:
    return StandardVersion.objects.filter(number=number).first()


@dataclass(frozen=True)
class HistoryEntry:
    version: StandardVersion
    changes: list[Change]


def version_history() -> list[HistoryEntry]:
    """Every version, newest first, each with what it changed; one query.

    The versions are few (a handful a year) and each diff runs in memory.
    """
    versions = list(
        StandardVersion.objects.select_related("published_by").order_by("number")
    )
    entries = []
    previous = None
    for version in versions:
        entries.append(HistoryEntry(version, standard_diff(previous, version.content)))
        previous = version.content
    return entries[::-1]
