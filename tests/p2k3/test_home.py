"""Everyone's home page: the public landing, and what waits for each persona."""

import pytest

from sikejar.accounts.models import Role
from sikejar.companies.models import Company, MembershipStatus
from sikejar.p2k3 import services
from sikejar.p2k3.models import Requirement
from tests.conftest import login
from tests.factories import MembershipFactory, OfficerFactory, UserFactory
from tests.p2k3.test_officer_queue import (
    days_ago,
    other_office,
    recommended_file,
    submitted_file,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client):
    """Pages in English, whatever the default language, so texts can be asserted."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def test_the_public_sees_what_the_service_is_and_that_it_is_free(client):
    response = client.get("/")

    assert response.status_code == 200
    page = response.content.decode()
    assert "Rp 0" in page
    assert 'href="/accounts/login/"' in page
    assert 'href="/accounts/signup/"' in page
    assert "P2K3" in page


def test_an_operator_without_a_company_is_asked_to_register_one(client):
    user = UserFactory()

    response = login(client, user).get("/")

    page = response.content.decode()
    assert "Register your company first" in page
    assert 'href="/companies/new/"' in page
    assert 'href="/companies/join/"' in page


def test_an_operator_sees_their_applications_with_status_and_next_step(
    client, draft, applicant, company
):
    response = login(client, applicant).get("/")

    page = response.content.decode()
    assert draft.tracking_number in page
    assert f'href="/applications/{draft.pk}/"' in page
    assert "Draft" in page
    assert "Next: complete the application and submit it." in page
    assert f'href="/companies/{company.pk}/"' in page
    # The draft is in progress, so no second application is offered.
    assert f'action="/applications/new/{company.pk}/"' not in page


def test_an_operator_whose_file_was_returned_is_told_to_correct_it(
    client, submitted, applicant, verifier
):
    services.application_return(
        actor=verifier,
        application=submitted,
        citations=[
            services.CitationData(Requirement.objects.get(code="expert-skp"), "Lama.")
        ],
    )

    response = login(client, applicant).get("/")

    page = response.content.decode()
    assert "Returned for correction" in page
    assert "Next: correct what the verifier cited, then submit again." in page


def test_an_operator_may_start_an_application_for_a_company_without_one(
    client, applicant, company
):
    response = login(client, applicant).get("/")

    assert f'action="/applications/new/{company.pk}/"' in response.content.decode()


def test_an_operator_waiting_for_consent_sees_it(client, company):
    user = MembershipFactory(company=company, status=MembershipStatus.PENDING).user

    response = login(client, user).get("/")

    page = response.content.decode()
    assert "Waiting for an operator's consent" in page
    assert f'href="/companies/{company.pk}/"' not in page


def test_operators_never_see_other_companies_files(client, draft, other_applicant):
    response = login(client, other_applicant).get("/")

    assert draft.tracking_number not in response.content.decode()


def test_the_verifier_sees_their_queue_oldest_first_and_files_returned(
    client, verifier
):
    newer = submitted_file(at=days_ago(1))
    older = submitted_file(at=days_ago(3))
    returned = submitted_file(at=days_ago(5))
    services.application_return(
        actor=verifier,
        application=returned,
        citations=[
            services.CitationData(Requirement.objects.get(code="expert-skp"), "Lama.")
        ],
    )

    response = login(client, verifier).get("/")

    page = response.content.decode()
    assert list(response.context["queue"]) == [older, newer]
    assert page.index(older.tracking_number) < page.index(newer.tracking_number)
    assert f'href="/applications/{older.pk}/review/"' in page
    assert list(response.context["returned"]) == [returned]
    assert 'href="/applications/queue/"' in page


def test_the_head_sees_the_files_to_decide_with_the_recommendation(
    client, verifier, head
):
    later = recommended_file(submitted=days_ago(4), recommended=days_ago(1))
    earlier = recommended_file(submitted=days_ago(3), recommended=days_ago(2))
    submitted_file(at=days_ago(6))

    response = login(client, head).get("/")

    page = response.content.decode()
    assert list(response.context["to_decide"]) == [earlier, later]
    assert f'href="/applications/{earlier.pk}/decide/"' in page
    assert f"Recommended for approval by {verifier.full_name}" in page


def test_the_inspectorate_sees_the_offices_open_files_by_status(
    client, verifier, head, inspectorate
):
    recommended_file(submitted=days_ago(4), recommended=days_ago(1))
    waiting = submitted_file(at=days_ago(2))
    elsewhere = other_office()
    OfficerFactory(office=elsewhere, role=Role.VERIFIER)
    foreign = submitted_file(at=days_ago(3), regency=elsewhere.regencies.get())

    response = login(client, inspectorate).get("/")

    counts = {item.status: item.count for item in response.context["counts"]}
    assert counts == {"in_verification": 1, "returned": 0, "recommended": 1}
    page = response.content.decode()
    assert f'href="/applications/{waiting.pk}/"' in page
    assert foreign.tracking_number not in page


def test_the_administrator_is_pointed_to_the_admin(client, admin_user):
    response = login(client, admin_user).get("/")

    assert 'href="/admin/"' in response.content.decode()


@pytest.mark.parametrize(
    ("persona", "queries"),
    [
        ("applicant", 4),
        ("verifier", 8),
        ("head", 8),
        ("inspectorate", 8),
        ("admin_user", 2),
    ],
)
def test_each_home_page_costs_the_same_few_queries_for_many_files(
    client, request, verifier, head, persona, queries, django_assert_max_num_queries
):
    user = request.getfixturevalue(persona)
    for days in (4, 3, 2):
        recommended_file(submitted=days_ago(days + 0.5), recommended=days_ago(days))
        submitted_file(at=days_ago(days))
    if persona == "applicant":
        for company in Company.objects.exclude(memberships__user=user):
            MembershipFactory(user=user, company=company)
    login(client, user)

    with django_assert_max_num_queries(queries):
        response = client.get("/")

    assert response.status_code == 200
