"""What the report and survey tests share: the form as a sender fills it in."""

import secrets
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from sikejar.accounts.models import Role
from sikejar.complaints import services
from sikejar.p2k3 import services as p2k3_services
from sikejar.p2k3.models import Application, RuleVersion
from tests.factories import OfficerFactory


@pytest.fixture
def client(client):
    """Pages in English, whatever the default language, so texts can be asserted."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def report_form(office, **changes) -> dict[str, object]:
    """The public report form, anonymous unless told otherwise."""
    data: dict[str, object] = {
        "office": office.pk,
        "what_happened": "Petugas meminta uang pelicin Rp 2.000.000 agar SK cepat.",
        "happened_on": (timezone.localdate() - timedelta(days=2)).isoformat(),
        "place": "Pengesahan P2K3, kantor dinas",
        "amount_asked": "2000000",
        "who_asked": "Seorang verifikator",
        "identity": "anonymous",
        "name": "",
        "contact": "",
    }
    return {**data, **changes}


def facts(**changes) -> services.ReportFacts:
    data = {
        "what_happened": "Diminta uang terima kasih.",
        "happened_on": timezone.localdate(),
        "place": "Pengesahan P2K3",
    }
    return services.ReportFacts(**{**data, **changes})


def pdf(content: bytes, name: str = "bukti.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, "application/pdf")


@pytest.fixture
def reported(office):
    """An anonymous report to the office, with its follow-up code."""
    return services.report_file_anonymously(office=office, facts=facts())


@pytest.fixture
def other_inspectorate(db):
    """The inspectorate of another office, who must not read this office's reports."""
    return OfficerFactory(role=Role.INSPECTORATE)


def decide(application, head, *, approve: bool = True):
    """The head's decision without a signed decree: the survey needs the status."""
    p2k3_services.application_decide(
        actor=head, application=application, approve=approve, reasons="Ok."
    )
    application.refresh_from_db()
    return application


def bare_file(application: Application, **fields) -> Application:
    """Another file of the same company, as a row only: for counts over many files."""
    values = {
        "tracking_number": f"P2K3-TEST-{secrets.token_hex(4).upper()}",
        "company": application.company,
        "office": application.office,
        "rule_version": RuleVersion.objects.get(is_default=True),
        "created_by": application.created_by,
        "submitted_at": timezone.now(),
        "status": "in_verification",
    }
    return Application.objects.create(**{**values, **fields})
