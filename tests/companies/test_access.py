"""Who reaches each company page: the owner, everyone else, and the public."""

import pytest

from sikejar.companies.models import MembershipStatus
from tests.companies.conftest import pending_membership
from tests.conftest import login
from tests.factories import SafetyExpertFactory

pytestmark = pytest.mark.django_db

OUTSIDERS = ["other_applicant", "newcomer", "verifier", "head", "admin_user"]


def _detail_urls(company, expert):
    base = f"/companies/{company.pk}"
    return [
        f"{base}/",
        f"{base}/edit/",
        f"{base}/experts/new/",
        f"{base}/experts/{expert.pk}/edit/",
        f"{base}/experts/{expert.pk}/certificate.pdf",
        f"{base}/experts/{expert.pk}/skp.pdf",
        f"{base}/experts/{expert.pk}/licence.pdf",
    ]


def test_the_operator_opens_every_page_of_their_company(
    client, applicant, company, expert
):
    login(client, applicant)

    for url in _detail_urls(company, expert):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_anyone_else_gets_404_on_every_page_of_the_company(
    client, request, company, applicant, expert, persona
):
    login(client, request.getfixturevalue(persona))

    for url in _detail_urls(company, expert):
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize("action", ["approve", "reject"])
@pytest.mark.parametrize("persona", OUTSIDERS)
def test_anyone_else_gets_404_when_deciding_a_request(
    client, request, company, applicant, action, persona
):
    membership = pending_membership(company, "waiting@example.test")
    login(client, request.getfixturevalue(persona))

    url = f"/companies/{company.pk}/memberships/{membership.pk}/{action}/"
    response = client.post(url)

    assert response.status_code == 404
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.PENDING


@pytest.mark.parametrize("action", ["approve", "reject"])
def test_deciding_a_request_takes_a_post(client, company, applicant, newcomer, action):
    membership = newcomer.memberships.get()
    login(client, applicant)

    url = f"/companies/{company.pk}/memberships/{membership.pk}/{action}/"
    assert client.get(url).status_code == 405


@pytest.mark.parametrize("url", ["/companies/", "/companies/new/", "/companies/join/"])
@pytest.mark.parametrize("persona", ["verifier", "head", "inspectorate", "admin_user"])
def test_officers_may_not_use_the_company_pages(client, request, url, persona):
    login(client, request.getfixturevalue(persona))

    assert client.get(url).status_code == 403
    if url != "/companies/":
        assert client.post(url, {}).status_code == 403


def test_the_public_is_sent_to_sign_in(client, company, applicant, expert):
    membership = pending_membership(company, "waiting@example.test")
    urls = [
        "/companies/",
        "/companies/new/",
        "/companies/join/",
        *_detail_urls(company, expert),
    ]

    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/accounts/login/?next="), url
    for action in ("approve", "reject"):
        url = f"/companies/{company.pk}/memberships/{membership.pk}/{action}/"
        assert client.post(url).status_code == 302


def test_an_expert_is_reached_only_through_their_own_company(
    client, applicant, company, other_applicant
):
    stranger = SafetyExpertFactory(company=other_applicant.memberships.get().company)
    login(client, applicant)

    base = f"/companies/{company.pk}/experts/{stranger.pk}"
    assert client.get(f"{base}/edit/").status_code == 404
    assert client.get(f"{base}/skp.pdf").status_code == 404


def test_an_unknown_paper_is_404(client, applicant, company, expert):
    login(client, applicant)

    url = f"/companies/{company.pk}/experts/{expert.pk}/passport.pdf"
    assert client.get(url).status_code == 404


def test_a_paper_downloads_as_an_attachment(client, applicant, company, expert):
    login(client, applicant)

    response = client.get(f"/companies/{company.pk}/experts/{expert.pk}/skp.pdf")

    assert response["Content-Disposition"].startswith("attachment;")
    assert f'filename="skp-{expert.pk}.pdf"' in response["Content-Disposition"]
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
