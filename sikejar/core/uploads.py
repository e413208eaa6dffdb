"""Uploaded PDFs: checked by content, stored under random names, served by views.

A file is accepted only when its bytes parse as an unencrypted PDF with at
least one page; the name and the browser's content type are ignored.
"""

import hashlib
import logging
import secrets
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Model
from django.db.models.fields.files import FieldFile
from django.http import FileResponse
from django.utils.translation import gettext as _
from pypdf import PdfReader
from pypdf.errors import PdfReadError

logger = logging.getLogger(__name__)


def private_upload_path(instance: Model, filename: str) -> str:
    """A random path: the original name never reaches the file system."""
    return f"private/{instance._meta.app_label}/{secrets.token_hex(16)}.pdf"


def validate_pdf(upload: UploadedFile) -> None:
    """Raise a translated ValidationError unless the upload is a usable PDF."""
    limit = settings.SIKEJAR_UPLOAD_MAX_BYTES
    if upload.size is None or upload.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    if upload.size > limit:
        raise ValidationError(
            _("The file is larger than %(limit)s MB.")
            % {"limit": limit // (1024 * 1024)},
            code="too_large",
        )

    upload.seek(0)
    if not upload.read(1024).lstrip().startswith(b"%PDF-"):
        raise ValidationError(_("The file is not a PDF document."), code="not_pdf")
    upload.seek(0)
    try:
        reader = PdfReader(upload)
        if reader.is_encrypted:
            raise ValidationError(
                _("The PDF is password-protected; upload it without a password."),
                code="encrypted",
            )
        if len(reader.pages) == 0:
            raise ValidationError(_("The PDF has no pages."), code="no_pages")
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        logger.info("Rejected an unreadable PDF upload: %s", exc)
        raise ValidationError(
            _("The PDF cannot be read; it may be damaged."), code="unreadable"
        ) from exc
    finally:
        upload.seek(0)


def sha256_of(file: UploadedFile | FieldFile) -> str:
    digest = hashlib.sha256()
    file.seek(0)
    for chunk in file.chunks():
        digest.update(chunk)
    file.seek(0)
    return digest.hexdigest()


def attachment_response(file: FieldFile, download_name: str) -> FileResponse:
    """Serve a stored file as a download, never inline in the browser."""
    name = PurePosixPath(download_name).name or "document.pdf"
    response = FileResponse(
        file.open("rb"),
        as_attachment=True,
        filename=name,
        content_type="application/pdf",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
