"""The head's decision: approve and sign, reject citing requirements, or send back."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.core import mail

from sikejar.accounts.models import Role
from sikejar.decrees import services as decree_services
from sikejar.decrees.models import Decree, DecreeStatus
from sikejar.integrity.models import AuditAction, AuditEvent
from sikejar.p2k3 import services
from sikejar.p2k3.models import (
    Application,
    ApplicationStatus,
    Requirement,
    Review,
    ReviewOutcome,
)
from tests.conftest import login
from tests.decrees.conftest import SIGNING_PASSWORD, TOTP_SECRET, totp_code
from tests.factories import OfficerFactory
from tests.p2k3.test_officer_queue import other_office

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client):
    """Pages in English, whatever the default language, so texts can be asserted."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


REJECTION = {
    "reject-cite_expert-skp": "on",
    "reject-explanation_expert-skp": "SKP menyebut perusahaan lain.",
    "reject-reasons": "Sekretaris tidak ditunjuk untuk perusahaan ini.",
}


def approval(user, **changes) -> dict[str, str]:
    """The approve form as the signer fills it in, with the current code."""
    data = {
        "approve-password": SIGNING_PASSWORD,
        "approve-totp_code": totp_code(user),
        "approve-reasons": "Disetujui.",
    }
    return {**data, **changes}


def unchanged(application: Application) -> bool:
    application.refresh_from_db()
    if Decree.objects.filter(application=application).exists():
        return False
    decided = application.reviews.exclude(
        outcome__in=[
            ReviewOutcome.RECOMMEND_APPROVAL,
            ReviewOutcome.RECOMMEND_REJECTION,
        ]
    )
    return application.status == ApplicationStatus.RECOMMENDED and not decided.exists()


def test_the_head_sees_the_recommendation_and_the_three_acts(
    client, recommended, signer
):
    response = login(client, signer).get(f"/applications/{recommended.pk}/decide/")

    assert response.status_code == 200
    page = response.content.decode()
    assert "Recommended for approval" in page
    assert "Lengkap dan sesuai." in page
    assert "No problems found by the automatic checks." in page
    assert f'action="/applications/{recommended.pk}/approve/"' in page
    assert f'action="/applications/{recommended.pk}/reject/"' in page
    assert f'action="/applications/{recommended.pk}/send-back/"' in page


def test_the_approve_form_asks_for_the_key_password_and_a_code(
    client, recommended, signer
):
    response = login(client, signer).get(f"/applications/{recommended.pk}/decide/")

    page = response.content.decode()
    assert 'type="password" name="approve-password" autocomplete="off"' in page
    assert 'inputmode="numeric"' in page
    assert 'autocomplete="one-time-code"' in page


def test_the_head_approves_and_signs_the_decree(client, recommended, signer):
    response = login(client, signer).post(
        f"/applications/{recommended.pk}/approve/", approval(signer)
    )

    assert response.status_code == 302
    assert response["Location"] == f"/applications/{recommended.pk}/"
    recommended.refresh_from_db()
    assert recommended.status == ApplicationStatus.APPROVED
    assert recommended.decided_by == signer
    decree = Decree.objects.get(application=recommended)
    assert decree.status == DecreeStatus.IN_FORCE
    assert decree.signed_by == signer
    event = AuditEvent.objects.get(action=AuditAction.APPLICATION_APPROVED)
    assert event.actor == signer
    assert event.old_state == ApplicationStatus.RECOMMENDED
    assert event.reason == "Disetujui."
    assert AuditEvent.objects.filter(action=AuditAction.DECREE_ISSUED).count() == 1


def test_the_file_page_then_shows_the_signed_decree(client, recommended, signer):
    login(client, signer).post(
        f"/applications/{recommended.pk}/approve/", approval(signer)
    )

    page = client.get(f"/applications/{recommended.pk}/").content.decode()
    decree = Decree.objects.get()
    assert f"is approved and decree {decree.number} is signed." in page
    assert decree.sha256 in page
    assert f'href="/decrees/{decree.pk}/download/"' in page


