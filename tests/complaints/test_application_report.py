"""A company reports a request for money on its own file, which changes verifier."""

import pytest

from sikejar.accounts.models import Role
from sikejar.complaints import services
from sikejar.complaints.models import Report
from sikejar.integrity.models import AuditAction, AuditEvent
from sikejar.p2k3 import services as p2k3_services
from tests.complaints.conftest import bare_file, decide, facts, pdf
from tests.conftest import login
from tests.factories import OfficerFactory

pytestmark = pytest.mark.django_db


def _form(**changes) -> dict[str, object]:
    data = {
        "what_happened": "Verifikator minta Rp 1.500.000 agar berkas lolos.",
        "happened_on": "2026-01-05",
        "place": "Telepon",
        "amount_asked": "1500000",
        "who_asked": "",
    }
    return {**data, **changes}


@pytest.fixture
def second_verifier(submitted, office):
    """Another verifier of the office, made after the file went to ``verifier``."""
    return OfficerFactory(office=office, role=Role.VERIFIER)


def test_the_application_page_links_to_the_report_for_its_company(
    client, applicant, submitted
):
    response = login(client, applicant).get(f"/applications/{submitted.pk}/")

    assert f'href="/reports/application/{submitted.pk}/"' in response.text


def test_officers_see_no_report_link_on_the_file(client, verifier, submitted):
    response = login(client, verifier).get(f"/applications/{submitted.pk}/")

    assert f"/reports/application/{submitted.pk}/" not in response.text


def test_the_report_moves_the_file_to_another_verifier_quietly(
    client,
    applicant,
    verifier,
    second_verifier,
    inspectorate,
    submitted,
    django_capture_on_commit_callbacks,
    mailoutbox,
):
    login(client, applicant)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/reports/application/{submitted.pk}/", _form())

    submitted.refresh_from_db()
    report = Report.objects.get()
    assert response.status_code == 200
    assert "Your follow-up code" in response.text
    assert "Your file was moved to another verifier." in response.text
    assert submitted.verifier == second_verifier
    assert (report.application, report.reporter, report.is_anonymous) == (
        submitted,
        applicant,
        False,
    )
    assert report.officer_at_filing == verifier
    assert report.file_reassigned
    moved = AuditEvent.objects.get(action=AuditAction.APPLICATION_REASSIGNED)
    assert (moved.actor, moved.reason, moved.data) == (
        None,
        "reassignment",
        # No cause: a move after a report reads like one after a conflict.
        {"verifier": second_verifier.pk, "previous": verifier.pk},
    )
    recipients = [address for message in mailoutbox for address in message.to]
    assert verifier.email not in recipients
    assert sorted(recipients) == sorted([second_verifier.email, inspectorate.email])


def test_the_old_verifier_no_longer_has_the_file(
    client, applicant, verifier, second_verifier, submitted
):
    login(client, applicant).post(f"/reports/application/{submitted.pk}/", _form())

    old_queue = login(client, verifier).get("/applications/queue/")
    review = client.get(f"/applications/{submitted.pk}/review/")
    new_queue = login(client, second_verifier).get("/applications/queue/")
    assert submitted.tracking_number not in old_queue.text
    assert review.status_code == 403
    assert submitted.tracking_number in new_queue.text


def test_the_files_history_tells_officers_only_of_a_reassignment(
    client, applicant, verifier, second_verifier, submitted
):
    login(client, applicant).post(f"/reports/application/{submitted.pk}/", _form())

    page = login(client, verifier).get(f"/applications/{submitted.pk}/").text
    assert "Application reassigned" in page
    assert "reassignment" in page
    assert "Integrity report" not in page
    assert "1.500.000" not in page


def test_without_another_verifier_the_report_is_filed_and_the_file_stays(
    client, applicant, verifier, inspectorate, submitted
):
    response = login(client, applicant).post(
        f"/reports/application/{submitted.pk}/", _form()
    )

    submitted.refresh_from_db()
    report = Report.objects.get()
    assert response.status_code == 200
    assert "could not be moved" in response.text
    assert submitted.verifier == verifier
    assert not report.file_reassigned
    assert not AuditEvent.objects.filter(
        action=AuditAction.APPLICATION_REASSIGNED
    ).exists()


def test_a_decided_file_is_reported_but_not_moved(
    applicant, verifier, head, recommended, office
):
    decide(recommended, head)
    OfficerFactory(office=office, role=Role.VERIFIER)

    filed = services.report_file_from_application(
        actor=applicant, application=recommended, facts=facts()
    )

    recommended.refresh_from_db()
    assert recommended.verifier == verifier
    assert not filed.report.file_reassigned


def test_the_new_verifier_is_the_least_loaded_other_one(
    applicant, verifier, submitted, office
):
    busy = OfficerFactory(office=office, role=Role.VERIFIER)
    idle = OfficerFactory(office=office, role=Role.VERIFIER)
    bare_file(submitted, verifier=busy)

    services.report_file_from_application(
        actor=applicant, application=submitted, facts=facts()
    )

    submitted.refresh_from_db()
    assert submitted.verifier == idle


def test_a_verifier_in_conflict_with_the_company_is_never_chosen(
    applicant, verifier, submitted, office
):
    conflicted = OfficerFactory(office=office, role=Role.VERIFIER)
    p2k3_services.conflict_declare(
        actor=conflicted, company=submitted.company, reason="Saudara direktur."
    )

    filed = services.report_file_from_application(
        actor=applicant, application=submitted, facts=facts()
    )

    submitted.refresh_from_db()
    assert submitted.verifier == verifier
    assert not filed.report.file_reassigned


def test_refused_evidence_changes_nothing_and_moves_nothing(
    client, applicant, verifier, second_verifier, submitted
):
    response = login(client, applicant).post(
        f"/reports/application/{submitted.pk}/",
        _form(evidence=pdf(b"GIF89a not a pdf")),
    )

    submitted.refresh_from_db()
    assert "The file is not a PDF document." in response.text
    assert submitted.verifier == verifier
    assert not Report.objects.exists()
    assert not AuditEvent.objects.filter(
        action=AuditAction.APPLICATION_REASSIGNED
    ).exists()


def test_another_companys_operator_gets_404(client, other_applicant, submitted):
    response = login(client, other_applicant).post(
        f"/reports/application/{submitted.pk}/", _form()
    )

    assert response.status_code == 404
    assert not Report.objects.exists()


@pytest.mark.parametrize("persona", ["verifier", "head", "inspectorate"])
def test_the_offices_officers_get_403(client, persona, request, submitted):
    officer = request.getfixturevalue(persona)

    response = login(client, officer).get(f"/reports/application/{submitted.pk}/")

    assert response.status_code == 403


def test_the_public_is_sent_to_sign_in(client, submitted):
    response = client.get(f"/reports/application/{submitted.pk}/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
