"""The fair queue: oldest first, and a recorded reason for any file taken before."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from sikejar.accounts.models import Role
from sikejar.integrity.models import AuditAction, AuditEvent
from sikejar.p2k3 import services
from sikejar.p2k3.models import Application, ApplicationStatus, Requirement
from tests.conftest import login
from tests.factories import OfficerFactory
from tests.p2k3.test_officer_queue import (
    days_ago,
    other_office,
    recommended_file,
    submitted_file,
)
from tests.p2k3.test_officer_review import all_met

pytestmark = pytest.mark.django_db

REASON = "Perusahaan harus memenuhi tenggat tender minggu ini."


@pytest.fixture
def client(client):
    """Pages in English, whatever the default language, so texts can be asserted."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def older(verifier) -> Application:
    return submitted_file(at=days_ago(3))


@pytest.fixture
def newer(verifier, older) -> Application:
    return submitted_file(at=days_ago(1))


def out_of_turn_events() -> list[AuditEvent]:
    return list(
        AuditEvent.objects.filter(action=AuditAction.APPLICATION_TAKEN_OUT_OF_TURN)
    )


# The verifier's queue.


def test_the_queue_marks_the_oldest_file_next_in_turn(client, verifier, older, newer):
    page = login(client, verifier).get("/applications/queue/").content.decode()

    first = page.index(older.tracking_number)
    assert first < page.index("Next in turn") < page.index(newer.tracking_number)
    assert page.count("Next in turn") == 1
    assert "out of turn: asks for a reason" in page
    assert 'href="/applications/conflicts/"' in page


def test_the_oldest_file_opens_without_a_reason(client, verifier, older, newer):
    response = login(client, verifier).get(f"/applications/{older.pk}/review/")

    assert response.status_code == 200
    assert out_of_turn_events() == []


def test_a_newer_file_asks_why_it_is_taken_out_of_turn(client, verifier, older, newer):
    response = login(client, verifier).get(f"/applications/{newer.pk}/review/")

    assert response.status_code == 302
    assert response["Location"] == f"/applications/{newer.pk}/review/out-of-turn/"
    page = client.get(response["Location"]).content.decode()
    assert "Why take this file out of turn?" in page
    assert older.tracking_number in page
    assert f'href="/applications/{older.pk}/review/"' in page


def test_the_reason_is_recorded_with_the_skipped_file(client, verifier, older, newer):
    response = login(client, verifier).post(
        f"/applications/{newer.pk}/review/out-of-turn/", {"reason": REASON}
    )

    assert response["Location"] == f"/applications/{newer.pk}/review/"
    [event] = out_of_turn_events()
    assert event.actor == verifier
    assert event.actor_role == Role.VERIFIER
    assert event.object_id == str(newer.pk)
    assert event.reason == REASON
    assert event.data == {
        "skipped": older.pk,
        "skipped_number": older.tracking_number,
    }
    assert client.get(f"/applications/{newer.pk}/review/").status_code == 200


def test_an_empty_reason_is_refused_and_records_nothing(client, verifier, older, newer):
    response = login(client, verifier).post(
        f"/applications/{newer.pk}/review/out-of-turn/", {"reason": "  "}
    )

    assert response.status_code == 200
    assert "Say why you take this file out of turn." in response.content.decode()
    assert out_of_turn_events() == []


def test_the_file_in_turn_skips_the_reason_page(client, verifier, older, newer):
    response = login(client, verifier).get(
        f"/applications/{older.pk}/review/out-of-turn/"
    )

    assert response["Location"] == f"/applications/{older.pk}/review/"


def test_acting_on_a_newer_file_without_a_reason_changes_nothing(
    client, verifier, older, newer
):
    response = login(client, verifier).post(
        f"/applications/{newer.pk}/recommend/",
        all_met(recommendation="approve", reasons="Lengkap."),
    )

    assert response["Location"] == f"/applications/{newer.pk}/review/out-of-turn/"
    newer.refresh_from_db()
    assert newer.status == ApplicationStatus.IN_VERIFICATION
    assert not newer.reviews.exists()


def test_acting_after_giving_the_reason_works(client, verifier, older, newer):
    login(client, verifier).post(
        f"/applications/{newer.pk}/review/out-of-turn/", {"reason": REASON}
    )

    response = client.post(
        f"/applications/{newer.pk}/recommend/",
        all_met(recommendation="approve", reasons="Lengkap."),
    )

    assert response["Location"] == "/applications/queue/"
    newer.refresh_from_db()
    assert newer.status == ApplicationStatus.RECOMMENDED


def test_a_reason_covers_only_the_files_current_stay_in_the_queue(
    client, verifier, older, newer
):
    login(client, verifier).post(
        f"/applications/{newer.pk}/review/out-of-turn/", {"reason": REASON}
    )
    services.application_return(
        actor=verifier,
        application=newer,
        citations=[
            services.CitationData(Requirement.objects.get(code="expert-skp"), "Buram.")
        ],
    )
    operator = newer.company.memberships.get().user
    with time_machine.travel(timezone.now() + timedelta(minutes=1)):
        services.application_submit(actor=operator, application=newer)

        response = client.get(f"/applications/{newer.pk}/review/")

    assert response["Location"] == f"/applications/{newer.pk}/review/out-of-turn/"


