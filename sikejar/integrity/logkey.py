"""The office's log key: Ed25519, kept in a PEM file outside the database."""

import base64
import hashlib
import logging
import os

from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
    load_pem_private_key,
)
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

logger = logging.getLogger(__name__)


def signing_key() -> Ed25519PrivateKey:
    path = settings.SIKEJAR_LOG_KEY_FILE
    if not path.exists():
        if not settings.EMBEDDED:
            raise ImproperlyConfigured(f"The log key {path} does not exist.")
        _create(path)
    key = load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ImproperlyConfigured(f"The log key {path} is not an Ed25519 key.")
    return key


def _create(path: os.PathLike[str]) -> None:
    pem = Ed25519PrivateKey.generate().private_bytes(
        Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()
    )
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(pem)
    logger.warning("Created a new log key at %s (embedded mode)", path)


def public_key_pem() -> bytes:
    return (
        signing_key()
        .public_key()
        .public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)
    )


def key_id(public: Ed25519PublicKey) -> str:
    raw = public.public_bytes(Encoding.Raw, PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def sign(note: str) -> tuple[str, str]:
    """The base64 signature of a note, and the id of the key that made it."""
    key = signing_key()
    signature = base64.b64encode(key.sign(note.encode())).decode()
    return signature, key_id(key.public_key())
