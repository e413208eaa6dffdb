"""Standalone verifier of Sikejar's published audit log.

Needs only what the office publishes (its log key, the signed checkpoints
and the public export of the events) and Python with `cryptography`; no
Django, no database, no account. Run from a fresh shell:

    python -m sikejar.integrity.logcheck --url http://127.0.0.1:8000
    python -m sikejar.integrity.logcheck --key key.pem \\
        --checkpoints checkpoints.json --events events.json [--previous old.json]

It names the first event that was edited, removed, inserted or moved, and
checks every checkpoint's signature, root and consistency with the next.
Exit status 0 when the log verifies, 1 otherwise.
"""

import argparse
import base64
import json
import sys
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import load_pem_public_key

from sikejar.integrity import merkle
from sikejar.integrity.entry import entry_hash

GENESIS = "0" * 64
_PUBLIC_EXCLUDED = {"private_digest", "hash"}


@dataclass
class Verdict:
    events: int = 0
    checkpoints: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_events(events: Sequence[dict[str, Any]]) -> str | None:
    """The first break in the exported chain, or None."""
    before, previous = None, GENESIS
    for expected, entry in enumerate(events, start=1):
        seq = entry.get("seq")
        if seq != expected:
            if isinstance(seq, int) and seq > expected:
                return f"event #{expected} is missing (removed)"
            return f"event #{seq} is out of place (inserted or moved)"
        if entry["prev_hash"] != previous:
            if entry["prev_hash"] == before:
                return f"event #{seq - 1} was inserted: the next event skips it"
            return f"event #{seq} does not follow event #{seq - 1} (inserted or moved)"
        public = {k: v for k, v in entry.items() if k not in _PUBLIC_EXCLUDED}
        if entry_hash(public, entry["private_digest"]) != entry["hash"]:
            return f"event #{seq} was edited: its content no longer hashes"
        before, previous = previous, entry["hash"]
    return None


def check_signature(checkpoint: dict[str, Any], key: Ed25519PublicKey) -> bool:
    try:
        key.verify(
            base64.b64decode(checkpoint["signature"]), checkpoint["note"].encode()
        )
    except (InvalidSignature, ValueError):
        return False
    size, root = checkpoint["note"].split("\n")[1:3]
    return bool(
        int(size) == checkpoint["tree_size"] and root == checkpoint["root_hash"]
    )


def _first_difference(
    events: Sequence[dict[str, Any]], previous: Sequence[dict[str, Any]]
) -> int | None:
    for ours, theirs in zip(events, previous, strict=False):
        if ours.get("hash") != theirs.get("hash"):
            return int(theirs["seq"])
    return None


def check_checkpoints(
    checkpoints: Sequence[dict[str, Any]],
    events: Sequence[dict[str, Any]],
    key: Ed25519PublicKey,
    previous: Sequence[dict[str, Any]] | None = None,
) -> str | None:
    leaves = [merkle.leaf_hash(bytes.fromhex(e["hash"])) for e in events]
    matched, last_root = 0, None
    for checkpoint in sorted(checkpoints, key=lambda c: c["tree_size"]):
        size = checkpoint["tree_size"]
        if not check_signature(checkpoint, key):
            return f"the checkpoint of size {size} is not signed by the log key"
        if size > len(leaves):
            return (
                f"the log holds {len(leaves)} events but a checkpoint vouches for "
                f"{size}: event #{len(leaves) + 1} onwards was removed"
            )
        root = merkle.root(leaves[:size]).hex()
        if root != checkpoint["root_hash"]:
            where = _first_difference(events, previous) if previous else None
            if where is not None:
                return f"event #{where} differs from the earlier copy of the log"
            return (
                f"the first {size} events do not match the signed checkpoint; the "
                f"change lies between event #{matched + 1} and event #{size}"
            )
        if last_root is not None and matched:
            proof = (
                merkle.consistency_proof(leaves[:size], matched)
                if matched < size
                else []
            )
            if not merkle.verify_consistency(
                matched, size, proof, bytes.fromhex(last_root), bytes.fromhex(root)
            ):
                return f"checkpoint {size} is not consistent with checkpoint {matched}"
        matched, last_root = size, root
    return None


def verify(
    *,
    key_pem: bytes,
    checkpoints: Sequence[dict[str, Any]],
    events: Sequence[dict[str, Any]],
    previous: Sequence[dict[str, Any]] | None = None,
) -> Verdict:
    key = load_pem_public_key(key_pem)
    if not isinstance(key, Ed25519PublicKey):
        return Verdict(problems=["the log key is not an Ed25519 public key"])
    verdict = Verdict(events=len(events), checkpoints=len(checkpoints))
    for problem in (
        check_events(events),
        check_checkpoints(checkpoints, events, key, previous),
    ):
        if problem:
            verdict.problems.append(problem)
            break
    return verdict


def _fetch(url: str) -> bytes:
    if not url.startswith(("http://", "https://")):
        raise ValueError(f"not a web address: {url}")
    with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310
        body: bytes = response.read()
    return body


def _events_from(base: str) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = []
    url: str | None = f"{base}/log/events.json"
    while url:
        page = json.loads(_fetch(url))
        events.extend(page["events"])
        url = page.get("next") and f"{base}{page['next']}"
    return events


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--url", help="The Sikejar site, e.g. https://sikejar.example.go.id"
    )
    parser.add_argument("--key", type=Path, help="The log's public key (PEM).")
    parser.add_argument("--checkpoints", type=Path, help="checkpoints.json")
    parser.add_argument("--events", type=Path, help="events.json (the export)")
    parser.add_argument("--previous", type=Path, help="An earlier events.json")
    args = parser.parse_args(argv)

    if args.url:
        base = args.url.rstrip("/")
        key_pem = _fetch(f"{base}/log/key.pem")
        checkpoints = json.loads(_fetch(f"{base}/log/checkpoints.json"))["checkpoints"]
        events = _events_from(base)
    elif args.key and args.checkpoints and args.events:
        key_pem = args.key.read_bytes()
        checkpoints = json.loads(args.checkpoints.read_text())["checkpoints"]
        events = json.loads(args.events.read_text())["events"]
    else:
        parser.error("give --url, or --key, --checkpoints and --events")
    previous = (
        json.loads(args.previous.read_text())["events"] if args.previous else None
    )

    verdict = verify(
        key_pem=key_pem, checkpoints=checkpoints, events=events, previous=previous
    )
    if not verdict.ok:
        sys.stdout.write(f"LOG BROKEN: {verdict.problems[0]}.\n")
        return 1
    sys.stdout.write(
        f"Log verified: {verdict.events} events; signed checkpoints: "
        f"{verdict.checkpoints}, each consistent with the next.\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
