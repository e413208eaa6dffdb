"""PAdES signatures with pyHanko from a signer's PKCS#12 archive."""

import hashlib
import io
from dataclasses import dataclass
from datetime import datetime

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding, pkcs12
from django.utils.translation import gettext as _
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko.sign.signers.pdf_signer import PdfSignatureMetadata

from sikejar.core.errors import DomainError


@dataclass(frozen=True)
class CertificateInfo:
    subject: str
    fingerprint: str
    not_after: datetime


def certificate_info(archive: bytes, password: str) -> CertificateInfo:
    """Open the archive once to check the password and read its certificate."""
    try:
        key, cert, _chain = pkcs12.load_key_and_certificates(archive, password.encode())
    except ValueError:
        raise DomainError(_("The PKCS#12 archive or its password is wrong.")) from None
    if key is None or cert is None:
        raise DomainError(_("The PKCS#12 archive holds no key and certificate."))
    return _describe(cert)


def _describe(cert: x509.Certificate) -> CertificateInfo:
    return CertificateInfo(
        subject=cert.subject.rfc4514_string(),
        fingerprint=hashlib.sha256(cert.public_bytes(Encoding.DER)).hexdigest(),
        not_after=cert.not_valid_after_utc,
    )


def load_signer(archive: bytes, password: str) -> signers.SimpleSigner:
    """Decrypt the signer's key; costs one PKCS#12 decryption (~100 ms here)."""
    try:
        signer: signers.SimpleSigner = signers.SimpleSigner.load_pkcs12_data(
            archive, other_certs=[], passphrase=password.encode()
        )
    except ValueError:
        raise DomainError(_("The signing password is wrong.")) from None
    return signer


def sign_pdf(
    pdf: bytes,
    signer: signers.SimpleSigner,
    *,
    name: str,
    reason: str,
    location: str,
) -> bytes:
    """Append a PAdES baseline signature as an incremental update."""
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    metadata = PdfSignatureMetadata(
        field_name="TandaTanganKepalaDinas",
        name=name,
        reason=reason,
        location=location,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
    )
    output = io.BytesIO()
    signers.PdfSigner(metadata, signer=signer).sign_pdf(writer, output=output)
    return output.getvalue()
