"""The company uploads the checklist's PDFs; whoever may see the file downloads them."""

import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sikejar.integrity.models import AuditAction, AuditEvent
from sikejar.p2k3 import services
from sikejar.p2k3.models import ApplicationDocument, Requirement
from tests.conftest import login
from tests.factories import (
    OfficeFactory,
    OfficerFactory,
    encrypted_pdf_bytes,
    pdf_bytes,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(client):
    """Pages in English, whatever the default language, so texts can be asserted."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def new_draft(applicant, company, office):
    return services.application_create(actor=applicant, company=company)


@pytest.fixture
def skp():
    return Requirement.objects.get(code="expert-skp")


def url(application, requirement):
    return f"/applications/{application.pk}/requirements/{requirement.pk}/upload/"


def pdf(content, name="skp.pdf"):
    return SimpleUploadedFile(name, content, "application/pdf")


def test_it_stores_a_pdf_with_its_sha256(client, applicant, new_draft, skp):
    content = pdf_bytes()

    response = login(client, applicant).post(
        url(new_draft, skp), {"file": pdf(content, "SKP Siti.pdf")}, follow=True
    )

    document = ApplicationDocument.objects.get(application=new_draft)
    assert (
        response.redirect_chain[0][0] == f"/applications/{new_draft.pk}/edit/#documents"
    )
    assert "Uploaded SKP Siti.pdf" in response.text
    assert document.requirement == skp
    assert document.sha256 == hashlib.sha256(content).hexdigest()
    assert document.sha256 in response.text
    assert AuditEvent.objects.filter(action=AuditAction.DOCUMENT_UPLOADED).exists()


def test_a_new_upload_replaces_the_file_and_keeps_the_old_one(
    client, applicant, new_draft, skp
):
    login(client, applicant)
    client.post(url(new_draft, skp), {"file": pdf(pdf_bytes(1))})
    client.post(url(new_draft, skp), {"file": pdf(pdf_bytes(2))})

    documents = ApplicationDocument.objects.filter(application=new_draft)
    assert documents.count() == 2
    assert documents.filter(is_current=True).count() == 1


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
def test_a_refused_file_is_named_clearly_and_changes_nothing(
    client, applicant, new_draft, skp, content, message
):
    response = login(client, applicant).post(
        url(new_draft, skp), {"file": pdf(content)}
    )

    assert response.status_code == 200
    assert message in response.text
    assert 'aria-invalid="true"' in response.text
    assert not ApplicationDocument.objects.exists()
    assert not AuditEvent.objects.filter(action=AuditAction.DOCUMENT_UPLOADED).exists()


def test_a_file_over_the_limit_is_refused(client, applicant, new_draft, skp, settings):
    settings.SIKEJAR_UPLOAD_MAX_BYTES = 1024 * 1024
    content = pdf_bytes() + b"\n%" + b"x" * (1024 * 1024)

    response = login(client, applicant).post(
        url(new_draft, skp), {"file": pdf(content)}
    )

    assert "The file is larger than 1 MB." in response.text
    assert not ApplicationDocument.objects.exists()


def test_a_post_without_a_file_asks_for_one(client, applicant, new_draft, skp):
    response = login(client, applicant).post(url(new_draft, skp))

    assert "This field is required." in response.text
    assert not ApplicationDocument.objects.exists()


def test_a_requirement_without_a_document_takes_no_upload(client, applicant, new_draft):
    data_only = Requirement.objects.get(code="company-data")

    response = login(client, applicant).post(
        url(new_draft, data_only), {"file": pdf(pdf_bytes())}
    )

    assert response.status_code == 404


def test_a_submitted_file_takes_no_new_document(client, applicant, submitted, skp):
    before = ApplicationDocument.objects.count()

    response = login(client, applicant).post(
        url(submitted, skp), {"file": pdf(pdf_bytes())}, follow=True
    )

    assert "This application can no longer be edited." in response.text
    assert ApplicationDocument.objects.count() == before


def test_the_edit_page_offers_an_upload_with_progress(client, applicant, new_draft):
    response = login(client, applicant).get(f"/applications/{new_draft.pk}/edit/")

    assert (
        response.text.count("data-upload ")
        == Requirement.objects.filter(needs_document=True, is_active=True).count()
    )
    assert "<progress" in response.text
    assert 'enctype="multipart/form-data"' in response.text
    assert "sikejar/upload.js" in response.text


def test_an_officer_may_not_upload(client, verifier, submitted, skp):
    response = login(client, verifier).post(
        url(submitted, skp), {"file": pdf(pdf_bytes())}
    )

    assert response.status_code == 403


def test_another_company_may_not_upload(client, other_applicant, new_draft, skp):
    response = login(client, other_applicant).post(
        url(new_draft, skp), {"file": pdf(pdf_bytes())}
    )

    assert response.status_code == 404
    assert not ApplicationDocument.objects.exists()


# Downloads.


def _download_url(document):
    return f"/applications/{document.application_id}/documents/{document.pk}/"


def test_the_company_downloads_its_document_as_an_attachment(client, applicant, draft):
    document = draft.documents.first()

    response = login(client, applicant).get(_download_url(document))

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"] == "application/pdf"
    assert response.getvalue().startswith(b"%PDF")


def test_an_officer_of_the_office_downloads_a_submitted_document(
    client, inspectorate, submitted
):
    response = login(client, inspectorate).get(
        _download_url(submitted.documents.first())
    )

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")


def test_an_officer_of_another_office_gets_no_document(client, submitted):
    stranger = OfficerFactory(office=OfficeFactory(name="Another office"))

    response = login(client, stranger).get(_download_url(submitted.documents.first()))

    assert response.status_code == 404


def test_another_company_gets_no_document(client, other_applicant, draft):
    response = login(client, other_applicant).get(
        _download_url(draft.documents.first())
    )

    assert response.status_code == 404


def test_a_document_is_only_served_under_its_own_application(
    client, applicant, draft, new_draft
):
    document = draft.documents.first()

    response = login(client, applicant).get(
        f"/applications/{new_draft.pk}/documents/{document.pk}/"
    )

    assert response.status_code == 404


def test_an_administrator_sees_no_document_here(client, admin_user, submitted):
    response = login(client, admin_user).get(_download_url(submitted.documents.first()))

    assert response.status_code == 404
