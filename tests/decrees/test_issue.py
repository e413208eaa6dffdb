"""Issuing a decree: numbered, rendered, signed, verifiable by anyone."""

import hashlib
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives.serialization import Encoding
from django.core.management import call_command
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from pypdf import PdfReader

from sikejar.core.errors import DomainError
from sikejar.decrees.models import Decree, DecreeCounter, DecreeStatus
from sikejar.integrity.chain import audit_verify
from sikejar.integrity.models import AuditAction, AuditEvent
from sikejar.p2k3.models import ApplicationStatus
from tests.decrees.conftest import SIGNING_PASSWORD, issue

pytestmark = pytest.mark.django_db


def signed_bytes(decree: Decree) -> bytes:
    with decree.file.open("rb") as file:
        return file.read()


def validation(pdf: bytes, authority):
    root = asn1_x509.Certificate.load(authority[1].public_bytes(Encoding.DER))
    reader = PdfFileReader(io.BytesIO(pdf))
    return validate_pdf_signature(
        reader.embedded_signatures[0], ValidationContext(trust_roots=[root])
    )


def test_approval_issues_a_signed_decree(recommended, signer, authority):
    decree = issue(recommended, signer)

    recommended.refresh_from_db()
    assert recommended.status == ApplicationStatus.APPROVED
    assert decree.number == f"560/1/DISNAKERTRANS/{decree.year}"
    assert decree.status == DecreeStatus.IN_FORCE
    pdf = signed_bytes(decree)
    assert hashlib.sha256(pdf).hexdigest() == decree.sha256
    status = validation(pdf, authority)
    assert status.intact and status.valid and status.trusted
    assert AuditEvent.objects.filter(action=AuditAction.DECREE_ISSUED).count() == 1
    assert audit_verify().intact


def test_the_decree_says_what_the_file_holds(recommended, signer):
    decree = issue(recommended, signer)

    text = " ".join(
        page.extract_text()
        for page in PdfReader(io.BytesIO(signed_bytes(decree))).pages
    )
    flat = " ".join(text.split())
    assert decree.number in flat
    assert "MEMUTUSKAN" in flat
    assert recommended.company.legal_name.upper() in flat
    assert "Rp 0" in flat
    assert signer.nip in flat
    for member in recommended.members.all():
        assert member.full_name in flat


def test_one_changed_byte_fails_verification(recommended, signer, authority):
    pdf = bytearray(signed_bytes(issue(recommended, signer)))
    where = pdf.index(b"MEMUTUSKAN") if b"MEMUTUSKAN" in pdf else len(pdf) // 3
    pdf[where] ^= 0x01

    status = validation(bytes(pdf), authority)

    assert not status.intact


@pytest.mark.skipif(shutil.which("pdfsig") is None, reason="needs poppler's pdfsig")
def test_poppler_accepts_the_signature(recommended, signer, tmp_path: Path):
    path = tmp_path / "decree.pdf"
    path.write_bytes(signed_bytes(issue(recommended, signer)))

    result = subprocess.run(
        ["pdfsig", str(path)], capture_output=True, text=True, check=False
    )

    assert "Signature is Valid" in result.stdout
    tampered = bytearray(path.read_bytes())
    tampered[len(tampered) // 3] ^= 0x01
    path.write_bytes(bytes(tampered))
    result = subprocess.run(
        ["pdfsig", str(path)], capture_output=True, text=True, check=False
    )
    assert "Signature is Valid" not in result.stdout


@pytest.mark.skipif(
    shutil.which("zbarimg") is None or shutil.which("pdftoppm") is None,
    reason="needs zbar-tools and poppler-utils",
)
def test_the_qr_code_points_to_the_verification_page(
    recommended, signer, tmp_path: Path
):
    decree = issue(recommended, signer)
    pdf = tmp_path / "decree.pdf"
    pdf.write_bytes(signed_bytes(decree))

    render = ["pdftoppm", "-r", "300", "-png", str(pdf), str(tmp_path / "page")]
    subprocess.run(render, check=True)
    pages = sorted(str(p) for p in tmp_path.glob("page*.png"))
    result = subprocess.run(
        ["zbarimg", "--quiet", "--raw", *pages],
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.stdout.split() == [f"http://127.0.0.1:8000/v/{decree.code}"]
    assert len(decree.code) >= 22  # At least 128 random bits, URL-safe.


def test_markup_in_user_text_is_printed_literally(recommended, signer):
    company = recommended.company
    company.legal_name = 'PT #set page(width: 1cm) *Bold* $x$ <b>"Tag"</b> #panic("no")'
    company.save(update_fields=["legal_name"])
    member = recommended.members.first()
    member.full_name = "#strong[Budi] _miring_ <script>alert(1)</script>"
    member.save(update_fields=["full_name"])

    decree = issue(recommended, signer)

    text = " ".join(
        p.extract_text() for p in PdfReader(io.BytesIO(signed_bytes(decree))).pages
    )
    assert "#panic" in text
    assert "<script>alert(1)</script>" in " ".join(text.split())


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"password": "salah"}, "password"),
        ({"totp_code": "000000"}, "authenticator"),
    ],
)
def test_a_wrong_secret_issues_nothing(recommended, signer, change, message):
    with pytest.raises(DomainError, match=message):
        issue(recommended, signer, **change)

    recommended.refresh_from_db()
    assert recommended.status == ApplicationStatus.RECOMMENDED
    assert not Decree.objects.exists()
    assert not DecreeCounter.objects.filter(last_serial__gt=0).exists()


def test_a_head_without_a_certificate_cannot_sign(recommended, head):
    from allauth.mfa.totp.internal.auth import TOTP

    from tests.decrees.conftest import TOTP_SECRET

    TOTP.activate(head, TOTP_SECRET)

    with pytest.raises(DomainError, match="certificate"):
        issue(recommended, head)

    assert not Decree.objects.exists()


def test_signer_install_command_checks_the_password(head, archive, tmp_path):
    (tmp_path / "head.p12").write_bytes(archive)
    (tmp_path / "password").write_text(SIGNING_PASSWORD)

    call_command(
        "decree_signer_install",
        head.email,
        str(tmp_path / "head.p12"),
        "--password-file",
        str(tmp_path / "password"),
    )

    assert head.signer_certificate.subject.startswith("CN=Ir. Hendra Wijaya")
    assert AuditEvent.objects.filter(action=AuditAction.SIGNER_INSTALLED).exists()
