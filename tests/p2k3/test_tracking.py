"""Public tracking: anyone with the number sees states, dates and place, no names."""

import pytest
from django.core.cache import cache
from django.utils.timezone import localtime

from sikejar.p2k3 import services
from sikejar.p2k3.models import Application, Requirement
from tests.conftest import login
from tests.p2k3.test_officer_queue import days_ago, submitted_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client):
    """Pages in English, whatever the default language, so texts can be asserted."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture(autouse=True)
def _fresh_budget() -> None:
    """Each test starts with a full budget of unknown numbers."""
    cache.clear()


def page_of(client, application: Application) -> str:
    response = client.get(f"/track/{application.tracking_number}/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_form_sends_a_number_to_its_page(client, submitted):
    response = client.get("/track/", {"number": f" {submitted.tracking_number} "})

    assert response.status_code == 302
    assert response["Location"] == f"/track/{submitted.tracking_number}/"


def test_the_form_accepts_a_number_typed_in_lower_case(client, submitted):
    response = client.get("/track/", {"number": submitted.tracking_number.lower()})

    assert response["Location"] == f"/track/{submitted.tracking_number}/"


def test_the_form_asks_for_a_number(client):
    response = client.get("/track/", {"number": ""})

    assert response.status_code == 200
    assert "Type the tracking number." in response.content.decode()


def test_the_public_sees_the_state_and_the_submission_date(client, submitted):
    page = page_of(client, submitted)

    assert "Status: In verification" in page
    assert "Submitted" in page
    assert f'datetime="{localtime(submitted.submitted_at).date().isoformat()}T' in page
    assert "It is next in the verifier's queue." in page


def test_the_page_tells_how_many_files_are_ahead_in_the_queue(client, verifier):
    submitted_file(at=days_ago(3))
    submitted_file(at=days_ago(2))
    mine = submitted_file(at=days_ago(1))

    page = page_of(client, mine)

    assert "2 files are ahead of it in the verifier's queue." in page


def test_the_page_shows_the_expected_decision_date(client, submitted):
    page = page_of(client, submitted)

    assert "Expected decision by" in page


def test_the_timeline_follows_the_file_to_its_decision(
    client, submitted, applicant, verifier, head
):
    requirement = Requirement.objects.get(code="expert-skp")
    services.application_return(
        actor=verifier,
        application=submitted,
        citations=[services.CitationData(requirement, "SKP kedaluwarsa.")],
    )
    services.application_submit(actor=applicant, application=submitted)
    services.application_recommend(
        actor=verifier, application=submitted, approve=True, reasons="Lengkap."
    )
    services.application_decide(
        actor=head,
        application=submitted,
        approve=False,
        reasons="Ditolak.",
        citations=[services.CitationData(requirement, "Tidak sesuai.")],
    )

    page = page_of(client, submitted)

    steps = [
        "Submitted",
        "Returned to the company for correction",
        "Corrected and submitted again",
        "Verified; waiting for the decision",
        "Rejected",
    ]
    positions = [page.index(f"<strong>{step}</strong>") for step in steps]
    assert positions == sorted(positions)
    assert "ahead of it" not in page


def test_the_page_names_no_person_and_shows_no_message_or_document(
    client, submitted, applicant, verifier
):
    services.message_post(
        actor=applicant, application=submitted, body="Mohon dipercepat, Pak."
    )
    services.application_return(
        actor=verifier,
        application=submitted,
        citations=[
            services.CitationData(
                Requirement.objects.get(code="expert-skp"), "SKP milik PT lain."
            )
        ],
        reasons="Periksa SKP.",
    )

    page = page_of(client, submitted)

    for secret in (
        verifier.full_name,
        verifier.email,
        applicant.full_name,
        applicant.email,
        "Mohon dipercepat",
        "SKP milik PT lain.",
        "Periksa SKP.",
        submitted.company.legal_name,
        submitted.request_letter_number,
    ):
        assert secret not in page
    for document in submitted.documents.all():
        assert document.original_name not in page
        assert document.sha256 not in page
    for member in submitted.members.all():
        assert member.full_name not in page


def test_a_signed_in_company_sees_the_same_page(client, submitted, applicant):
    page = page_of(login(client, applicant), submitted)

    assert "Status: In verification" in page


def test_a_draft_is_not_trackable(client, draft):
    response = client.get(f"/track/{draft.tracking_number}/")

    assert response.status_code == 404
    assert "No submitted application has the tracking number" in (
        response.content.decode()
    )


def test_an_unknown_number_is_not_found(client, submitted):
    response = client.get("/track/P2K3-2026-ZZZZZZZZ/")

    assert response.status_code == 404


def test_too_many_unknown_numbers_pause_look_ups_from_that_address(
    client, submitted, settings
):
    settings.SIKEJAR_VERIFY_MISS_LIMIT = 3
    for index in range(3):
        client.get(f"/track/P2K3-2026-ZZZZZZZ{index}/")

    paused = client.get(f"/track/{submitted.tracking_number}/")
    elsewhere = client.get(
        f"/track/{submitted.tracking_number}/", REMOTE_ADDR="10.0.0.9"
    )

    assert paused.status_code == 429
    assert "Too many unknown tracking numbers" in paused.content.decode()
    assert "Status:" not in paused.content.decode()
    assert elsewhere.status_code == 200


def test_the_page_costs_a_fixed_number_of_queries(
    client, verifier, django_assert_max_num_queries
):
    for day in (5, 4, 3, 2):
        mine = submitted_file(at=days_ago(day))

    with django_assert_max_num_queries(7):
        page_of(client, mine)
