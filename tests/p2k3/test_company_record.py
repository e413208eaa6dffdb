"""The file's record: status, history, committee, documents, citations, thread."""

import pytest

from sikejar.integrity.models import AuditAction, AuditEvent
from sikejar.p2k3 import services
from sikejar.p2k3.models import ApplicationStatus, Message, Requirement
from tests.conftest import login
from tests.factories import OfficeFactory, OfficerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(client):
    """Pages in English, whatever the default language, so texts can be asserted."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def returned(submitted):
    services.application_return(
        actor=submitted.verifier,
        application=submitted,
        citations=[
            services.CitationData(
                Requirement.objects.get(code="expert-skp"),
                "SKP sudah kedaluwarsa sejak Maret.",
            ),
            services.CitationData(
                Requirement.objects.get(code="committee-structure"),
                "Susunan belum ditandatangani direktur.",
            ),
        ],
        reasons="Mohon dilengkapi.",
    )
    return submitted


def test_the_record_explains_the_status_and_what_comes_next(
    client, applicant, submitted
):
    response = login(client, applicant).get(f"/applications/{submitted.pk}/")

    assert response.status_code == 200
    assert "In verification" in response.text
    assert "expected decision date" in response.text
    assert "Budi Santoso" in response.text  # The committee table.
    assert "Chair (Ketua)" in response.text
    for document in submitted.documents.filter(is_current=True):
        assert document.sha256 in response.text
    assert "Application submitted" in response.text  # The history.
    assert "Application assigned" in response.text


def test_the_history_collapses_repeated_draft_saves(client, applicant, draft):
    for _ in range(3):
        services.application_save_draft(
            actor=applicant,
            application=draft,
            request_letter_number="001/HRD/XI/2026",
            request_letter_date=draft.request_letter_date,
            members=[],
        )

    response = login(client, applicant).get(f"/applications/{draft.pk}/")

    # The fixture's save, its uploads, then one entry for the three saves.
    assert response.text.count("Application draft saved") == 2
    assert "(3 times)" in response.text


def test_the_history_hides_the_officer_s_name_from_the_company(
    client, applicant, returned
):
    response = login(client, applicant).get(f"/applications/{returned.pk}/")

    assert "Returned for correction" in response.text
    assert str(returned.verifier) not in response.text


def test_a_returned_file_shows_each_cited_requirement_and_why(
    client, applicant, returned
):
    response = login(client, applicant).get(f"/applications/{returned.pk}/")

    assert "What the verifier asks you to correct" in response.text
    assert "Surat Keterangan Penunjukan (SKP) Ahli K3 Umum" in response.text
    assert "SKP sudah kedaluwarsa sejak Maret." in response.text
    assert "Susunan pengurus P2K3" in response.text
    assert "Susunan belum ditandatangani direktur." in response.text
    assert "Mohon dilengkapi." in response.text
    assert f"/applications/{returned.pk}/edit/" in response.text


def test_a_draft_shows_what_is_still_missing(client, applicant, company, office):
    application = services.application_create(actor=applicant, company=company)

    response = login(client, applicant).get(f"/applications/{application.pk}/")

    assert "What is still missing" in response.text
    assert "Give the request letter&#x27;s number and date." in response.text
    assert "Messages open once the application is submitted." in response.text


def test_an_officer_of_the_office_sees_the_record_and_their_actions(
    client, verifier, submitted
):
    response = login(client, verifier).get(f"/applications/{submitted.pk}/")

    assert response.status_code == 200
    assert f"/applications/{submitted.pk}/review/" in response.text
    assert f"/applications/{submitted.pk}/withdraw/" not in response.text


def test_another_company_does_not_see_the_record(client, other_applicant, submitted):
    response = login(client, other_applicant).get(f"/applications/{submitted.pk}/")

    assert response.status_code == 404


def test_another_office_does_not_see_the_record(client, submitted):
    stranger = OfficerFactory(office=OfficeFactory(name="Another office"))

    response = login(client, stranger).get(f"/applications/{submitted.pk}/")

    assert response.status_code == 404


def test_an_administrator_does_not_see_the_record_here(client, admin_user, submitted):
    response = login(client, admin_user).get(f"/applications/{submitted.pk}/")

    assert response.status_code == 404


def test_the_record_costs_a_fixed_number_of_queries(
    client, applicant, returned, django_assert_max_num_queries
):
    login(client, applicant)
    client.get(f"/applications/{returned.pk}/")  # Warm the session.
    for index in range(5):
        services.message_post(
            actor=applicant, application=returned, body=f"Pesan {index}"
        )

    with django_assert_max_num_queries(17):
        response = client.get(f"/applications/{returned.pk}/")

    assert response.status_code == 200


# Messages.


def test_the_company_writes_in_the_thread(client, applicant, submitted):
    response = login(client, applicant).post(
        f"/applications/{submitted.pk}/messages/",
        {"body": "Apakah SKP versi baru sudah diterima?"},
        follow=True,
    )

    message = Message.objects.get()
    assert response.redirect_chain[0][0] == f"/applications/{submitted.pk}/#messages"
    assert message.author == applicant
    assert "Apakah SKP versi baru sudah diterima?" in response.text
    assert AuditEvent.objects.filter(action=AuditAction.MESSAGE_POSTED).exists()


def test_the_verifier_answers_in_the_thread_through_htmx(client, verifier, submitted):
    response = login(client, verifier).post(
        f"/applications/{submitted.pk}/messages/",
        {"body": "Sudah, terima kasih."},
        headers={"hx-request": "true"},
    )

    assert response.status_code == 200
    assert "<html" not in response.text
    assert 'id="messages"' in response.text
    assert "Sudah, terima kasih." in response.text
    assert Message.objects.get().author == verifier


def test_an_empty_message_is_refused_and_nothing_is_posted(
    client, applicant, submitted
):
    response = login(client, applicant).post(
        f"/applications/{submitted.pk}/messages/", {"body": "   "}
    )

    assert response.status_code == 200
    assert "This field is required." in response.text
    assert not Message.objects.exists()


def test_a_draft_has_no_thread_yet(client, applicant, draft):
    response = login(client, applicant).post(
        f"/applications/{draft.pk}/messages/", {"body": "Halo?"}
    )

    assert "Messages open once the application is submitted." in response.text
    assert not Message.objects.exists()


def test_the_inspectorate_reads_but_does_not_write(client, inspectorate, submitted):
    response = login(client, inspectorate).post(
        f"/applications/{submitted.pk}/messages/", {"body": "Catatan"}
    )

    assert response.status_code == 403
    assert not Message.objects.exists()


def test_another_company_cannot_write_in_the_thread(client, other_applicant, submitted):
    response = login(client, other_applicant).post(
        f"/applications/{submitted.pk}/messages/", {"body": "Halo"}
    )

    assert response.status_code == 404
    assert not Message.objects.exists()


# Withdrawal.


def test_withdrawing_asks_for_confirmation_first(client, applicant, submitted):
    response = login(client, applicant).get(f"/applications/{submitted.pk}/withdraw/")

    submitted.refresh_from_db()
    assert response.status_code == 200
    assert "Nothing is deleted" in response.text
    assert 'name="reason"' in response.text
    assert submitted.status == ApplicationStatus.IN_VERIFICATION


def test_the_company_withdraws_with_a_reason_and_the_record_stays(
    client, applicant, submitted
):
    response = login(client, applicant).post(
        f"/applications/{submitted.pk}/withdraw/",
        {"reason": "Struktur organisasi berubah."},
        follow=True,
    )

    submitted.refresh_from_db()
    event = AuditEvent.objects.get(action=AuditAction.APPLICATION_WITHDRAWN)
    assert submitted.status == ApplicationStatus.WITHDRAWN
    assert event.reason == "Struktur organisasi berubah."
    assert "The application was withdrawn. Its record is kept." in response.text
    assert "Struktur organisasi berubah." in response.text  # In the history.
    assert submitted.documents.exists()


def test_a_decided_file_cannot_be_withdrawn(client, applicant, recommended, head):
    services.application_decide(actor=head, application=recommended, approve=True)
    login(client, applicant)

    page = client.get(f"/applications/{recommended.pk}/withdraw/")
    response = client.post(f"/applications/{recommended.pk}/withdraw/", follow=True)

    recommended.refresh_from_db()
    assert "can no longer be withdrawn" in page.text
    assert "This cannot be done while the application is Approved." in response.text
    assert recommended.status == ApplicationStatus.APPROVED


@pytest.mark.parametrize("method", ["get", "post"])
def test_an_officer_cannot_withdraw(client, verifier, submitted, method):
    response = getattr(login(client, verifier), method)(
        f"/applications/{submitted.pk}/withdraw/"
    )

    assert response.status_code == 403


def test_another_company_cannot_withdraw(client, other_applicant, submitted):
    response = login(client, other_applicant).post(
        f"/applications/{submitted.pk}/withdraw/"
    )

    submitted.refresh_from_db()
    assert response.status_code == 404
    assert submitted.status == ApplicationStatus.IN_VERIFICATION
