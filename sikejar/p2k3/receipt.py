"""The printable receipt of a submission, rendered with Typst.

The template (typst/receipt.typ) reads everything it prints, labels
included, from one JSON input, so nothing a user typed becomes Typst
source. One compiler serves the whole process: reusing it saves about a
third of the time of a fresh one.
"""

import functools
import json
import logging
import threading
from pathlib import Path
from typing import Any

import typst
from django.conf import settings
from django.utils import formats, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from sikejar.p2k3.models import Application
from sikejar.p2k3.selectors import Submission

logger = logging.getLogger(__name__)

_TEMPLATES = Path(__file__).resolve().parent / "typst"

# The compiler keeps state between runs; the development server is threaded.
_lock = threading.Lock()


@functools.cache
def _compiler() -> typst.Compiler:
    return typst.Compiler(_TEMPLATES / "receipt.typ", root=_TEMPLATES)


def _labels() -> dict[str, str]:
    return {
        "title": _("Receipt of a P2K3 application"),
        "tracking_number": _("Tracking number"),
        "submitted_at": _("Submitted at"),
        "company": _("Company"),
        "nib": _("NIB"),
        "address": _("Address"),
        "kind": _("Kind"),
        "documents": _("Documents received"),
        "number": _("No."),
        "requirement": _("Requirement, file and its SHA-256"),
        "hash_note": _(
            "The SHA-256 of a file changes if a single byte of it changes: it "
            "proves which files you sent."
        ),
        "fee": _("This service is free of charge: Rp 0."),
        "no_money": _("Nobody may ask you for money or favours for it."),
        "report": _("Report any such request to:"),
    }


def receipt_data(application: Application, submission: Submission) -> dict[str, Any]:
    company = application.company
    at = timezone.localtime(submission.at)
    return {
        "lang": (get_language() or settings.LANGUAGE_CODE).split("-")[0],
        "labels": _labels(),
        "office": application.office.name,
        "tracking_number": application.tracking_number,
        "submitted_at": f"{formats.date_format(at, 'DATETIME_FORMAT')} {at:%Z}",
        "kind": application.get_kind_display(),
        "company": {
            "name": company.legal_name,
            "nib": company.nib,
            "address": company.address,
        },
        "documents": [
            {"title": d.title, "name": d.name, "sha256": d.sha256}
            for d in submission.documents
        ],
        "complaint_url": settings.SIKEJAR_COMPLAINT_URL,
    }


def render_receipt(application: Application, submission: Submission) -> bytes:
    """The receipt as a PDF/A-2b document; a few milliseconds per page."""
    inputs = {"data": json.dumps(receipt_data(application, submission))}
    with _lock:
        pdf, warnings = _compiler().compile_with_warnings(
            format="pdf", sys_inputs=inputs, pdf_standards="a-2b"
        )
    for warning in warnings:
        logger.warning("Typst warned on a receipt: %s", warning.message)
    if not isinstance(pdf, bytes):
        raise TypeError("Typst returned no PDF for the receipt.")
    return pdf
