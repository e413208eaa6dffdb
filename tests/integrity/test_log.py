"""The published log, checked by the standalone verifier after tampering.

Each test signs checkpoints over a real log, tampers with the stored events
the way an insider with database access could, publishes the log again and
runs the verifier on what the public can download.
"""

import json
import random
from typing import Any

import pytest
from django.test import Client

from sikejar.integrity import logcheck
from sikejar.integrity.chain import content_hash
from sikejar.integrity.log import LogBrokenError, checkpoint_sign
from sikejar.integrity.models import AuditChainHead, AuditEvent, Checkpoint
from sikejar.p2k3 import services

pytestmark = pytest.mark.django_db


def published(client: Client | None = None) -> dict[str, Any]:
    """Everything the verifier needs, fetched as the public would."""
    client = client or Client()
    events, url = [], "/log/events.json"
    while url:
        page = client.get(url).json()
        events += page["events"]
        url = page["next"]
    return {
        "key_pem": client.get("/log/key.pem").content,
        "checkpoints": client.get("/log/checkpoints.json").json()["checkpoints"],
        "events": events,
    }


@pytest.fixture
def log(recommended, verifier, applicant):
    """A log of about twenty events with two checkpoints along it."""
    checkpoint_sign()
    services.message_post(
        actor=applicant, application=recommended, body="Terima kasih."
    )
    services.message_post(actor=verifier, application=recommended, body="Sama-sama.")
    checkpoint_sign()
    services.message_post(
        actor=applicant, application=recommended, body="Kapan selesai?"
    )
    return list(AuditEvent.objects.order_by("seq"))


def test_an_untouched_log_verifies(log):
    verdict = logcheck.verify(**published())

    assert verdict.ok, verdict.problems
    assert verdict.events == len(log)
    assert verdict.checkpoints == 2


def test_the_export_carries_no_personal_data(log, applicant, verifier):
    body = json.dumps(published()["events"])

    for secret in (applicant.email, verifier.email, verifier.full_name, "Terima kasih"):
        assert secret not in body
    assert all("actor_id" not in e and "reason" not in e for e in json.loads(body))


def test_checkpoints_are_not_signed_over_a_broken_chain(log):
    AuditEvent.objects.filter(seq=3).update(reason="rewritten")

    with pytest.raises(LogBrokenError):
        checkpoint_sign()


def _edit(log, rng):
    victim = rng.choice(log)
    AuditEvent.objects.filter(pk=victim.pk).update(new_state="approved")
    return victim.seq, "edited"


def _delete(log, rng):
    victim = rng.choice(log[:-1])
    AuditEvent.objects.filter(pk=victim.pk).delete()
    return victim.seq, "missing"


def _swap(log, rng):
    a, b = sorted(rng.sample(log, 2), key=lambda e: e.seq)
    AuditEvent.objects.filter(pk=a.pk).update(seq=10_000)
    AuditEvent.objects.filter(pk=b.pk).update(seq=a.seq)
    AuditEvent.objects.filter(pk=a.pk).update(seq=b.seq)
    return a.seq, ""


def _insert(log, rng):
    """A forged event squeezed in, the tail renumbered to make room."""
    at = rng.randrange(1, len(log))
    for event in reversed(log[at:]):
        AuditEvent.objects.filter(pk=event.pk).update(seq=event.seq + 1)
    forged = AuditEvent(
        seq=at + 1,
        created_at=log[at].created_at,
        actor_role="head",
        action="application.approved",
        object_type="p2k3.application",
        object_id=log[at].object_id,
        prev_hash=log[at - 1].hash,
    )
    forged.hash = content_hash(forged)
    forged.save()
    return at + 1, ""


def _truncate(log, rng):
    cut = rng.randrange(3, len(log) - 1)
    AuditEvent.objects.filter(seq__gt=cut).delete()
    AuditChainHead.objects.filter(pk=1).update(seq=cut, hash=log[cut - 1].hash)
    return cut + 1, "removed"