def test_the_company_gets_an_email_with_the_link_to_its_decree(
    client, recommended, signer, applicant, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        login(client, signer).post(
            f"/applications/{recommended.pk}/approve/", approval(signer)
        )

    decree = Decree.objects.get()
    issued = [m for m in mail.outbox if decree.number in m.subject]
    assert len(issued) == 1
    assert issued[0].to == [applicant.email]
    assert f"/applications/{recommended.pk}/" in issued[0].body
    assert "Rp 0" in issued[0].body


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"approve-password": "salah"}, "The signing password is wrong."),
        ({"approve-password": ""}, "Type the password of your signing key."),
        ({"approve-totp_code": "000000"}, "The authenticator code is wrong"),
        ({"approve-totp_code": ""}, "Type the code from your authenticator app."),
    ],
)
def test_a_wrong_secret_signs_nothing(client, recommended, signer, changes, error):
    data = approval(signer, **changes)

    response = login(client, signer).post(
        f"/applications/{recommended.pk}/approve/", data
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert error in page
    assert "Disetujui." in page
    assert SIGNING_PASSWORD not in page
    assert f'value="{data["approve-totp_code"]}"' not in page
    assert unchanged(recommended)
    assert not AuditEvent.objects.filter(action=AuditAction.APPLICATION_APPROVED)
    assert not AuditEvent.objects.filter(action=AuditAction.DECREE_ISSUED)


def test_a_code_counts_only_once(client, recommended, signer, verifier):
    code = totp_code(signer)
    login(client, signer).post(
        f"/applications/{recommended.pk}/approve/",
        approval(signer, **{"approve-password": "salah", "approve-totp_code": code}),
    )

    response = client.post(
        f"/applications/{recommended.pk}/approve/",
        approval(signer, **{"approve-totp_code": code}),
    )

    assert "The authenticator code is wrong or was already used." in (
        response.content.decode()
    )
    assert unchanged(recommended)


def test_a_head_without_a_second_factor_is_sent_to_set_one_up(
    client, recommended, head
):
    response = login(client, head).get(f"/applications/{recommended.pk}/decide/")

    page = response.content.decode()
    assert "Signing needs a second factor." in page
    assert 'href="/accounts/2fa/totp/activate/"' in page
    assert "Ask the administrator to install yours" in page
    assert f'action="/applications/{recommended.pk}/approve/"' not in page


def test_a_head_with_a_second_factor_but_no_key_asks_the_administrator(
    client, recommended, head
):
    TOTP.activate(head, TOTP_SECRET)

    response = login(client, head).get(f"/applications/{recommended.pk}/decide/")

    page = response.content.decode()
    assert "Signing needs a second factor." not in page
    assert "manage.py decree_signer_install" in page
    assert f'action="/applications/{recommended.pk}/approve/"' not in page


def test_a_head_without_a_key_cannot_approve(client, recommended, head):
    TOTP.activate(head, TOTP_SECRET)

    response = login(client, head).post(
        f"/applications/{recommended.pk}/approve/", approval(head)
    )

    assert response.status_code == 200
    assert "You have no signing certificate installed." in response.content.decode()
    assert unchanged(recommended)


def test_the_head_rejects_citing_a_requirement(client, recommended, head):
    response = login(client, head).post(
        f"/applications/{recommended.pk}/reject/", REJECTION
    )

    assert response.status_code == 302
    recommended.refresh_from_db()
    assert recommended.status == ApplicationStatus.REJECTED
    review = Review.objects.get(application=recommended, outcome=ReviewOutcome.REJECTED)
    assert review.reasons == "Sekretaris tidak ditunjuk untuk perusahaan ini."
    assert [(c.requirement.code, c.explanation) for c in review.citations.all()] == [
        ("expert-skp", "SKP menyebut perusahaan lain.")
    ]
    event = AuditEvent.objects.get(action=AuditAction.APPLICATION_REJECTED)
    assert event.data["cited"] == ["expert-skp"]


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"reject-cite_expert-skp": ""}, "must cite at least one published"),
        (
            {"reject-explanation_expert-skp": ""},
            "Explain how the file fails this requirement.",
        ),
        ({"reject-reasons": ""}, "Give the reasons for the rejection."),
    ],
)
def test_an_incomplete_rejection_is_refused_and_keeps_what_was_typed(
    client, recommended, head, changes, error
):
    data = {**REJECTION, **changes}

    response = login(client, head).post(f"/applications/{recommended.pk}/reject/", data)

    assert response.status_code == 200
    page = response.content.decode()
    assert error in page
    for typed in data.values():
        if typed not in ("", "on"):
            assert typed in page
    assert unchanged(recommended)
    assert not AuditEvent.objects.filter(action=AuditAction.APPLICATION_REJECTED)


def test_the_reject_form_starts_from_the_verifiers_citations(
    client, submitted, verifier, head
):
    services.application_recommend(
        actor=verifier,
        application=submitted,
        approve=False,
        reasons="SKP tidak sesuai.",
        citations=[
            services.CitationData(
                Requirement.objects.get(code="expert-skp"), "Nama perusahaan lain."
            )
        ],
    )

    response = login(client, head).get(f"/applications/{submitted.pk}/decide/")

    form = response.context["reject_form"]
    assert form["cite_expert-skp"].value() is True
    assert form["explanation_expert-skp"].value() == "Nama perusahaan lain."
    assert form["cite_request-letter"].value() in (None, False)


