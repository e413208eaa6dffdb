"""A company with a decree in force applies for an amendment from its page."""

import pytest
from django.core.cache import cache

from sikejar.accounts.models import Role
from sikejar.decrees.models import Decree, DecreeStatus
from sikejar.integrity.models import AuditAction, AuditEvent
from sikejar.p2k3 import services as p2k3_services
from sikejar.p2k3.models import Application, ApplicationKind, ApplicationStatus
from tests.conftest import login
from tests.decrees.conftest import SIGNING_PASSWORD, totp_code
from tests.decrees.test_lifecycle import recommended_file
from tests.factories import MembershipFactory, OfficerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client):
    """Pages in English, whatever the default language, so texts can be asserted."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def approval(signer) -> dict[str, str]:
    """The head's approval with a code not yet spent (the fixture spent one)."""
    cache.clear()
    return {
        "approve-password": SIGNING_PASSWORD,
        "approve-totp_code": totp_code(signer),
    }


def amendments() -> list[Application]:
    return list(Application.objects.filter(kind=ApplicationKind.AMENDMENT))


def test_the_company_page_offers_an_amendment(client, issued, applicant, company):
    response = login(client, applicant).get(f"/companies/{company.pk}/")

    page = response.content.decode()
    assert issued.number in page
    assert f'action="/decrees/amend/{company.pk}/"' in page
    assert "Apply for an amendment" in page


def test_an_amendment_starts_prefilled_from_the_committee_in_force(
    client, issued, applicant, company
):
    response = login(client, applicant).post(f"/decrees/amend/{company.pk}/")

    [amendment] = amendments()
    assert response.status_code == 302
    assert response["Location"] == f"/applications/{amendment.pk}/edit/"
    assert amendment.status == ApplicationStatus.DRAFT
    assert amendment.company == company
    old = [(m.full_name, m.role, m.element) for m in issued.application.members.all()]
    new = [(m.full_name, m.role, m.element) for m in amendment.members.all()]
    assert new == old
    created = AuditEvent.objects.filter(action=AuditAction.APPLICATION_CREATED)
    assert created.latest("pk").actor == applicant

    page = client.get(response["Location"]).content.decode()
    for name, _role, _element in old:
        assert f'value="{name}"' in page


def test_the_application_page_says_it_is_an_amendment(
    client, issued, applicant, company
):
    login(client, applicant).post(f"/decrees/amend/{company.pk}/")
    [amendment] = amendments()

    page = client.get(f"/applications/{amendment.pk}/").content.decode()

    assert "Amendment" in page


def test_a_company_without_a_decree_in_force_is_refused(client, applicant, company):
    response = login(client, applicant).post(f"/decrees/amend/{company.pk}/")

    assert response.status_code == 302
    assert response["Location"] == f"/companies/{company.pk}/"
    assert amendments() == []
    page = client.get(response["Location"]).content.decode()
    assert "Only a company with a decree in force can amend it." in page
    assert "Apply for an amendment" not in page


def test_a_company_whose_decree_was_cancelled_is_refused(
    client, issued, signer, applicant, company
):
    login(client, signer).post(f"/decrees/{issued.pk}/cancel/", {"reason": "Keliru."})

    response = login(client, applicant).post(f"/decrees/amend/{company.pk}/")

    assert response["Location"] == f"/companies/{company.pk}/"
    assert amendments() == []


def test_no_amendment_is_offered_while_an_application_is_in_progress(
    client, issued, applicant, company
):
    p2k3_services.application_create(actor=applicant, company=company)

    page = login(client, applicant).get(f"/companies/{company.pk}/").content.decode()

    assert issued.number in page
    assert "An application of this company is in progress." in page
    assert f'action="/decrees/amend/{company.pk}/"' not in page


def test_the_amendment_decree_replaces_the_old_one_everywhere(
    client, issued, signer, verifier, applicant, company
):
    amendment = recommended_file(
        verifier, company=company, kind=ApplicationKind.AMENDMENT
    )

    response = login(client, signer).post(
        f"/applications/{amendment.pk}/approve/",
        approval(signer),
    )

    assert response.status_code == 302
    new = Decree.objects.get(application=amendment)
    issued.refresh_from_db()
    assert issued.status == DecreeStatus.REPLACED
    assert new.replaces == issued
    old_page = login(client, applicant).get(f"/applications/{issued.application_id}/")
    assert f"Replaced by {new.number}" in old_page.content.decode()
    company_page = client.get(f"/companies/{company.pk}/").content.decode()
    assert new.number in company_page


def test_a_new_application_for_a_company_with_a_decree_cannot_be_signed(
    client, issued, signer, verifier, company
):
    second = recommended_file(verifier, company=company)

    response = login(client, signer).post(
        f"/applications/{second.pk}/approve/",
        approval(signer),
    )

    assert response.status_code == 200
    assert "it needs an amendment" in response.content.decode()
    second.refresh_from_db()
    assert second.status == ApplicationStatus.RECOMMENDED
    assert Decree.objects.count() == 1


@pytest.mark.parametrize("role", [Role.VERIFIER, Role.HEAD, Role.INSPECTORATE])
def test_officers_get_403(client, issued, office, company, role):
    officer = OfficerFactory(office=office, role=role)

    response = login(client, officer).post(f"/decrees/amend/{company.pk}/")

    assert response.status_code == 403
    assert amendments() == []


def test_another_companys_operator_gets_404(client, issued, other_applicant, company):
    response = login(client, other_applicant).post(f"/decrees/amend/{company.pk}/")

    assert response.status_code == 404
    assert amendments() == []


def test_a_member_awaiting_consent_gets_404(client, issued, company):
    pending = MembershipFactory(company=company, status="pending").user

    response = login(client, pending).post(f"/decrees/amend/{company.pk}/")

    assert response.status_code == 404
    assert amendments() == []


def test_the_amendment_answers_only_post(client, issued, applicant, company):
    response = login(client, applicant).get(f"/decrees/amend/{company.pk}/")

    assert response.status_code == 405


def test_anonymous_visitors_are_sent_to_sign_in(client, issued, company):
    response = client.post(f"/decrees/amend/{company.pk}/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert amendments() == []
