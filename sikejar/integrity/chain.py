"""The audit chain: canonical content, appending, and walking it."""

import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Model
from django.utils import timezone

from sikejar.accounts.models import User
from sikejar.integrity.entry import entry_hash, private_digest
from sikejar.integrity.models import (
    GENESIS_HASH,
    AuditAction,
    AuditChainHead,
    AuditEvent,
)

# Acts whose very kind would tell an officer that they were reported: the
# public log shows only that something happened at that time.
WITHHELD_ACTIONS = frozenset(
    {
        AuditAction.REPORT_FILED,
        AuditAction.REPORT_UPDATED,
        AuditAction.APPLICATION_REASSIGNED,
        AuditAction.CONFLICT_DECLARED,
    }
)
_DESCRIPTIVE = (
    "actor_role",
    "action",
    "object_type",
    "object_id",
    "old_state",
    "new_state",
)


def public_part(event: AuditEvent) -> dict[str, Any]:
    """What the public export shows of an event; never who acted or why."""
    public: dict[str, Any] = {
        "seq": event.seq,
        "created_at": event.created_at.isoformat(timespec="microseconds"),
        "prev_hash": event.prev_hash,
    }
    if event.action in WITHHELD_ACTIONS:
        return {**public, "action": "withheld"}
    return {**public, **{name: getattr(event, name) for name in _DESCRIPTIVE}}


def private_part(event: AuditEvent) -> dict[str, Any]:
    private: dict[str, Any] = {
        "salt": event.salt,
        "actor_id": event.actor_id,
        "reason": event.reason,
        "data": event.data,
    }
    if event.action in WITHHELD_ACTIONS:
        private.update({name: getattr(event, name) for name in _DESCRIPTIVE})
    return private


def content_hash(event: AuditEvent) -> str:
    return entry_hash(public_part(event), private_digest(private_part(event)))


def public_entry(event: AuditEvent) -> dict[str, Any]:
    """One line of the public export: enough to recompute the event's hash."""
    return {
        **public_part(event),
        "private_digest": private_digest(private_part(event)),
        "hash": event.hash,
    }


def audit_record(
    *,
    actor: User | None,
    action: AuditAction,
    obj: Model,
    old_state: str = "",
    new_state: str = "",
    reason: str = "",
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event to the chain inside the caller's transaction.

    Costs one locked read and two writes; appends from concurrent
    transactions queue on the head row, which is what keeps the chain linear.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit_record must run inside the acting transaction.")

    head = AuditChainHead.objects.select_for_update().get(pk=1)
    event = AuditEvent(
        seq=head.seq + 1,
        created_at=timezone.now(),
        actor=actor,
        actor_role=actor.role if actor is not None else "system",
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        old_state=old_state,
        new_state=new_state,
        reason=reason,
        data=data or {},
        salt=secrets.token_hex(16),
        prev_hash=head.hash,
    )
    event.hash = content_hash(event)
    event.save(force_insert=True)

    head.seq, head.hash = event.seq, event.hash
    head.save(update_fields=["seq", "hash"])
    return event


@dataclass(frozen=True)
class ChainBreak:
    seq: int
    problem: str


@dataclass(frozen=True)
class ChainReport:
    events: int
    head_hash: str
    first_break: ChainBreak | None

    @property
    def intact(self) -> bool:
        return self.first_break is None


def _walk(events: Iterator[AuditEvent], head: AuditChainHead) -> ChainReport:
    expected_seq, prev_hash, count = 1, GENESIS_HASH, 0
    for event in events:
        count += 1
        if event.seq > expected_seq:
            problem = f"event #{expected_seq} is missing (removed)"
            return ChainReport(count, head.hash, ChainBreak(expected_seq, problem))
        if event.seq < expected_seq:
            problem = f"event #{event.seq} appears twice or out of order (inserted)"
            return ChainReport(count, head.hash, ChainBreak(event.seq, problem))
        if content_hash(event) != event.hash:
            problem = f"event #{event.seq} was edited: its content no longer hashes"
            return ChainReport(count, head.hash, ChainBreak(event.seq, problem))
        if event.prev_hash != prev_hash:
            problem = (
                f"event #{event.seq} does not follow event #{event.seq - 1} "
                "(inserted or moved)"
            )
            return ChainReport(count, head.hash, ChainBreak(event.seq, problem))
        expected_seq, prev_hash = expected_seq + 1, event.hash

    if head.seq != expected_seq - 1 or head.hash != prev_hash:
        problem = (
            f"the chain ends at event #{expected_seq - 1} but its head records "
            f"#{head.seq} (events removed from the end)"
        )
        return ChainReport(count, head.hash, ChainBreak(expected_seq, problem))
    return ChainReport(count, prev_hash, None)


def audit_verify() -> ChainReport:
    """Walk the whole chain in order; stops at the first event that breaks it."""
    head = AuditChainHead.objects.get(pk=1)
    events = AuditEvent.objects.order_by("seq", "pk").iterator(chunk_size=2000)
    return _walk(events, head)
