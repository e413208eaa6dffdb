"""The audit chain catches every way of tampering with stored events."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from sikejar.integrity.chain import audit_verify
from sikejar.integrity.models import AuditChainHead, AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def chain(recommended):
    """A chain of real events: a file drafted, filled, submitted and recommended."""
    assert AuditEvent.objects.count() >= 8
    return list(AuditEvent.objects.order_by("seq"))


def test_an_untouched_chain_verifies(chain, capsys):
    call_command("verify_audit")

    assert f"intact: {len(chain)} events" in capsys.readouterr().out


def test_it_names_an_edited_event(chain):
    AuditEvent.objects.filter(seq=4).update(reason="nothing happened")

    with pytest.raises(CommandError, match="event #4 was edited"):
        call_command("verify_audit")


def test_it_names_a_removed_event(chain):
    AuditEvent.objects.filter(seq=3).delete()

    report = audit_verify()
    assert report.first_break is not None
    assert report.first_break.seq == 3
    with pytest.raises(CommandError, match="event #3 is missing"):
        call_command("verify_audit")


def test_it_notices_events_removed_from_the_end(chain):
    AuditEvent.objects.filter(seq=len(chain)).delete()

    with pytest.raises(CommandError, match="removed from the end"):
        call_command("verify_audit")


def test_it_names_an_inserted_event(chain):
    """An insider renumbers the tail to make room and forges a valid-looking event."""
    from sikejar.integrity.chain import content_hash

    for event in reversed(chain[4:]):
        AuditEvent.objects.filter(pk=event.pk).update(seq=event.seq + 1)
    forged = AuditEvent(
        seq=5,
        created_at=chain[4].created_at,
        actor_role="verifier",
        action="application.approved",
        object_type="p2k3.application",
        object_id=chain[4].object_id,
        prev_hash=chain[3].hash,
    )
    forged.hash = content_hash(forged)
    forged.save()

    with pytest.raises(CommandError, match="event #6"):
        call_command("verify_audit")


def test_it_names_moved_events(chain):
    """Two events swap places in the sequence."""
    a, b = chain[2], chain[5]
    AuditEvent.objects.filter(pk=a.pk).update(seq=10_000)
    AuditEvent.objects.filter(pk=b.pk).update(seq=a.seq)
    AuditEvent.objects.filter(pk=a.pk).update(seq=b.seq)

    report = audit_verify()
    assert report.first_break is not None
    assert report.first_break.seq == a.seq
    assert AuditChainHead.objects.get().seq == len(chain)
