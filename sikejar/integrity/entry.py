"""How one log entry is hashed, shared by the server and the standalone verifier.

An entry's hash covers a public part, published in the log export, and the
SHA-256 of a private part (who acted, reasons, data, and a random salt that
keeps small private parts from being guessed). Anyone can recompute the
hash from the export; nobody learns the private part from it. Pure Python:
importable without Django.
"""

import hashlib
import json
from typing import Any


def canonical(value: Any) -> bytes:
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    ).encode()


def private_digest(private: dict[str, Any]) -> str:
    return hashlib.sha256(canonical(private)).hexdigest()


def entry_hash(public: dict[str, Any], digest: str) -> str:
    return hashlib.sha256(canonical({**public, "private_digest": digest})).hexdigest()
