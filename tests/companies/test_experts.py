"""Safety experts and the scans of their papers."""

from datetime import timedelta

import pytest
from django.utils import timezone

from sikejar.companies.models import SafetyExpert
from sikejar.integrity.models import AuditAction, AuditEvent
from tests.companies.conftest import expert_form
from tests.conftest import login, upload
from tests.factories import encrypted_pdf_bytes

pytestmark = pytest.mark.django_db


def test_it_registers_an_expert_with_three_scans(client, applicant, company):
    login(client, applicant)

    response = client.post(f"/companies/{company.pk}/experts/new/", expert_form())

    assert response.status_code == 302
    assert response["Location"] == f"/companies/{company.pk}/"
    expert = SafetyExpert.objects.get()
    assert expert.company == company
    assert expert.skp_number == "KEP.0456/LATTAS/2025"
    for scan in (expert.certificate_scan, expert.skp_scan, expert.licence_scan):
        assert scan.name.startswith("private/companies/")
        assert "skp" not in scan.name and "ktk" not in scan.name
    event = AuditEvent.objects.get()
    assert event.action == AuditAction.EXPERT_REGISTERED
    assert set(event.data["scans"]) == {"certificate_scan", "skp_scan", "licence_scan"}


def test_an_htmx_upload_navigates_to_the_company_page(client, applicant, company):
    login(client, applicant)

    response = client.post(
        f"/companies/{company.pk}/experts/new/", expert_form(), HTTP_HX_REQUEST="true"
    )

    assert response.status_code == 200
    assert response["HX-Redirect"] == f"/companies/{company.pk}/"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "file is empty."),
        (b"GIF89a not a pdf", "The file is not a PDF document."),
        (encrypted_pdf_bytes(), "password-protected"),
    ],
)
def test_it_refuses_a_scan_that_is_not_a_usable_pdf(
    client, applicant, company, content, message
):
    login(client, applicant)

    response = client.post(
        f"/companies/{company.pk}/experts/new/",
        expert_form(skp_scan=upload("skp.pdf", content)),
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    assert 'value="Dewi Lestari"' in response.content.decode()
    assert not SafetyExpert.objects.exists()
    assert not AuditEvent.objects.exists()


def test_it_refuses_an_oversized_scan(client, applicant, company, settings):
    settings.SIKEJAR_UPLOAD_MAX_BYTES = 200
    login(client, applicant)

    response = client.post(f"/companies/{company.pk}/experts/new/", expert_form())

    assert "The file is larger than" in response.content.decode()
    assert not SafetyExpert.objects.exists()


def test_all_three_scans_are_needed_at_first(client, applicant, company):
    login(client, applicant)
    data = expert_form()
    del data["licence_scan"]

    response = client.post(f"/companies/{company.pk}/experts/new/", data)

    assert response.context["form"].errors["licence_scan"]
    assert not SafetyExpert.objects.exists()


def test_the_skp_must_expire_after_it_was_issued(client, applicant, company):
    login(client, applicant)
    today = timezone.localdate()

    response = client.post(
        f"/companies/{company.pk}/experts/new/",
        expert_form(
            skp_issued_on=today.isoformat(),
            skp_expires_on=(today - timedelta(days=1)).isoformat(),
        ),
    )

    assert "The SKP must expire after the day it was issued." in (
        response.content.decode()
    )
    assert not SafetyExpert.objects.exists()


def _edit(expert, **changes):
    """The edit form as the page fills it in, with no scan unless given."""
    current = {
        "full_name": expert.full_name,
        "certificate_number": expert.certificate_number,
        "skp_number": expert.skp_number,
        "skp_issued_on": expert.skp_issued_on.isoformat(),
        "skp_expires_on": expert.skp_expires_on.isoformat(),
        "skp_company_name": expert.skp_company_name,
        "licence_number": expert.licence_number,
        "licence_expires_on": expert.licence_expires_on.isoformat(),
    }
    return {**current, **changes}


def test_an_edit_without_scans_keeps_the_old_files(client, applicant, company, expert):
    login(client, applicant)
    old_scans = (expert.certificate_scan.name, expert.skp_scan.name)
    old_number = expert.skp_number

    response = client.post(
        f"/companies/{company.pk}/experts/{expert.pk}/edit/",
        _edit(expert, skp_number="KEP.9999/LATTAS/2026"),
    )

    assert response.status_code == 302
    expert.refresh_from_db()
    assert expert.skp_number == "KEP.9999/LATTAS/2026"
    assert (expert.certificate_scan.name, expert.skp_scan.name) == old_scans
    event = AuditEvent.objects.get()
    assert event.action == AuditAction.EXPERT_UPDATED
    assert event.data["changed"] == {"skp_number": [old_number, "KEP.9999/LATTAS/2026"]}
    assert event.data["scans"] == {}


def test_an_edit_with_a_scan_replaces_only_that_file(
    client, applicant, company, expert
):
    login(client, applicant)
    old_skp, old_licence = expert.skp_scan.name, expert.licence_scan.name

    client.post(
        f"/companies/{company.pk}/experts/{expert.pk}/edit/",
        _edit(expert, skp_scan=upload("skp-baru.pdf")),
    )

    expert.refresh_from_db()
    assert expert.skp_scan.name != old_skp
    assert expert.licence_scan.name == old_licence
    assert list(AuditEvent.objects.get().data["scans"]) == ["skp_scan"]


def test_an_edit_with_a_bad_scan_changes_nothing(client, applicant, company, expert):
    login(client, applicant)
    old_skp = expert.skp_scan.name

    response = client.post(
        f"/companies/{company.pk}/experts/{expert.pk}/edit/",
        _edit(
            expert,
            full_name="Nama Baru",
            skp_scan=upload("x.pdf", encrypted_pdf_bytes()),
        ),
    )

    assert response.status_code == 200
    expert.refresh_from_db()
    assert expert.full_name == "Siti Rahmawati"
    assert expert.skp_scan.name == old_skp
    assert not AuditEvent.objects.exists()


def test_an_edit_that_changes_nothing_writes_no_event(
    client, applicant, company, expert
):
    login(client, applicant)

    client.post(f"/companies/{company.pk}/experts/{expert.pk}/edit/", _edit(expert))

    assert not AuditEvent.objects.exists()
