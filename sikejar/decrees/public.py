"""What the public may know about a decree: the one allow-list.

The verification page, the register, its CSV and JSON exports and the open
data API all build their data with ``decree_public``; a field that is not
named in ``PUBLIC_FIELDS`` never reaches the public. The company and the
committee come from the decree's stored content, so the public sees what
was signed, not today's company profile.

The signer's name and title are public: they are printed on the decree,
which anyone may download. The signer's NIP is printed there too, but no
list needs it, so it stays out of the data. Committee members' names are
shown unless the office hides them (``SIKEJAR_PUBLIC_MEMBER_NAMES``); their
positions in the company are not public.
"""

from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.urls import reverse
from django.utils import timezone

from sikejar.core.notify import absolute_url
from sikejar.decrees.models import Decree

PUBLIC_FIELDS = (
    "number",
    "issued_on",
    "status",
    "company_name",
    "regency",
    "committee",
    "signer_name",
    "signer_title",
    "sha256",
    "code",
    "verify_url",
    "download_url",
    "replaces",
    "replaces_url",
    "replaced_by",
    "replaced_by_url",
    "cancelled_on",
    "cancel_reason",
)


def member_fields() -> tuple[str, ...]:
    """The keys of one committee seat, which depend on the office's privacy choice."""
    if settings.SIKEJAR_PUBLIC_MEMBER_NAMES:
        return ("role", "name")
    return ("role",)


def verify_url(code: str) -> str:
    return absolute_url(reverse("decrees:verify", args=[code]))


def _committee(content: dict[str, Any]) -> list[dict[str, str]]:
    keys = member_fields()
    return [{key: str(member[key]) for key in keys} for member in content["members"]]


def _replaced_by(decree: Decree) -> Decree | None:
    try:
        return decree.replaced_by
    except ObjectDoesNotExist:
        return None


def _cancelled_on(decree: Decree) -> date | None:
    if decree.cancelled_at is None:
        return None
    return timezone.localdate(decree.cancelled_at)


def decree_public(decree: Decree) -> dict[str, Any]:
    """The allow-listed facts of one decree, in the order of ``PUBLIC_FIELDS``.

    Costs no query when the decree was read with ``selectors.public_decrees``,
    which joins the decrees it replaces and that replace it.
    """
    content = decree.content
    replaces = decree.replaces
    replaced_by = _replaced_by(decree)
    return {
        "number": decree.number,
        "issued_on": timezone.localdate(decree.issued_at),
        "status": decree.status,
        "company_name": content["company"]["name"],
        "regency": content["company"]["regency"],
        "committee": _committee(content),
        "signer_name": content["signer"]["name"],
        "signer_title": content["signer"]["title"],
        "sha256": decree.sha256,
        "code": decree.code,
        "verify_url": verify_url(decree.code),
        "download_url": absolute_url(reverse("decrees:verify_pdf", args=[decree.code])),
        "replaces": replaces.number if replaces else None,
        "replaces_url": verify_url(replaces.code) if replaces else None,
        "replaced_by": replaced_by.number if replaced_by else None,
        "replaced_by_url": verify_url(replaced_by.code) if replaced_by else None,
        "cancelled_on": _cancelled_on(decree),
        "cancel_reason": decree.cancel_reason or None,
    }