# The head's files to decide.


@pytest.fixture
def earlier(verifier, head) -> Application:
    return recommended_file(submitted=days_ago(4), recommended=days_ago(2))


@pytest.fixture
def later(verifier, head, earlier) -> Application:
    return recommended_file(submitted=days_ago(3), recommended=days_ago(1))


def test_the_head_sees_which_file_is_next_in_turn(client, head, earlier, later):
    page = login(client, head).get("/applications/to-decide/").content.decode()

    first = page.index(earlier.tracking_number)
    assert first < page.index("Next in turn") < page.index(later.tracking_number)
    assert 'href="/applications/conflicts/"' in page


def test_the_head_gives_a_reason_to_decide_a_newer_file_first(
    client, head, earlier, later
):
    response = login(client, head).get(f"/applications/{later.pk}/decide/")
    assert response["Location"] == f"/applications/{later.pk}/decide/out-of-turn/"

    response = client.post(response["Location"], {"reason": REASON})

    assert response["Location"] == f"/applications/{later.pk}/decide/"
    [event] = out_of_turn_events()
    assert event.actor == head
    assert event.data["skipped"] == earlier.pk
    assert client.get(f"/applications/{later.pk}/decide/").status_code == 200


def test_the_head_cannot_send_back_a_newer_file_without_a_reason(
    client, head, earlier, later
):
    response = login(client, head).post(
        f"/applications/{later.pk}/send-back/", {"send_back-reasons": "Cek lagi."}
    )

    assert response["Location"] == f"/applications/{later.pk}/decide/out-of-turn/"
    later.refresh_from_db()
    assert later.status == ApplicationStatus.RECOMMENDED


def test_the_heads_turn_skips_files_they_may_not_decide(client, head, earlier, later):
    services.conflict_declare(
        actor=head, company=earlier.company, reason="Adik saya direkturnya."
    )

    response = login(client, head).get(f"/applications/{later.pk}/decide/")

    assert response.status_code == 200


# What the inspectorate reads.


def test_the_inspectorate_reads_who_took_which_file_instead_of_which_and_why(
    client, verifier, inspectorate, older, newer
):
    login(client, verifier).post(
        f"/applications/{newer.pk}/review/out-of-turn/", {"reason": REASON}
    )

    response = login(client, inspectorate).get("/applications/out-of-turn/")

    page = response.content.decode()
    assert response.status_code == 200
    assert verifier.full_name in page
    assert REASON in page
    assert page.index(newer.tracking_number) < page.index(older.tracking_number)
    assert f'href="/applications/{newer.pk}/"' in page


def test_another_offices_inspectorate_reads_none_of_them(
    client, verifier, older, newer
):
    login(client, verifier).post(
        f"/applications/{newer.pk}/review/out-of-turn/", {"reason": REASON}
    )
    stranger = OfficerFactory(office=other_office(), role=Role.INSPECTORATE)

    page = login(client, stranger).get("/applications/out-of-turn/").content.decode()

    assert REASON not in page
    assert "No file of your office was taken out of turn." in page


def test_the_out_of_turn_list_costs_a_fixed_number_of_queries(
    client, verifier, inspectorate, django_assert_max_num_queries
):
    files = [submitted_file(at=days_ago(10 - day)) for day in range(4)]
    for application in files[1:]:
        services.application_take_out_of_turn(
            actor=verifier, application=application, reason=REASON
        )
    login(client, inspectorate).get("/applications/out-of-turn/")

    with django_assert_max_num_queries(6):
        response = client.get("/applications/out-of-turn/")

    assert response.content.decode().count(REASON) == 3


# Who may open the reason pages.


@pytest.mark.parametrize(
    ("url", "persona", "status"),
    [
        ("/applications/{newer}/review/out-of-turn/", "other_verifier", 403),
        ("/applications/{newer}/review/out-of-turn/", "head", 403),
        ("/applications/{newer}/review/out-of-turn/", "operator", 403),
        ("/applications/{newer}/review/out-of-turn/", "stranger", 404),
        ("/applications/{newer}/review/out-of-turn/", "other_applicant", 404),
        ("/applications/{later}/decide/out-of-turn/", "verifier", 403),
        ("/applications/{later}/decide/out-of-turn/", "inspectorate", 403),
        ("/applications/{later}/decide/out-of-turn/", "stranger", 404),
        ("/applications/out-of-turn/", "verifier", 403),
        ("/applications/out-of-turn/", "head", 403),
        ("/applications/out-of-turn/", "operator", 403),
    ],
)
def test_the_wrong_role_gets_403_and_the_wrong_office_404(
    client, request, newer, later, other_verifier, url, persona, status
):
    people = {
        "stranger": OfficerFactory(office=other_office(), role=Role.HEAD),
        "operator": newer.company.memberships.get().user,
    }
    user = people.get(persona) or request.getfixturevalue(persona)

    response = login(client, user).get(url.format(newer=newer.pk, later=later.pk))

    assert response.status_code == status
