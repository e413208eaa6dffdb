"""The head of the office cancels a decree whose data proved wrong."""

import pytest
from django.core import mail

from sikejar.accounts.models import Role
from sikejar.decrees import services
from sikejar.decrees.models import Decree, DecreeStatus
from sikejar.integrity.models import AuditAction, AuditEvent
from tests.conftest import login
from tests.factories import OfficeFactory, OfficerFactory

pytestmark = pytest.mark.django_db

REASON = "NIB perusahaan pada keputusan keliru."


@pytest.fixture
def client(client):
    """Pages in English, whatever the default language, so texts can be asserted."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def in_force(decree: Decree) -> bool:
    decree.refresh_from_db()
    cancelled = AuditEvent.objects.filter(action=AuditAction.DECREE_CANCELLED)
    return decree.status == DecreeStatus.IN_FORCE and not cancelled.exists()


def test_the_head_is_asked_for_the_reason(client, issued, signer):
    response = login(client, signer).get(f"/decrees/{issued.pk}/cancel/")

    assert response.status_code == 200
    page = response.content.decode()
    assert f"Cancel decree {issued.number}?" in page
    assert f'action="/decrees/{issued.pk}/cancel/"' in page
    assert 'name="reason"' in page


def test_the_head_cancels_the_decree_with_a_reason(
    client, issued, signer, applicant, django_capture_on_commit_callbacks
):
    applicant.language = "en"  # E-mails follow the recipient's language.
    applicant.save(update_fields=["language"])
    with django_capture_on_commit_callbacks(execute=True):
        response = login(client, signer).post(
            f"/decrees/{issued.pk}/cancel/", {"reason": REASON}
        )

    assert response.status_code == 302
    assert response["Location"] == f"/applications/{issued.application_id}/"
    issued.refresh_from_db()
    assert issued.status == DecreeStatus.CANCELLED
    assert issued.cancel_reason == REASON
    event = AuditEvent.objects.get(action=AuditAction.DECREE_CANCELLED)
    assert event.actor == signer
    assert event.reason == REASON
    cancelled = [m for m in mail.outbox if "cancelled" in m.subject]
    assert [m.to for m in cancelled] == [[applicant.email]]


def test_the_application_page_then_shows_the_cancellation(client, issued, signer):
    login(client, signer).post(f"/decrees/{issued.pk}/cancel/", {"reason": REASON})

    page = client.get(f"/applications/{issued.application_id}/").content.decode()

    assert f"Decree {issued.number} is cancelled." in page
    assert "Cancelled on" in page
    assert REASON in page
    assert f'href="/decrees/{issued.pk}/cancel/"' not in page


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_cancellation_without_a_reason_changes_nothing(
    client, issued, signer, reason
):
    response = login(client, signer).post(
        f"/decrees/{issued.pk}/cancel/", {"reason": reason}
    )

    assert response.status_code == 200
    assert "Give the reason for the cancellation." in response.content.decode()
    assert in_force(issued)


def test_a_decree_no_longer_in_force_cannot_be_cancelled(client, issued, signer):
    services.decree_cancel(actor=signer, decree=issued, reason="Pertama.")

    page = login(client, signer).get(f"/decrees/{issued.pk}/cancel/")
    response = client.post(f"/decrees/{issued.pk}/cancel/", {"reason": "Kedua."})

    assert "can no longer be cancelled" in page.content.decode()
    assert response.status_code == 200
    assert "Only a decree in force can be cancelled." in response.content.decode()
    issued.refresh_from_db()
    assert issued.cancel_reason == "Pertama."
    assert AuditEvent.objects.filter(action=AuditAction.DECREE_CANCELLED).count() == 1


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("persona", ["verifier", "inspectorate", "applicant"])
def test_everyone_but_the_head_gets_403(client, request, issued, method, persona):
    user = request.getfixturevalue(persona)

    response = getattr(login(client, user), method)(
        f"/decrees/{issued.pk}/cancel/", {"reason": REASON}
    )

    assert response.status_code == 403
    assert in_force(issued)


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("persona", ["other_office_head", "other_applicant"])
def test_users_outside_the_office_or_company_get_404(
    client, request, issued, method, persona
):
    if persona == "other_office_head":
        user = OfficerFactory(office=OfficeFactory(regencies=[]), role=Role.HEAD)
    else:
        user = request.getfixturevalue(persona)

    response = getattr(login(client, user), method)(
        f"/decrees/{issued.pk}/cancel/", {"reason": REASON}
    )

    assert response.status_code == 404
    assert in_force(issued)


def test_anonymous_visitors_are_sent_to_sign_in(client, issued):
    response = client.post(f"/decrees/{issued.pk}/cancel/", {"reason": REASON})

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert in_force(issued)
