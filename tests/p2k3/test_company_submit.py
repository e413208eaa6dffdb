"""The company submits its file and gets a receipt, on screen and as a PDF."""

import io

import pytest
from pypdf import PdfReader

from sikejar.integrity.models import AuditAction, AuditEvent
from sikejar.p2k3 import services
from sikejar.p2k3.models import ApplicationStatus, Requirement
from tests.conftest import login, upload
from tests.factories import pdf_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(client):
    """Pages in English, whatever the default language, so texts can be asserted."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def _return(application):
    return services.application_return(
        actor=application.verifier,
        application=application,
        citations=[
            services.CitationData(
                Requirement.objects.get(code="expert-skp"), "SKP tidak terbaca."
            )
        ],
    )


def test_a_complete_draft_is_submitted_and_assigned(client, applicant, draft, verifier):
    response = login(client, applicant).post(f"/applications/{draft.pk}/submit/")

    draft.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == f"/applications/{draft.pk}/receipt/"
    assert draft.status == ApplicationStatus.IN_VERIFICATION
    assert draft.verifier == verifier
    assert AuditEvent.objects.filter(action=AuditAction.APPLICATION_SUBMITTED).exists()


def test_the_receipt_lists_every_document_with_its_sha256_and_rp_0(
    client, applicant, submitted
):
    response = login(client, applicant).get(f"/applications/{submitted.pk}/receipt/")

    assert response.status_code == 200
    assert submitted.tracking_number in response.text
    assert "PT Sawit Makmur Jambi" in response.text
    for document in submitted.documents.filter(is_current=True):
        assert document.sha256 in response.text
        assert document.requirement.title in response.text
    assert "Rp 0" in response.text
    assert "Report a request for money or favours" in response.text
    assert f"/applications/{submitted.pk}/receipt.pdf" in response.text


def test_the_pdf_receipt_carries_the_tracking_number_and_hashes(
    client, applicant, submitted
):
    response = login(client, applicant).get(f"/applications/{submitted.pk}/receipt.pdf")

    text = "".join(
        page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert submitted.tracking_number in text
    assert "Rp 0" in text
    assert submitted.documents.first().sha256 in text.replace("\n", "")


def test_the_pdf_receipt_prints_typed_text_as_text(client, applicant, submitted):
    company = submitted.company
    company.address = '#panic("boom") ] *bold* $x$ <evil>'
    company.save()

    response = login(client, applicant).get(f"/applications/{submitted.pk}/receipt.pdf")

    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert '#panic("boom")' in text


def test_an_incomplete_draft_is_kept_with_the_reasons(
    client, applicant, company, office, verifier
):
    application = services.application_create(actor=applicant, company=company)

    response = login(client, applicant).post(
        f"/applications/{application.pk}/submit/", follow=True
    )

    application.refresh_from_db()
    assert response.redirect_chain[-1][0] == f"/applications/{application.pk}/edit/"
    assert "your draft is kept" in response.text
    assert "The committee needs exactly one chair (Ketua)." in response.text
    assert application.status == ApplicationStatus.DRAFT


def test_without_a_verifier_on_duty_the_draft_is_kept(client, applicant, draft):
    response = login(client, applicant).post(
        f"/applications/{draft.pk}/submit/", follow=True
    )

    draft.refresh_from_db()
    assert "The office has no verifier on duty" in response.text
    assert draft.status == ApplicationStatus.DRAFT


def test_a_corrected_file_goes_back_to_the_same_verifier(
    client, applicant, submitted, other_verifier
):
    verifier = submitted.verifier
    _return(submitted)
    skp = Requirement.objects.get(code="expert-skp")
    login(client, applicant)
    client.post(
        f"/applications/{submitted.pk}/requirements/{skp.pk}/upload/",
        {"file": upload("skp-baru.pdf", pdf_bytes(2))},
    )

    response = client.post(f"/applications/{submitted.pk}/submit/", follow=True)

    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.IN_VERIFICATION
    assert submitted.verifier == verifier
    assert "The office received your corrected file." in response.text
    assert "skp-baru.pdf" in response.text
    new_hash = submitted.documents.get(requirement=skp, is_current=True).sha256
    assert new_hash in response.text


def test_a_draft_has_no_receipt_yet(client, applicant, draft):
    login(client, applicant)

    assert client.get(f"/applications/{draft.pk}/receipt/").status_code == 404
    assert client.get(f"/applications/{draft.pk}/receipt.pdf").status_code == 404


@pytest.mark.parametrize("path", ["submit/", "receipt/", "receipt.pdf"])
def test_an_officer_may_not_use_the_company_s_filing_pages(
    client, verifier, submitted, path
):
    login(client, verifier)
    method = client.post if path == "submit/" else client.get

    response = method(f"/applications/{submitted.pk}/{path}")

    assert response.status_code == 403


@pytest.mark.parametrize("path", ["submit/", "receipt/", "receipt.pdf"])
def test_another_company_may_not_use_the_filing_pages(
    client, other_applicant, submitted, path
):
    login(client, other_applicant)
    method = client.post if path == "submit/" else client.get

    response = method(f"/applications/{submitted.pk}/{path}")

    assert response.status_code == 404


def test_submitting_takes_a_post(client, applicant, draft):
    response = login(client, applicant).get(f"/applications/{draft.pk}/submit/")

    assert response.status_code == 405
