"""Reports reach the inspectorate of the office, and nobody else."""

import pytest

from sikejar.complaints import services
from sikejar.complaints.models import EntryAuthor, ReportStatus
from sikejar.integrity.models import AuditAction, AuditEvent
from tests.complaints.conftest import facts, pdf
from tests.conftest import login
from tests.factories import pdf_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def with_evidence(office):
    return services.report_file_anonymously(
        office=office, facts=facts(evidence=pdf(pdf_bytes()))
    )


def test_the_inspectorate_lists_its_offices_reports(
    client, inspectorate, reported, other_inspectorate
):
    elsewhere = services.report_file_anonymously(
        office=other_inspectorate.office, facts=facts(place="Kantor lain")
    )

    response = login(client, inspectorate).get("/reports/")

    assert response.status_code == 200
    assert f'href="/reports/{reported.report.pk}/"' in response.text
    assert f'href="/reports/{elsewhere.report.pk}/"' not in response.text


def test_the_inbox_costs_the_same_few_queries_for_many_reports(
    client, inspectorate, office, django_assert_max_num_queries
):
    for _ in range(8):
        services.report_file_anonymously(office=office, facts=facts())
    login(client, inspectorate)

    with django_assert_max_num_queries(4):
        response = client.get("/reports/")

    assert response.text.count('href="/reports/') >= 8


def test_the_inspectorate_reads_a_report(client, inspectorate, reported):
    response = login(client, inspectorate).get(f"/reports/{reported.report.pk}/")

    assert response.status_code == 200
    assert "Diminta uang terima kasih." in response.text
    assert "nothing about the sender is stored" in response.text
    assert "no-store" in response["Cache-Control"]


def test_a_named_report_shows_its_sender_to_the_inspectorate(
    client, inspectorate, applicant, submitted
):
    filed = services.report_file_from_application(
        actor=applicant, application=submitted, facts=facts()
    )

    response = login(client, inspectorate).get(f"/reports/{filed.report.pk}/")

    assert applicant.email in response.text
    assert submitted.tracking_number in response.text


@pytest.mark.parametrize(
    "persona", ["verifier", "other_verifier", "head", "applicant", "admin_user"]
)
@pytest.mark.parametrize(
    "path", ["/reports/", "/reports/{pk}/", "/reports/{pk}/evidence/"]
)
def test_no_one_but_the_inspectorate_reaches_reports(
    client, persona, path, request, with_evidence
):
    user = request.getfixturevalue(persona)

    response = login(client, user).get(path.format(pk=with_evidence.report.pk))

    assert response.status_code == 403


def test_the_head_cannot_reply(client, head, reported):
    response = login(client, head).post(
        f"/reports/{reported.report.pk}/reply/", {"body": "Sudah saya urus."}
    )

    assert response.status_code == 403
    assert not reported.report.entries.exists()


@pytest.mark.parametrize("path", ["/reports/{pk}/", "/reports/{pk}/evidence/"])
def test_the_inspectorate_of_another_office_gets_404(
    client, other_inspectorate, with_evidence, path
):
    response = login(client, other_inspectorate).get(
        path.format(pk=with_evidence.report.pk)
    )

    assert response.status_code == 404


def test_the_public_is_sent_to_sign_in(client, reported):
    for path in ("/reports/", f"/reports/{reported.report.pk}/"):
        response = client.get(path)

        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


def test_the_inspectorate_replies_and_marks_the_report_handled(
    client, inspectorate, reported
):
    response = login(client, inspectorate).post(
        f"/reports/{reported.report.pk}/reply/",
        {"body": "Sudah ditindaklanjuti.", "handled": "on"},
    )

    report = reported.report
    report.refresh_from_db()
    entry = report.entries.get()
    assert response.status_code == 302
    assert response["Location"] == f"/reports/{report.pk}/"
    assert report.status == ReportStatus.HANDLED
    assert report.handled_at is not None
    assert (entry.author, entry.officer) == (EntryAuthor.INSPECTORATE, inspectorate)
    event = AuditEvent.objects.get(action=AuditAction.REPORT_UPDATED)
    assert (event.actor, event.old_state, event.new_state) == (
        inspectorate,
        "open",
        "handled",
    )


def test_an_empty_reply_is_refused(client, inspectorate, reported):
    response = login(client, inspectorate).post(
        f"/reports/{reported.report.pk}/reply/", {"body": ""}
    )

    assert response.status_code == 200
    assert "This field is required." in response.text
    assert not reported.report.entries.exists()


def test_a_signed_in_sender_is_told_of_a_reply_without_its_content(
    client,
    inspectorate,
    applicant,
    submitted,
    django_capture_on_commit_callbacks,
    mailoutbox,
):
    filed = services.report_file_from_application(
        actor=applicant, application=submitted, facts=facts()
    )
    login(client, inspectorate)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/reports/{filed.report.pk}/reply/", {"body": "Mohon datang ke kantor."}
        )

    assert [m.to for m in mailoutbox] == [[applicant.email]]
    assert "Mohon datang" not in mailoutbox[0].body
    assert "/reports/follow-up/" in mailoutbox[0].body


def test_the_inspectorate_downloads_the_evidence(client, inspectorate, with_evidence):
    response = login(client, inspectorate).get(
        f"/reports/{with_evidence.report.pk}/evidence/"
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]


def test_a_report_without_evidence_has_nothing_to_download(
    client, inspectorate, reported
):
    response = login(client, inspectorate).get(
        f"/reports/{reported.report.pk}/evidence/"
    )

    assert response.status_code == 404
