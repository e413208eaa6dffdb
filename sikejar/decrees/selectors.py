"""Reads of decrees for the public pages and the open data API."""

import re

from django.db.models import QuerySet

from sikejar.decrees.models import Decree

# Codes are URL-safe base64 (``secrets.token_urlsafe``); nothing else is looked up.
_CODE = re.compile(r"[A-Za-z0-9_-]{1,64}")


def public_decrees() -> QuerySet[Decree]:
    """Every decree, newest first, with what ``public.decree_public`` needs joined."""
    return Decree.objects.select_related("replaces", "replaced_by").order_by(
        "-issued_at", "-pk"
    )


def register_decrees(
    *,
    company: str = "",
    number: str = "",
    regency: str = "",
    year: int | None = None,
    status: str = "",
) -> QuerySet[Decree]:
    """The register filtered as the public asked; empty filters are ignored.

    Company and regency are matched against the decree's stored content,
    the same data the register shows.
    """
    decrees = public_decrees()
    if company:
        decrees = decrees.filter(content__company__name__icontains=company)
    if number:
        decrees = decrees.filter(number__icontains=number)
    if regency:
        decrees = decrees.filter(content__company__regency=regency)
    if year is not None:
        decrees = decrees.filter(year=year)
    if status:
        decrees = decrees.filter(status=status)
    return decrees


def decree_by_code(code: str) -> Decree | None:
    if not _CODE.fullmatch(code):
        return None
    return public_decrees().filter(code=code).first()


def decree_by_sha256(digest: str) -> Decree | None:
    return public_decrees().filter(sha256=digest).first()
