"""The verifier's queue and the head's files to decide: whose, in what order."""

from datetime import datetime, timedelta

import pytest
import time_machine
from django.utils import timezone

from sikejar.accounts.models import Office, Regency, Role
from sikejar.p2k3 import services
from sikejar.p2k3.models import Application, Requirement
from tests.conftest import complete_draft, login
from tests.factories import (
    CompanyFactory,
    OfficeFactory,
    OfficerFactory,
    SafetyExpertFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client):
    """Pages in English, whatever the default language, so texts can be asserted."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def days_ago(days: float) -> datetime:
    return timezone.now() - timedelta(days=days)


def submitted_file(*, at: datetime, regency: Regency | None = None) -> Application:
    """A complete file of a new company, submitted at the given time."""
    company = CompanyFactory(**({"regency": regency} if regency else {}))
    SafetyExpertFactory(company=company)
    with time_machine.travel(at, tick=False):
        application = complete_draft(company)
        return services.application_submit(
            actor=application.created_by, application=application
        )


def recommended_file(*, submitted: datetime, recommended: datetime) -> Application:
    application = submitted_file(at=submitted)
    assert application.verifier is not None
    with time_machine.travel(recommended, tick=False):
        services.application_recommend(
            actor=application.verifier,
            application=application,
            approve=True,
            reasons="Lengkap.",
        )
    return application


def other_office() -> Office:
    """An office serving a regency of its own, so no Jambi file reaches it."""
    regency = Regency.objects.create(
        code="16.71", name="Kota Palembang", source_edition="test"
    )
    return OfficeFactory(name="Disnaker Palembang", regencies=[regency])


def test_the_queue_lists_the_verifiers_files_oldest_first(client, verifier):
    middle = submitted_file(at=days_ago(2))
    oldest = submitted_file(at=days_ago(5))
    newest = submitted_file(at=days_ago(1))
    # A colleague arrives with no open file, so the next file goes to them.
    colleague = OfficerFactory(office=verifier.office, role=Role.VERIFIER)
    theirs = submitted_file(at=days_ago(9))
    assert theirs.verifier == colleague

    response = login(client, verifier).get("/applications/queue/")

    assert response.status_code == 200
    assert list(response.context["queue"]) == [oldest, middle, newest]
    page = response.content.decode()
    assert page.index(oldest.tracking_number) < page.index(middle.tracking_number)
    assert page.index(middle.tracking_number) < page.index(newest.tracking_number)
    assert theirs.tracking_number not in page
    assert f"/applications/{oldest.pk}/review/" in page


def test_the_queue_shows_files_returned_to_the_company(client, submitted, verifier):
    services.application_return(
        actor=verifier,
        application=submitted,
        citations=[
            services.CitationData(Requirement.objects.get(code="expert-skp"), "Lama.")
        ],
    )

    response = login(client, verifier).get("/applications/queue/")

    assert list(response.context["queue"]) == []
    assert list(response.context["returned"]) == [submitted]
    assert "Returned, waiting for the company" in response.content.decode()


def test_a_corrected_file_comes_back_to_the_same_verifier(
    client, submitted, applicant, verifier, other_verifier
):
    services.application_return(
        actor=verifier,
        application=submitted,
        citations=[
            services.CitationData(Requirement.objects.get(code="expert-skp"), "Lama.")
        ],
    )
    waiting = submitted_file(at=days_ago(1))
    assert waiting.verifier == other_verifier
    services.application_submit(actor=applicant, application=submitted)

    mine = login(client, verifier).get("/applications/queue/")
    theirs = login(client, other_verifier).get("/applications/queue/")

    assert list(mine.context["queue"]) == [submitted]
    assert list(theirs.context["queue"]) == [waiting]


def test_the_queue_costs_the_same_few_queries_for_many_files(
    client, verifier, django_assert_max_num_queries
):
    submitted_file(at=days_ago(3))
    login(client, verifier)
    with django_assert_max_num_queries(7):
        client.get("/applications/queue/")

    for days in (2, 1, 0.5):
        submitted_file(at=days_ago(days))
    with django_assert_max_num_queries(7):
        response = client.get("/applications/queue/")
    assert len(response.context["queue"]) == 4


@pytest.mark.parametrize("persona", ["head", "inspectorate", "applicant", "admin_user"])
def test_only_verifiers_have_a_queue(client, request, persona):
    user = request.getfixturevalue(persona)

    response = login(client, user).get("/applications/queue/")

    assert response.status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in_for_the_queue(client):
    response = client.get("/applications/queue/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_head_sees_recommended_files_of_the_office_oldest_first(
    client, verifier, head
):
    later = recommended_file(submitted=days_ago(6), recommended=days_ago(1))
    earlier = recommended_file(submitted=days_ago(4), recommended=days_ago(3))
    still_verifying = submitted_file(at=days_ago(10))
    elsewhere = other_office()
    their_verifier = OfficerFactory(office=elsewhere, role=Role.VERIFIER)
    foreign = submitted_file(at=days_ago(7), regency=elsewhere.regencies.get())
    assert foreign.verifier == their_verifier
    services.application_recommend(
        actor=their_verifier, application=foreign, approve=True, reasons="Ok."
    )

    response = login(client, head).get("/applications/to-decide/")

    assert response.status_code == 200
    assert list(response.context["to_decide"]) == [earlier, later]
    page = response.content.decode()
    assert f"/applications/{earlier.pk}/decide/" in page
    assert "Recommended for approval" in page
    assert still_verifying.tracking_number not in page
    assert foreign.tracking_number not in page


def test_the_files_to_decide_cost_the_same_few_queries_for_many_files(
    client, verifier, head, django_assert_max_num_queries
):
    recommended_file(submitted=days_ago(5), recommended=days_ago(4))
    login(client, head)
    with django_assert_max_num_queries(9):
        client.get("/applications/to-decide/")

    for days in (3, 2, 1):
        recommended_file(submitted=days_ago(days + 0.5), recommended=days_ago(days))
    with django_assert_max_num_queries(9):
        response = client.get("/applications/to-decide/")
    assert len(response.context["to_decide"]) == 4


@pytest.mark.parametrize(
    "persona", ["verifier", "inspectorate", "applicant", "admin_user"]
)
def test_only_heads_have_files_to_decide(client, request, persona):
    user = request.getfixturevalue(persona)

    response = login(client, user).get("/applications/to-decide/")

    assert response.status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in_for_files_to_decide(client):
    response = client.get("/applications/to-decide/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