TAMPERINGS = [_edit, _delete, _swap, _insert, _truncate]


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("tamper", TAMPERINGS, ids=lambda t: t.__name__[1:])
def test_tampering_is_caught_and_the_first_bad_event_named(log, tamper, seed):
    first_bad, word = tamper(log, random.Random(seed))

    verdict = logcheck.verify(**published())

    assert not verdict.ok
    assert f"#{first_bad}" in verdict.problems[0]
    assert word in verdict.problems[0]


def test_a_rewritten_history_is_caught_by_the_signed_checkpoints(log):
    """An insider edits an event and recomputes every hash after it."""
    before = published()["events"]
    victim = log[4]
    head_hash = _rewrite_from(victim.seq, reason="nothing to see")

    verdict = logcheck.verify(**published())
    assert AuditChainHead.objects.get().hash == head_hash
    assert not verdict.ok
    assert "do not match the signed checkpoint" in verdict.problems[0]
    # With an earlier copy of the export, the verifier names the event.
    verdict = logcheck.verify(**published(), previous=before)
    assert f"event #{victim.seq} differs" in verdict.problems[0]


def _rewrite_from(seq: int, *, reason: str) -> str:
    previous = AuditEvent.objects.get(seq=seq - 1).hash
    for event in AuditEvent.objects.filter(seq__gte=seq).order_by("seq"):
        if event.seq == seq:
            event.reason = reason
        event.prev_hash = previous
        event.hash = content_hash(event)
        AuditEvent.objects.filter(pk=event.pk).update(
            reason=event.reason, prev_hash=event.prev_hash, hash=event.hash
        )
        previous = event.hash
    AuditChainHead.objects.filter(pk=1).update(hash=previous)
    return previous


def test_a_forged_checkpoint_is_refused(log):
    Checkpoint.objects.filter(pk=Checkpoint.objects.all()[0].pk).update(
        root_hash="0" * 64
    )

    verdict = logcheck.verify(**published())

    assert "not signed by the log key" in verdict.problems[0]


def test_proofs_are_published_and_verify(log, client):
    checkpoint = checkpoint_sign()
    size = checkpoint.tree_size

    inclusion = client.get(f"/log/proof/inclusion/5/?size={size}").json()
    consistency = client.get(f"/log/proof/consistency/?first=7&second={size}").json()

    from sikejar.integrity import merkle

    root = bytes.fromhex(checkpoint.root_hash)
    proof = [bytes.fromhex(p) for p in inclusion["proof"]]
    leaf = bytes.fromhex(inclusion["leaf_hash"])
    assert merkle.verify_inclusion(leaf, 4, size, proof, root)
    old_root = merkle.root([merkle.leaf_hash(bytes.fromhex(e.hash)) for e in log[:7]])
    proof = [bytes.fromhex(p) for p in consistency["proof"]]
    assert merkle.verify_consistency(7, size, proof, old_root, root)
    assert client.get("/log/proof/consistency/?first=9&second=2").status_code == 400


def test_the_verifier_runs_from_the_command_line(log, tmp_path, capsys):
    data = published()
    (tmp_path / "key.pem").write_bytes(data["key_pem"])
    (tmp_path / "c.json").write_text(json.dumps({"checkpoints": data["checkpoints"]}))
    (tmp_path / "e.json").write_text(json.dumps({"events": data["events"]}))
    arguments = ["--key", str(tmp_path / "key.pem"), "--checkpoints"]
    arguments += [str(tmp_path / "c.json"), "--events", str(tmp_path / "e.json")]

    assert logcheck.main(arguments) == 0
    assert "Log verified" in capsys.readouterr().out
    AuditEvent.objects.filter(seq=2).update(object_id="999")
    (tmp_path / "e.json").write_text(json.dumps({"events": published()["events"]}))
    assert logcheck.main(arguments) == 1
    assert "event #2 was edited" in capsys.readouterr().out