def test_the_head_sends_the_file_back_with_reasons(client, recommended, head, verifier):
    response = login(client, head).post(
        f"/applications/{recommended.pk}/send-back/",
        {"send_back-reasons": "Periksa lagi masa berlaku SKP."},
    )

    assert response.status_code == 302
    recommended.refresh_from_db()
    assert recommended.status == ApplicationStatus.IN_VERIFICATION
    assert recommended.verifier == verifier
    review = Review.objects.get(outcome=ReviewOutcome.SENT_BACK)
    assert review.reasons == "Periksa lagi masa berlaku SKP."
    event = AuditEvent.objects.get(action=AuditAction.APPLICATION_SENT_BACK)
    assert event.reason == "Periksa lagi masa berlaku SKP."


def test_sending_back_needs_reasons(client, recommended, head):
    response = login(client, head).post(
        f"/applications/{recommended.pk}/send-back/", {"send_back-reasons": "  "}
    )

    assert response.status_code == 200
    assert "Say why the file goes back to the verifier." in response.content.decode()
    assert unchanged(recommended)


ACTS = [
    ("/applications/{pk}/reject/", REJECTION),
    ("/applications/{pk}/send-back/", {"send_back-reasons": "Periksa lagi."}),
]


@pytest.mark.parametrize(("url", "data"), ACTS)
def test_a_head_who_verified_the_file_cannot_decide_it(
    client, recommended, verifier, url, data
):
    verifier.role = Role.HEAD
    verifier.save(update_fields=["role"])
    before = AuditEvent.objects.count()

    response = login(client, verifier).post(url.format(pk=recommended.pk), data)

    assert response.status_code == 200
    assert "Whoever verified a file can never decide it." in response.content.decode()
    assert unchanged(recommended)
    assert AuditEvent.objects.count() == before


def test_a_head_who_verified_the_file_cannot_sign_it(
    client, recommended, verifier, archive
):
    verifier.role = Role.HEAD
    verifier.save(update_fields=["role"])
    TOTP.activate(verifier, TOTP_SECRET)
    decree_services.signer_install(
        actor=None, signer=verifier, archive=archive, password=SIGNING_PASSWORD
    )
    before = AuditEvent.objects.count()

    response = login(client, verifier).post(
        f"/applications/{recommended.pk}/approve/", approval(verifier)
    )

    assert response.status_code == 200
    shown = [str(message) for message in response.context["messages"]]
    assert shown == ["Whoever verified a file can never decide it."]
    assert unchanged(recommended)
    assert AuditEvent.objects.count() == before


def test_the_decision_page_sends_a_file_not_awaiting_decision_to_its_page(
    client, submitted, head
):
    response = login(client, head).get(f"/applications/{submitted.pk}/decide/")

    assert response.status_code == 302
    assert response["Location"] == f"/applications/{submitted.pk}/"


URLS = [
    ("get", "/applications/{pk}/decide/"),
    ("post", "/applications/{pk}/approve/"),
    ("post", "/applications/{pk}/reject/"),
    ("post", "/applications/{pk}/send-back/"),
]


@pytest.mark.parametrize(("method", "url"), URLS)
@pytest.mark.parametrize("persona", ["verifier", "inspectorate", "applicant"])
def test_everyone_but_the_head_gets_403(
    client, request, recommended, method, url, persona
):
    user = request.getfixturevalue(persona)

    response = getattr(login(client, user), method)(url.format(pk=recommended.pk))

    assert response.status_code == 403
    assert unchanged(recommended)


@pytest.mark.parametrize(("method", "url"), URLS)
@pytest.mark.parametrize("persona", ["other_office_head", "other_applicant"])
def test_users_outside_the_office_or_company_get_404(
    client, request, recommended, method, url, persona
):
    if persona == "other_office_head":
        user = OfficerFactory(office=other_office(), role=Role.HEAD)
    else:
        user = request.getfixturevalue(persona)

    response = getattr(login(client, user), method)(url.format(pk=recommended.pk))

    assert response.status_code == 404
    assert unchanged(recommended)


@pytest.mark.parametrize(("method", "url"), URLS)
def test_anonymous_visitors_are_sent_to_sign_in(client, recommended, method, url):
    response = getattr(client, method)(url.format(pk=recommended.pk))

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("url", [url for method, url in URLS if method == "post"])
def test_the_acts_answer_only_post(client, recommended, head, url):
    response = login(client, head).get(url.format(pk=recommended.pk))

    assert response.status_code == 405


def test_the_file_page_offers_the_head_the_decision(client, recommended, head):
    response = login(client, head).get(f"/applications/{recommended.pk}/")

    assert f'href="/applications/{recommended.pk}/decide/"' in response.content.decode()


def test_the_file_page_offers_the_head_nothing_before_the_recommendation(
    client, submitted, head
):
    response = login(client, head).get(f"/applications/{submitted.pk}/")

    page = response.content.decode()
    assert f'href="/applications/{submitted.pk}/decide/"' not in page
    assert "Nothing on this file waits for you now." in page
