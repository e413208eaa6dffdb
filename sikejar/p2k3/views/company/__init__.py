"""The company's side of a P2K3 application: draft, documents, filing, record.

The URL map imports every view from here; the modules split them by step.
"""

from sikejar.p2k3.views.company.documents import document_download, document_upload
from sikejar.p2k3.views.company.drafting import (
    application_check,
    application_create,
    application_edit,
)
from sikejar.p2k3.views.company.filing import (
    application_submit,
    application_withdraw,
    receipt,
    receipt_pdf,
)
from sikejar.p2k3.views.company.record import application_detail, message_post

__all__ = [
    "application_check",
    "application_create",
    "application_detail",
    "application_edit",
    "application_submit",
    "application_withdraw",
    "document_download",
    "document_upload",
    "message_post",
    "receipt",
    "receipt_pdf",
]
