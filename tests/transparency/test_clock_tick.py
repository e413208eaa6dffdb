"""The hourly tick: an overdue file is recorded and reported once, and only once."""

from io import StringIO

import pytest
from django.core.management import call_command

from sikejar.integrity.chain import audit_verify
from sikejar.integrity.models import AuditAction, AuditEvent
from sikejar.transparency.models import OverdueMark
from tests.transparency.conftest import filed, returned, travel

pytestmark = pytest.mark.django_db


def tick() -> str:
    out = StringIO()
    call_command("clock_tick", stdout=out)
    return out.getvalue()


def overdue_events(application) -> list[AuditEvent]:
    return list(
        AuditEvent.objects.filter(
            action=AuditAction.APPLICATION_OVERDUE, object_id=str(application.pk)
        )
    )


def test_it_reports_a_file_past_its_limit_to_the_head_and_the_inspectorate(
    office,
    verifier,
    head,
    inspectorate,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    application = filed("2026-08-03")  # Due Monday the 10th.

    with travel("2026-08-11", 1), django_capture_on_commit_callbacks(execute=True):
        output = tick()

    assert "Files newly past their processing limit: 1." in output
    [event] = overdue_events(application)
    assert event.actor is None
    assert event.data == {
        "expected_on": "2026-08-10",
        "limit": 5,
        "working_days_used": 6,
    }
    assert OverdueMark.objects.get().application == application
    assert sorted(m.to[0] for m in mailoutbox) == sorted(
        [head.email, inspectorate.email]
    )
    assert application.tracking_number in mailoutbox[0].subject
    assert audit_verify().intact


def test_it_is_idempotent(
    office, verifier, head, mailoutbox, django_capture_on_commit_callbacks
):
    application = filed("2026-08-03")

    with django_capture_on_commit_callbacks(execute=True):
        with travel("2026-08-11", 1):
            tick()
        with travel("2026-08-11", 2):
            second = tick()
        with travel("2026-08-20", 2):
            tick()

    assert "limit: 0." in second
    assert len(overdue_events(application)) == 1
    assert len(mailoutbox) == 1


def test_it_leaves_files_within_their_limit_alone(office, verifier, head):
    filed("2026-08-03")

    with travel("2026-08-10", 23):
        output = tick()

    assert "limit: 0." in output
    assert not OverdueMark.objects.exists()


def test_it_leaves_a_file_with_the_company_alone(office, verifier, head):
    application = filed("2026-08-03")
    returned(application, "2026-08-05")

    with travel("2026-09-30"):
        tick()

    assert overdue_events(application) == []
