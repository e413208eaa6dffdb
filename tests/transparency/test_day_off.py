"""The office's days off, set in the admin: audited, and never in the past."""

from datetime import timedelta

import pytest
from django.utils import timezone

from sikejar.core.errors import DomainError
from sikejar.integrity.models import AuditAction, AuditEvent
from sikejar.transparency.models import DayOff
from sikejar.transparency.services import day_off_remove, day_off_set
from tests.conftest import login
from tests.transparency.conftest import travel

pytestmark = pytest.mark.django_db


def day_off_events() -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=AuditAction.DAY_OFF_SET))


def test_an_administrator_sets_a_day_off_in_the_admin(client, admin_user, office):
    day = timezone.localdate() + timedelta(days=10)
    login(client, admin_user)

    response = client.post(
        "/admin/transparency/dayoff/add/",
        {"office": office.pk, "day": day.isoformat(), "reason": "Cuti bersama"},
    )

    assert response.status_code == 302
    day_off = DayOff.objects.get()
    assert (day_off.office, day_off.day, day_off.reason) == (
        office,
        day,
        "Cuti bersama",
    )
    [event] = day_off_events()
    assert event.actor == admin_user
    assert event.data == {"office": office.pk, "day": day.isoformat()}
    assert event.reason == "Cuti bersama"


def test_a_day_in_the_past_is_refused_with_a_message(client, admin_user, office):
    day = timezone.localdate() - timedelta(days=1)
    login(client, admin_user)

    response = client.post(
        "/admin/transparency/dayoff/add/",
        {"office": office.pk, "day": day.isoformat(), "reason": "Lupa dicatat"},
    )

    assert response.status_code == 200
    assert "A day in the past cannot change" in response.content.decode()
    assert not DayOff.objects.exists()
    assert day_off_events() == []


def test_a_day_off_to_come_can_be_removed_on_the_record(client, admin_user, office):
    day_off = day_off_set(
        actor=admin_user,
        office=office,
        day=timezone.localdate() + timedelta(days=3),
        reason="Cuti bersama",
    )
    login(client, admin_user)

    client.post(f"/admin/transparency/dayoff/{day_off.pk}/delete/", {"post": "yes"})

    assert not DayOff.objects.exists()
    assert [e.new_state for e in day_off_events()] == ["set", "removed"]


def test_a_past_day_off_cannot_be_removed(client, admin_user, office):
    with travel("2026-08-01"):
        day_off = day_off_set(
            actor=admin_user,
            office=office,
            day=timezone.localdate() + timedelta(days=3),
            reason="Cuti bersama",
        )
    login(client, admin_user)

    response = client.post(
        f"/admin/transparency/dayoff/{day_off.pk}/delete/", {"post": "yes"}
    )

    assert response.status_code == 403
    assert DayOff.objects.filter(pk=day_off.pk).exists()
    with pytest.raises(DomainError):
        day_off_remove(actor=admin_user, day_off=day_off)


def test_a_day_off_needs_a_reason(admin_user, office):
    with pytest.raises(DomainError):
        day_off_set(
            actor=admin_user,
            office=office,
            day=timezone.localdate() + timedelta(days=3),
            reason="  ",
        )

    assert not DayOff.objects.exists()


def test_officers_cannot_set_days_off(head, office):
    with pytest.raises(DomainError):
        day_off_set(
            actor=head,
            office=office,
            day=timezone.localdate() + timedelta(days=3),
            reason="Rapat",
        )
