"""The public report page, and following a report up with its code."""

import pytest

from sikejar.complaints import services
from sikejar.complaints.models import EntryAuthor, Report, ReportEntry, ReportStatus
from sikejar.core.errors import DomainError
from sikejar.integrity.models import AuditAction, AuditEvent
from tests.complaints.conftest import facts, pdf, report_form
from tests.conftest import login
from tests.factories import encrypted_pdf_bytes, pdf_bytes

pytestmark = pytest.mark.django_db


def test_every_page_links_to_the_report_page_and_to_sp4n_lapor(client, settings):
    response = client.get("/")

    assert 'href="/reports/new/"' in response.text
    assert "Report a request for money or favours" in response.text
    assert f'href="{settings.SIKEJAR_COMPLAINT_URL}"' in response.text


def test_the_report_page_needs_no_sign_in_and_explains_anonymity(client, office):
    response = client.get("/reports/new/")

    assert response.status_code == 200
    assert "nothing about you is kept" in response.text
    assert "SP4N-LAPOR!" in response.text
    assert 'enctype="multipart/form-data"' in response.text


def test_an_anonymous_report_stores_what_the_sender_told(client, office):
    response = client.post("/reports/new/", report_form(office))

    report = Report.objects.get()
    assert response.status_code == 200
    assert report.office == office
    assert report.amount_asked == 2_000_000
    assert report.who_asked == "Seorang verifikator"
    assert report.status == ReportStatus.OPEN


def test_only_the_inspectorate_is_told_and_gets_a_link_but_not_the_story(
    client,
    office,
    inspectorate,
    verifier,
    head,
    django_capture_on_commit_callbacks,
    mailoutbox,
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/reports/new/", report_form(office))

    report = Report.objects.get()
    assert [m.to for m in mailoutbox] == [[inspectorate.email]]
    assert f"/reports/{report.pk}/" in mailoutbox[0].body
    assert "uang pelicin" not in mailoutbox[0].body


def test_a_named_report_keeps_the_name_and_contact(client, office):
    client.post(
        "/reports/new/",
        report_form(
            office, identity="named", name="Rudi Hartono", contact="0811-000-111"
        ),
    )

    report = Report.objects.get()
    assert not report.is_anonymous
    assert (report.reporter_name, report.reporter_contact) == (
        "Rudi Hartono",
        "0811-000-111",
    )
    assert report.reporter is None
    assert AuditEvent.objects.get(action=AuditAction.REPORT_FILED).actor is None


def test_a_signed_in_sender_who_gives_their_name_is_linked(client, office, applicant):
    login(client, applicant).post(
        "/reports/new/", report_form(office, identity="named")
    )

    report = Report.objects.get()
    assert report.reporter == applicant
    assert AuditEvent.objects.get(action=AuditAction.REPORT_FILED).actor == applicant


def test_a_named_report_without_a_name_is_refused(client, office):
    response = client.post("/reports/new/", report_form(office, identity="named"))

    assert response.status_code == 200
    assert "Give your name, or choose to stay anonymous." in response.text
    assert "Petugas meminta uang pelicin" in response.text  # What was typed stays.
    assert not Report.objects.exists()


def test_a_date_in_the_future_is_refused(client, office):
    response = client.post(
        "/reports/new/", report_form(office, happened_on="2999-01-01")
    )

    assert "The date cannot be in the future." in response.text
    assert not Report.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"GIF89a not a pdf at all", "The file is not a PDF document."),
        (encrypted_pdf_bytes(), "The PDF is password-protected"),
        (b"", "The submitted file is empty."),
        (b"%PDF-1.7\n garbage", "The PDF cannot be read"),
    ],
    ids=["not-pdf", "encrypted", "empty", "damaged"],
)
def test_refused_evidence_is_named_clearly_and_changes_nothing(
    client, office, content, message
):
    response = client.post("/reports/new/", report_form(office, evidence=pdf(content)))

    assert response.status_code == 200
    assert message in response.text
    assert 'aria-invalid="true"' in response.text
    assert not Report.objects.exists()
    assert not AuditEvent.objects.exists()


def test_evidence_over_the_limit_is_refused(client, office, settings):
    settings.SIKEJAR_UPLOAD_MAX_BYTES = 1024 * 1024
    content = pdf_bytes() + b"\n%" + b"x" * (1024 * 1024)

    response = client.post("/reports/new/", report_form(office, evidence=pdf(content)))

    assert "The file is larger than 1 MB." in response.text
    assert not Report.objects.exists()


def test_evidence_is_stored_with_its_sha256(client, office):
    client.post("/reports/new/", report_form(office, evidence=pdf(pdf_bytes())))

    report = Report.objects.get()
    assert report.evidence.name.startswith("private/complaints/")
    assert len(report.evidence_sha256) == 64


def test_the_code_opens_the_report_and_its_replies(client, reported, inspectorate):
    services.report_reply(
        actor=inspectorate,
        report=reported.report,
        body="Terima kasih, sedang kami periksa.",
        handled=False,
    )

    response = client.post("/reports/follow-up/", {"code": reported.code})

    assert response.status_code == 200
    assert "Diminta uang terima kasih." in response.text
    assert "Terima kasih, sedang kami periksa." in response.text
    assert inspectorate.full_name not in response.text
    assert "no-store" in response["Cache-Control"]


def test_an_unknown_code_opens_nothing(client, reported):
    response = client.post("/reports/follow-up/", {"code": reported.code + "x"})

    assert "No report has this code." in response.text
    assert "Diminta uang terima kasih." not in response.text


def test_the_sender_adds_information_with_the_code_alone(
    client, reported, inspectorate, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/reports/follow-up/add/",
            {"code": reported.code, "body": "Ia menelepon lagi hari ini."},
        )

    entry = ReportEntry.objects.get()
    assert response.status_code == 200
    assert "Your information was added." in response.text
    assert (entry.author, entry.officer, entry.body) == (
        EntryAuthor.SENDER,
        None,
        "Ia menelepon lagi hari ini.",
    )
    event = AuditEvent.objects.get(action=AuditAction.REPORT_UPDATED)
    assert event.actor is None
    assert [m.to for m in mailoutbox] == [[inspectorate.email]]


def test_adding_to_a_handled_report_reopens_it(client, reported, inspectorate):
    services.report_reply(
        actor=inspectorate, report=reported.report, body="Selesai.", handled=True
    )

    client.post(
        "/reports/follow-up/add/", {"code": reported.code, "body": "Belum selesai."}
    )

    reported.report.refresh_from_db()
    assert reported.report.status == ReportStatus.OPEN
    assert reported.report.handled_at is None


def test_adding_with_a_wrong_code_adds_nothing(client, reported):
    response = client.post(
        "/reports/follow-up/add/", {"code": "bukan-kode", "body": "Tambahan."}
    )

    assert "No report has this code." in response.text
    assert not ReportEntry.objects.exists()


def test_an_empty_addition_is_refused(client, reported):
    response = client.post(
        "/reports/follow-up/add/", {"code": reported.code, "body": "   "}
    )

    assert "This field is required." in response.text
    assert not ReportEntry.objects.exists()


def test_a_report_needs_what_happened(office):
    with pytest.raises(DomainError):
        services.report_file_anonymously(office=office, facts=facts(what_happened=" "))

    assert not Report.objects.exists()
