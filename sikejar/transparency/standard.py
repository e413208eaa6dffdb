"""The published content of the service standard, and what changed between versions.

The content is plain JSON: the header of ``ServiceStandard`` and every
active requirement, as the public reads them. Comparing two contents needs
no database, so the history page diffs every pair of versions in memory.
"""

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from sikejar.integrity.entry import canonical
from sikejar.p2k3.models import Requirement
from sikejar.transparency.models import ServiceStandard

# The service is free by law and by design: the fee is part of the content
# so that every version says so, but it is no field anyone could edit.
FEE_RUPIAH = 0

# The header's fields, in the order the admin and the public page show them.
HEADER_LABELS: dict[str, Promise] = {
    "service_name": _("Service"),
    "legal_basis": _("Legal basis"),
    "procedure": _("Procedure"),
    "processing_working_days": _("Processing time"),
    "product": _("Product"),
    "complaint_handling": _("Handling of complaints"),
    "pledge": _("Service pledge"),
}
REQUIREMENT_LABELS: dict[str, Promise] = {
    "title": _("title"),
    "description": _("description"),
    "legal_basis": _("legal basis"),
    "needs_document": _("document"),
}


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def requirement_content(requirement: Requirement) -> dict[str, Any]:
    return {
        "code": requirement.code,
        "title": requirement.title,
        "description": requirement.description,
        "legal_basis": requirement.legal_basis,
        "needs_document": requirement.needs_document,
    }


def standard_content(
    standard: ServiceStandard, requirements: Iterable[Requirement]
) -> dict[str, Any]:
    return {
        "service_name": standard.service_name,
        "legal_basis": _lines(standard.legal_basis),
        "procedure": _lines(standard.procedure),
        "processing_working_days": standard.processing_working_days,
        "fee_rupiah": FEE_RUPIAH,
        "product": standard.product,
        "complaint_handling": standard.complaint_handling,
        "pledge": standard.pledge,
        "requirements": [requirement_content(r) for r in requirements],
    }


def content_sha256(content: dict[str, Any]) -> str:
    return hashlib.sha256(canonical(content)).hexdigest()


@dataclass(frozen=True)
class Change:
    """One difference between consecutive versions, as the history page says it.

    ``kind`` is "header", "added", "removed", "changed" or "reordered";
    ``subject`` names the header field or the requirement.
    """

    kind: str
    subject: str
    fields: list[str] = field(default_factory=list)
    before: str = ""
    after: str = ""


def _header_changes(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    changes = []
    for name, label in HEADER_LABELS.items():
        if old.get(name) == new.get(name):
            continue
        short = name == "processing_working_days"
        changes.append(
            Change(
                "header",
                str(label),
                before=str(old.get(name, "")) if short else "",
                after=str(new.get(name, "")) if short else "",
            )
        )
    return changes


def _requirement_changes(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    before = {r["code"]: r for r in old.get("requirements", [])}
    after = {r["code"]: r for r in new.get("requirements", [])}
    changes = []
    for code, requirement in after.items():
        if code not in before:
            changes.append(Change("added", requirement["title"]))
            continue
        fields = [
            str(label)
            for name, label in REQUIREMENT_LABELS.items()
            if before[code].get(name) != requirement.get(name)
        ]
        if fields:
            changes.append(Change("changed", requirement["title"], fields))
    changes += [
        Change("removed", r["title"]) for code, r in before.items() if code not in after
    ]
    kept_before = [code for code in before if code in after]
    kept_after = [code for code in after if code in before]
    if kept_before != kept_after:
        changes.append(Change("reordered", ""))
    return changes


def standard_diff(old: dict[str, Any] | None, new: dict[str, Any]) -> list[Change]:
    """What ``new`` changed against ``old``; empty for the first version."""
    if old is None:
        return []
    return _header_changes(old, new) + _requirement_changes(old, new)
