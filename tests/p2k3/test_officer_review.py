"""The verifier's checklist: return a file citing requirements, or recommend it."""

import pytest

from sikejar.accounts.models import Role
from sikejar.integrity.models import AuditAction, AuditEvent
from sikejar.p2k3.models import (
    Application,
    ApplicationStatus,
    Requirement,
    Review,
    ReviewOutcome,
)
from tests.conftest import login
from tests.factories import OfficerFactory
from tests.p2k3.test_officer_queue import other_office

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client):
    """Pages in English, whatever the default language, so texts can be asserted."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def all_met(**overrides: str) -> dict[str, str]:
    """The checklist with every requirement marked met, then the overrides."""
    data = {
        f"choice_{code}": "met"
        for code in Requirement.objects.filter(is_active=True).values_list(
            "code", flat=True
        )
    }
    data.update(overrides)
    return data


def events(action: AuditAction) -> int:
    return AuditEvent.objects.filter(action=action).count()


def unchanged(application: Application) -> bool:
    application.refresh_from_db()
    return (
        application.status == ApplicationStatus.IN_VERIFICATION
        and not application.reviews.exists()
    )


def test_the_verifier_sees_the_checklist_documents_and_checks(
    client, submitted, verifier
):
    response = login(client, verifier).get(f"/applications/{submitted.pk}/review/")

    assert response.status_code == 200
    page = response.content.decode()
    for requirement in Requirement.objects.filter(is_active=True):
        assert requirement.title in page
    for document in submitted.documents.filter(is_current=True):
        assert f"/applications/{submitted.pk}/documents/{document.pk}/" in page
    assert "PT Sawit Makmur Jambi" in page
    assert "Budi Santoso" in page
    assert "No problems found by the automatic checks." in page
    assert f'formaction="/applications/{submitted.pk}/return/"' in page
    assert f'formaction="/applications/{submitted.pk}/recommend/"' in page


def test_it_returns_file_with_cited_requirements(client, submitted, verifier):
    data = all_met(
        **{
            "choice_expert-skp": "not_met",
            "explanation_expert-skp": "SKP sudah kedaluwarsa.",
            "choice_request-letter": "not_met",
            "explanation_request-letter": "Nomor surat tidak terbaca.",
            "reasons": "Mohon diperbaiki.",
        }
    )

    response = login(client, verifier).post(
        f"/applications/{submitted.pk}/return/", data
    )

    assert response.status_code == 302
    assert response["Location"] == "/applications/queue/"
    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.RETURNED
    review = Review.objects.get(application=submitted)
    assert review.outcome == ReviewOutcome.RETURNED
    assert review.officer == verifier
    assert review.reasons == "Mohon diperbaiki."
    assert {c.requirement.code: c.explanation for c in review.citations.all()} == {
        "expert-skp": "SKP sudah kedaluwarsa.",
        "request-letter": "Nomor surat tidak terbaca.",
    }
    event = AuditEvent.objects.get(action=AuditAction.APPLICATION_RETURNED)
    assert event.actor == verifier
    assert event.old_state == ApplicationStatus.IN_VERIFICATION
    assert event.new_state == ApplicationStatus.RETURNED
    assert sorted(event.data["cited"]) == ["expert-skp", "request-letter"]


def test_it_refuses_to_return_a_file_without_a_citation(client, submitted, verifier):
    response = login(client, verifier).post(
        f"/applications/{submitted.pk}/return/", all_met(reasons="Catatan.")
    )

    assert response.status_code == 200
    assert "Mark at least one requirement as not met" in response.content.decode()
    assert unchanged(submitted)
    assert events(AuditAction.APPLICATION_RETURNED) == 0


def test_a_requirement_not_met_needs_an_explanation_and_the_page_keeps_the_input(
    client, submitted, verifier
):
    data = all_met(
        **{
            "choice_expert-skp": "not_met",
            "explanation_expert-skp": "",
            "choice_request-letter": "not_met",
            "explanation_request-letter": "Nomor surat tidak terbaca.",
            "reasons": "Catatan umum.",
        }
    )

    response = login(client, verifier).post(
        f"/applications/{submitted.pk}/return/", data
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "Explain why this requirement is not met." in page
    assert "Nomor surat tidak terbaca." in page
    assert "Catatan umum." in page
    form = response.context["form"]
    assert form["choice_expert-skp"].value() == "not_met"
    assert unchanged(submitted)


def test_it_recommends_approval_when_every_requirement_is_met(
    client, submitted, verifier, head
):
    response = login(client, verifier).post(
        f"/applications/{submitted.pk}/recommend/",
        all_met(recommendation="approve", reasons="Lengkap dan sesuai."),
    )

    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.RECOMMENDED
    review = Review.objects.get(application=submitted)
    assert review.outcome == ReviewOutcome.RECOMMEND_APPROVAL
    assert not review.citations.exists()
    event = AuditEvent.objects.get(action=AuditAction.APPLICATION_RECOMMENDED)
    assert event.data["recommendation"] == ReviewOutcome.RECOMMEND_APPROVAL
    assert event.reason == "Lengkap dan sesuai."


def test_it_recommends_rejection_citing_the_requirements_not_met(
    client, submitted, verifier, head
):
    data = all_met(
        **{
            "choice_committee-composition": "not_met",
            "explanation_committee-composition": "Ketua bukan dari manajemen.",
            "recommendation": "reject",
            "reasons": "Susunan tidak memenuhi ketentuan.",
        }
    )

    login(client, verifier).post(f"/applications/{submitted.pk}/recommend/", data)

    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.RECOMMENDED
    review = Review.objects.get(application=submitted)
    assert review.outcome == ReviewOutcome.RECOMMEND_REJECTION
    assert [c.requirement.code for c in review.citations.all()] == [
        "committee-composition"
    ]
    event = AuditEvent.objects.get(action=AuditAction.APPLICATION_RECOMMENDED)
    assert event.data["cited"] == ["committee-composition"]


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (
            {"choice_expert-skp": "not_met", "explanation_expert-skp": "Lama."},
            "To recommend approval, mark every requirement as met.",
        ),
        ({"choice_expert-skp": ""}, "Not marked as met: Surat Keterangan"),
        ({"recommendation": "reject"}, "To recommend rejection, mark the"),
        ({"reasons": ""}, "Give the reasons for your recommendation."),
        ({"recommendation": ""}, "Choose approval or rejection."),
    ],
)
def test_it_refuses_an_inconsistent_recommendation(
    client, submitted, verifier, data, error
):
    posted = all_met(recommendation="approve", reasons="Alasan.")
    posted.update(data)

    response = login(client, verifier).post(
        f"/applications/{submitted.pk}/recommend/", posted
    )

    assert response.status_code == 200
    assert error in response.content.decode()
    assert unchanged(submitted)
    assert events(AuditAction.APPLICATION_RECOMMENDED) == 0


def test_a_refused_act_shows_the_services_message_and_changes_nothing(
    client, recommended, verifier
):
    before = AuditEvent.objects.count()
    data = all_met(
        **{
            "choice_expert-skp": "not_met",
            "explanation_expert-skp": "SKP sudah kedaluwarsa.",
        }
    )

    response = login(client, verifier).post(
        f"/applications/{recommended.pk}/return/", data
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "This cannot be done while the application is Awaiting decision." in page
    assert "SKP sudah kedaluwarsa." in page
    recommended.refresh_from_db()
    assert recommended.status == ApplicationStatus.RECOMMENDED
    assert AuditEvent.objects.count() == before


def test_the_review_page_sends_a_file_no_longer_in_verification_to_its_page(
    client, recommended, verifier
):
    response = login(client, verifier).get(f"/applications/{recommended.pk}/review/")

    assert response.status_code == 302
    assert response["Location"] == f"/applications/{recommended.pk}/"


URLS = [
    ("get", "/applications/{pk}/review/"),
    ("post", "/applications/{pk}/return/"),
    ("post", "/applications/{pk}/recommend/"),
]


@pytest.mark.parametrize(("method", "url"), URLS)
@pytest.mark.parametrize(
    "persona", ["other_verifier", "head", "inspectorate", "applicant"]
)
def test_officers_and_the_company_who_are_not_its_verifier_get_403(
    client, request, submitted, verifier, method, url, persona
):
    user = request.getfixturevalue(persona)
    assert submitted.verifier != user

    response = getattr(login(client, user), method)(url.format(pk=submitted.pk))

    assert response.status_code == 403
    assert unchanged(submitted)


@pytest.mark.parametrize(("method", "url"), URLS)
@pytest.mark.parametrize("persona", ["other_office_verifier", "other_applicant"])
def test_users_outside_the_office_or_company_get_404(
    client, request, submitted, method, url, persona
):
    if persona == "other_office_verifier":
        user = OfficerFactory(office=other_office(), role=Role.VERIFIER)
    else:
        user = request.getfixturevalue(persona)

    response = getattr(login(client, user), method)(url.format(pk=submitted.pk))

    assert response.status_code == 404
    assert unchanged(submitted)


@pytest.mark.parametrize(("method", "url"), URLS)
def test_anonymous_visitors_are_sent_to_sign_in(client, submitted, method, url):
    response = getattr(client, method)(url.format(pk=submitted.pk))

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize(
    "url", ["/applications/{pk}/return/", "/applications/{pk}/recommend/"]
)
def test_the_acts_answer_only_post(client, submitted, verifier, url):
    response = login(client, verifier).get(url.format(pk=submitted.pk))

    assert response.status_code == 405


def test_the_file_page_offers_the_review_only_to_the_assigned_verifier(
    client, submitted, verifier, other_verifier
):
    mine = login(client, verifier).get(f"/applications/{submitted.pk}/")
    theirs = login(client, other_verifier).get(f"/applications/{submitted.pk}/")

    assert f'href="/applications/{submitted.pk}/review/"' in mine.content.decode()
    page = theirs.content.decode()
    assert f'href="/applications/{submitted.pk}/review/"' not in page
    assert "Nothing on this file waits for you now." in page
