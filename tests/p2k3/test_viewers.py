"""Who viewed my file: officers' openings and downloads, by role and time."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from sikejar.accounts.models import Role
from sikejar.integrity.models import AuditAction, AuditEvent
from tests.conftest import login
from tests.factories import OfficerFactory
from tests.p2k3.test_officer_queue import other_office

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client):
    """Pages in English, whatever the default language, so texts can be asserted."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def views() -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=AuditAction.FILE_VIEWED))


def downloads() -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=AuditAction.DOCUMENT_DOWNLOADED))


def viewers_section(page: str) -> str:
    start = page.index('id="viewers-title"')
    return page[start : page.index("</section>", start)]


def test_the_company_sees_a_verifiers_view_and_download_but_never_the_name(
    client, submitted, verifier, applicant
):
    document = submitted.documents.filter(is_current=True).first()
    login(client, verifier).get(f"/applications/{submitted.pk}/")
    client.get(f"/applications/{submitted.pk}/documents/{document.pk}/")

    page = login(client, applicant).get(f"/applications/{submitted.pk}/").text

    section = viewers_section(page)
    assert "Who viewed this file" in section
    assert section.count("<td>Verifier</td>") == 2
    assert "Opened the file" in section
    assert f"Downloaded {document.requirement.title}" in section
    assert section.count("<time datetime=") == 2
    assert verifier.full_name not in page
    assert verifier.email not in page


def test_each_view_records_the_officer_and_their_role(
    client, submitted, verifier, inspectorate
):
    login(client, verifier).get(f"/applications/{submitted.pk}/")
    login(client, inspectorate).get(f"/applications/{submitted.pk}/")

    recorded = {(e.actor, e.actor_role) for e in views()}
    assert recorded == {(verifier, Role.VERIFIER), (inspectorate, Role.INSPECTORATE)}
    assert all(e.object_id == str(submitted.pk) for e in views())


def test_opening_the_file_again_within_ten_minutes_is_recorded_once(
    client, submitted, verifier
):
    login(client, verifier)
    client.get(f"/applications/{submitted.pk}/")
    client.get(f"/applications/{submitted.pk}/review/")
    assert len(views()) == 1

    with time_machine.travel(timezone.now() + timedelta(minutes=11)):
        client.get(f"/applications/{submitted.pk}/review/")

    assert [e.data["page"] for e in views()] == ["file", "review"]


def test_every_download_is_recorded(client, submitted, verifier):
    document = submitted.documents.filter(is_current=True).first()
    login(client, verifier)

    for _ in range(2):
        client.get(f"/applications/{submitted.pk}/documents/{document.pk}/")

    assert len(downloads()) == 2
    assert downloads()[0].data == {
        "document": document.pk,
        "requirement": document.requirement.code,
    }


def test_the_heads_decision_page_is_recorded(client, recommended, head):
    login(client, head).get(f"/applications/{recommended.pk}/decide/")

    page = login(client, recommended.company.memberships.get().user).get(
        f"/applications/{recommended.pk}/"
    )

    [event] = views()
    assert event.actor == head
    assert "Opened the decision page" in viewers_section(page.text)
    assert "<td>Head of office</td>" in viewers_section(page.text)


def test_the_companys_own_openings_are_not_recorded(client, submitted, applicant):
    document = submitted.documents.filter(is_current=True).first()
    login(client, applicant).get(f"/applications/{submitted.pk}/")
    client.get(f"/applications/{submitted.pk}/documents/{document.pk}/")

    page = client.get(f"/applications/{submitted.pk}/").text

    assert views() == [] and downloads() == []
    assert "No officer has opened this file yet." in page


def test_officers_do_not_see_the_list(client, submitted, inspectorate):
    page = login(client, inspectorate).get(f"/applications/{submitted.pk}/").text

    assert "Who viewed this file" not in page


def test_another_company_sees_nothing_and_leaves_no_record(
    client, submitted, other_applicant
):
    response = login(client, other_applicant).get(f"/applications/{submitted.pk}/")

    assert response.status_code == 404
    assert views() == []


def test_an_officer_of_another_office_leaves_no_record(client, submitted):
    stranger = OfficerFactory(office=other_office(), role=Role.INSPECTORATE)

    response = login(client, stranger).get(f"/applications/{submitted.pk}/")

    assert response.status_code == 404
    assert views() == []
