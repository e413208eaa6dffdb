"""The audit chain as a transparency log: leaves, checkpoints and proofs.

The leaves are the events' hashes in sequence order (RFC 9162 leaf hashing
over the 32-byte hash). Checkpoints are signed notes of the tree's size
and root, published so that nobody, the office included, can rewrite the
past without it showing.
"""

import logging
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from sikejar.integrity import merkle
from sikejar.integrity.chain import audit_verify
from sikejar.integrity.logkey import sign
from sikejar.integrity.models import AuditChainHead, AuditEvent, Checkpoint

logger = logging.getLogger(__name__)


def log_leaves(size: int | None = None) -> list[bytes]:
    """The first ``size`` leaves (all when None); one query, O(events)."""
    hashes = AuditEvent.objects.order_by("seq").values_list("hash", flat=True)
    if size is not None:
        hashes = hashes[:size]
    return [merkle.leaf_hash(bytes.fromhex(h)) for h in hashes]


def checkpoint_note(size: int, root: str, signed_at: str) -> str:
    return f"{settings.SIKEJAR_LOG_ORIGIN}\n{size}\n{root}\n{signed_at}\n"


class LogBrokenError(Exception):
    """The stored chain does not verify; no checkpoint may vouch for it."""


@transaction.atomic
def checkpoint_sign() -> Checkpoint:
    """Sign the log as it stands, unless nothing was added since the last one.

    Verifies the whole chain first (O(events)), so that a checkpoint never
    vouches for a tampered log. Locks the chain head meanwhile.
    """
    head = AuditChainHead.objects.select_for_update().get(pk=1)
    latest = Checkpoint.objects.order_by("-tree_size").first()
    if latest is not None and latest.tree_size == head.seq:
        return latest
    report = audit_verify()
    if report.first_break is not None:
        logger.error("Refusing to sign a checkpoint: %s", report.first_break.problem)
        raise LogBrokenError(report.first_break.problem)

    root = merkle.root(log_leaves()).hex()
    now = timezone.now().replace(microsecond=0)
    note = checkpoint_note(head.seq, root, now.isoformat())
    signature, key = sign(note)
    return Checkpoint.objects.create(
        tree_size=head.seq,
        root_hash=root,
        signed_at=now,
        note=note,
        signature=signature,
        key_id=key,
    )


def checkpoint_public(checkpoint: Checkpoint) -> dict[str, Any]:
    return {
        "tree_size": checkpoint.tree_size,
        "root_hash": checkpoint.root_hash,
        "note": checkpoint.note,
        "signature": checkpoint.signature,
        "key_id": checkpoint.key_id,
    }


def inclusion(seq: int, size: int) -> dict[str, Any]:
    """The audit path of one entry in the tree of ``size`` entries.

    A past tree never changes, so the proof is cached: the public
    verification page would otherwise read every entry on each visit. The
    key names the tree's last entry hash, so a proof is never served for
    another tree of the same size.
    """
    last = AuditEvent.objects.filter(seq=size).values_list("hash", flat=True).first()
    key = f"integrity:inclusion:{seq}:{size}:{last}"
    proof: dict[str, Any] | None = cache.get(key)
    if proof is None:
        proof = _inclusion(seq, size)
        cache.set(key, proof, timeout=24 * 3600)
    return proof


def _inclusion(seq: int, size: int) -> dict[str, Any]:
    leaves = log_leaves(size)
    return {
        "seq": seq,
        "leaf_index": seq - 1,
        "tree_size": size,
        "leaf_hash": leaves[seq - 1].hex(),
        "proof": [p.hex() for p in merkle.inclusion_proof(leaves, seq - 1)],
        "root_hash": merkle.root(leaves).hex(),
    }


def consistency(first: int, second: int) -> dict[str, Any]:
    leaves = log_leaves(second)
    return {
        "first": first,
        "second": second,
        "proof": [p.hex() for p in merkle.consistency_proof(leaves, first)],
    }


def proof_of_act(obj_type: str, obj_id: str, action: str) -> dict[str, Any] | None:
    """The inclusion proof of an act in the latest checkpoint that covers it.

    None while no signed checkpoint covers the act yet. Reads the leaves up
    to the checkpoint (O(events)); fine at an office's scale of tens of
    thousands of entries a year.
    """
    event = (
        AuditEvent.objects.filter(object_type=obj_type, object_id=obj_id, action=action)
        .order_by("seq")
        .first()
    )
    if event is None:
        return None
    checkpoint = (
        Checkpoint.objects.filter(tree_size__gte=event.seq)
        .order_by("-tree_size")
        .first()
    )
    if checkpoint is None:
        return None
    proof = inclusion(event.seq, checkpoint.tree_size)
    verified = merkle.verify_inclusion(
        bytes.fromhex(proof["leaf_hash"]),
        event.seq - 1,
        checkpoint.tree_size,
        [bytes.fromhex(p) for p in proof["proof"]],
        bytes.fromhex(checkpoint.root_hash),
    )
    return {**proof, "checkpoint": checkpoint, "verified": verified}
