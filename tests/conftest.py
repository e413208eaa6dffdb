"""Personas shared by every test: who acts, and on what."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone, translation

from sikejar.accounts.models import Office, Role, User
from sikejar.companies.models import Company, SafetyExpert
from sikejar.p2k3 import services
from sikejar.p2k3.models import (
    Application,
    ApplicationKind,
    CommitteeRole,
    Element,
    Requirement,
)
from tests.factories import (
    CompanyFactory,
    MembershipFactory,
    OfficeFactory,
    OfficerFactory,
    SafetyExpertFactory,
    UserFactory,
    pdf_bytes,
)


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path: Path) -> Iterator[None]:
    """Uploads of each test go to its own folder."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "media"},
        },
    }
    yield


@pytest.fixture(autouse=True)
def _english_outside_requests() -> Iterator[None]:
    """Services raise their messages in English here, so tests can match them.

    Requests still choose their language through LocaleMiddleware, so pages
    come out in Indonesian by default, as in production.
    """
    with translation.override("en"):
        yield


@pytest.fixture
def office(db) -> Office:
    return OfficeFactory()


@pytest.fixture
def company(db) -> Company:
    return CompanyFactory(legal_name="PT Sawit Makmur Jambi")


@pytest.fixture
def applicant(company: Company) -> User:
    """The company's operator, who files the application."""
    return MembershipFactory(
        company=company, user=UserFactory(email="applicant@example.test")
    ).user


@pytest.fixture
def other_applicant(db) -> User:
    """An operator of another company, who must never see the applicant's files."""
    return MembershipFactory(user=UserFactory(email="other@example.test")).user


@pytest.fixture
def verifier(office: Office) -> User:
    return OfficerFactory(
        email="verifier@example.test", office=office, role=Role.VERIFIER
    )


@pytest.fixture
def other_verifier(office: Office) -> User:
    return OfficerFactory(
        email="verifier2@example.test", office=office, role=Role.VERIFIER
    )


@pytest.fixture
def head(office: Office) -> User:
    """The head of office, who signs and decides."""
    return OfficerFactory(email="head@example.test", office=office, role=Role.HEAD)


@pytest.fixture
def inspectorate(office: Office) -> User:
    return OfficerFactory(
        email="inspector@example.test", office=office, role=Role.INSPECTORATE
    )


@pytest.fixture
def admin_user(db) -> User:
    return UserFactory(
        email="admin@example.test", role=Role.ADMIN, is_staff=True, is_superuser=True
    )


@pytest.fixture
def expert(company: Company) -> SafetyExpert:
    return SafetyExpertFactory(company=company)


def committee(expert: SafetyExpert) -> list[services.MemberData]:
    """A valid six-member committee with the expert as secretary."""
    return [
        services.MemberData(
            "Budi Santoso", CommitteeRole.CHAIR, Element.EMPLOYER, "Direktur"
        ),
        services.MemberData(
            expert.full_name,
            CommitteeRole.SECRETARY,
            Element.EMPLOYER,
            "HSE",
            expert.pk,
        ),
        services.MemberData("Andi", CommitteeRole.MEMBER, Element.EMPLOYER, "Manajer"),
        services.MemberData("Rina", CommitteeRole.MEMBER, Element.WORKER, "Operator"),
        services.MemberData("Joko", CommitteeRole.MEMBER, Element.WORKER, "Mandor"),
        services.MemberData("Sari", CommitteeRole.MEMBER, Element.WORKER, "Staf"),
    ]


def upload(
    name: str = "document.pdf", content: bytes | None = None
) -> SimpleUploadedFile:
    return SimpleUploadedFile(
        name, pdf_bytes() if content is None else content, "application/pdf"
    )


def complete_draft(
    company: Company | None = None,
    *,
    operator: User | None = None,
    kind: str = ApplicationKind.NEW,
) -> Application:
    """A draft ready to submit, made through the services at the current time.

    A new company (with an operator and an expert) unless one is given; the
    company's active operator and first expert otherwise.
    """
    company = company or CompanyFactory()
    if operator is None:
        membership = company.memberships.filter(status="active").first()
        operator = (
            membership.user if membership else MembershipFactory(company=company).user
        )
    expert = company.experts.first() or SafetyExpertFactory(company=company)
    application = services.application_create(
        actor=operator, company=company, kind=kind
    )
    services.application_save_draft(
        actor=operator,
        application=application,
        request_letter_number="001/HRD/XI/2026",
        request_letter_date=timezone.localdate(),
        members=committee(expert),
    )
    for requirement in Requirement.objects.filter(needs_document=True):
        services.document_upload(
            actor=operator,
            application=application,
            requirement=requirement,
            upload=upload(),
        )
    return application


@pytest.fixture
def draft(
    applicant: User, company: Company, expert: SafetyExpert, office: Office
) -> Application:
    """A complete draft, ready to submit."""
    return complete_draft(company, operator=applicant)


@pytest.fixture
def submitted(draft: Application, applicant: User, verifier: User) -> Application:
    """A file in verification, assigned to the one verifier."""
    return services.application_submit(actor=applicant, application=draft)


@pytest.fixture
def recommended(submitted: Application, verifier: User, head: User) -> Application:
    services.application_recommend(
        actor=verifier,
        application=submitted,
        approve=True,
        reasons="Lengkap dan sesuai.",
    )
    return submitted


def login(client: Client, user: User) -> Client:
    client.force_login(user)
    return client
