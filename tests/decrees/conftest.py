"""A certification authority, a head who can sign, and files ready to decide."""

import time

import pytest
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509 import Certificate

from sikejar.accounts.models import User
from sikejar.decrees import services
from sikejar.decrees.keys import make_authority, make_signer_archive

SIGNING_PASSWORD = "kata sandi penandatangan"
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


@pytest.fixture(scope="session")
def authority() -> tuple[rsa.RSAPrivateKey, Certificate]:
    return make_authority("Disnakertrans Provinsi Jambi")


@pytest.fixture(scope="session")
def archive(authority) -> bytes:
    return make_signer_archive(
        authority,
        common_name="Ir. Hendra Wijaya",
        organisation="Disnakertrans Provinsi Jambi",
        password=SIGNING_PASSWORD,
    )


def totp_code(user: User, *, step: int = 0) -> str:
    """The authenticator's current code (``step`` moves one period on)."""
    counter = int(time.time()) // 30 + step
    return format_hotp_value(hotp_value(TOTP_SECRET, counter))


@pytest.fixture
def signer(head: User, archive: bytes) -> User:
    """The head, with a second factor and a signing certificate installed."""
    TOTP.activate(head, TOTP_SECRET)
    services.signer_install(
        actor=None, signer=head, archive=archive, password=SIGNING_PASSWORD
    )
    return head


def issue(application, signer: User, **overrides):
    """Approve and sign ``application`` as ``signer`` with fresh second-factor codes."""
    from django.core.cache import cache

    cache.clear()  # Each authenticator code counts once.
    arguments = {
        "actor": signer,
        "application": application,
        "password": SIGNING_PASSWORD,
        "totp_code": totp_code(signer),
    }
    return services.decree_issue(**{**arguments, **overrides})


@pytest.fixture
def issued(recommended, signer):
    """A decree in force for the applicant's company."""
    return issue(recommended, signer)
