"""The company and the office read and download the signed decree of a file."""

import hashlib

import pytest

from sikejar.accounts.models import Role
from sikejar.decrees import services
from sikejar.p2k3.models import ApplicationKind
from tests.conftest import login
from tests.decrees.conftest import issue
from tests.decrees.test_lifecycle import recommended_file
from tests.factories import MembershipFactory, OfficeFactory, OfficerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client):
    """Pages in English, whatever the default language, so texts can be asserted."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_the_company_downloads_the_signed_decree(client, issued, applicant):
    response = login(client, applicant).get(f"/decrees/{issued.pk}/download/")

    assert response.status_code == 200
    number = issued.number.replace("/", "-")
    assert response["Content-Disposition"] == f'attachment; filename="SK-{number}.pdf"'
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    assert hashlib.sha256(body(response)).hexdigest() == issued.sha256


@pytest.mark.parametrize("persona", ["verifier", "inspectorate", "signer"])
def test_the_offices_officers_download_it_too(client, request, issued, persona):
    user = request.getfixturevalue(persona)

    response = login(client, user).get(f"/decrees/{issued.pk}/download/")

    assert response.status_code == 200
    assert hashlib.sha256(body(response)).hexdigest() == issued.sha256


def test_another_companys_operator_gets_404(client, issued, other_applicant):
    response = login(client, other_applicant).get(f"/decrees/{issued.pk}/download/")

    assert response.status_code == 404


def test_a_member_awaiting_consent_gets_404(client, issued, company):
    pending = MembershipFactory(company=company, status="pending").user

    response = login(client, pending).get(f"/decrees/{issued.pk}/download/")

    assert response.status_code == 404


def test_another_offices_officer_gets_404(client, issued):
    officer = OfficerFactory(office=OfficeFactory(regencies=[]), role=Role.HEAD)

    response = login(client, officer).get(f"/decrees/{issued.pk}/download/")

    assert response.status_code == 404


def test_an_unknown_decree_is_not_found(client, issued, applicant):
    response = login(client, applicant).get(f"/decrees/{issued.pk + 1}/download/")

    assert response.status_code == 404


def test_the_download_answers_only_get(client, issued, applicant):
    response = login(client, applicant).post(f"/decrees/{issued.pk}/download/")

    assert response.status_code == 405


def test_anonymous_visitors_are_sent_to_sign_in(client, issued):
    response = client.get(f"/decrees/{issued.pk}/download/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_application_page_shows_the_decree(client, issued, applicant):
    response = login(client, applicant).get(f"/applications/{issued.application_id}/")

    page = response.content.decode()
    assert issued.number in page
    assert "In force" in page
    assert issued.sha256 in page
    assert f'href="/decrees/{issued.pk}/download/"' in page
    assert f'href="/v/{issued.code}"' in page
    assert f'href="/decrees/{issued.pk}/cancel/"' not in page


def test_the_application_page_offers_the_head_the_cancellation(client, issued, signer):
    response = login(client, signer).get(f"/applications/{issued.application_id}/")

    page = response.content.decode()
    assert f'href="/decrees/{issued.pk}/download/"' in page
    assert f'href="/decrees/{issued.pk}/cancel/"' in page


def test_the_application_page_offers_the_verifier_no_cancellation(
    client, issued, verifier
):
    response = login(client, verifier).get(f"/applications/{issued.application_id}/")

    page = response.content.decode()
    assert f'href="/decrees/{issued.pk}/download/"' in page
    assert f'href="/decrees/{issued.pk}/cancel/"' not in page


def test_a_file_without_a_decree_shows_none(client, recommended, applicant):
    response = login(client, applicant).get(f"/applications/{recommended.pk}/")

    assert response.status_code == 200
    assert "Download the signed decree" not in response.content.decode()


def test_a_replaced_decree_names_its_successor(
    client, issued, signer, verifier, applicant
):
    company = issued.application.company
    amendment = recommended_file(
        verifier, company=company, kind=ApplicationKind.AMENDMENT
    )
    new = issue(amendment, signer)

    response = login(client, applicant).get(f"/applications/{issued.application_id}/")

    assert f"Replaced by {new.number}" in response.content.decode()


def test_a_cancelled_decree_shows_the_reason(client, issued, signer, applicant):
    services.decree_cancel(actor=signer, decree=issued, reason="NIB keliru.")

    response = login(client, applicant).get(f"/applications/{issued.application_id}/")

    page = response.content.decode()
    assert "Cancelled on" in page
    assert "NIB keliru." in page
    assert f'href="/decrees/{issued.pk}/download/"' in page
