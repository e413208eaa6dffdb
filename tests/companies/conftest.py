"""Personas and form data of the company pages."""

from datetime import timedelta

import pytest
from django.utils import timezone

from sikejar.accounts.models import Regency, User
from sikejar.companies.models import Company, Membership, MembershipStatus
from tests.conftest import upload
from tests.factories import MembershipFactory, UserFactory

VALID_NPWP = "01.300.066.6-091.000"


@pytest.fixture
def newcomer(company: Company) -> User:
    """Someone who asked to act for the applicant's company and waits for consent."""
    return pending_membership(company, "newcomer@example.test").user


def pending_membership(company: Company, email: str) -> Membership:
    return MembershipFactory(
        company=company,
        user=UserFactory(email=email),
        status=MembershipStatus.PENDING,
    )


def company_form(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "legal_name": "PT Karet Batanghari",
        "legal_form": "pt",
        "nib": "8120 0001 2345 6",
        "npwp": VALID_NPWP,
        "kbli_codes": "01262, 22191",
        "risk_level": "menengah_tinggi",
        "regency": Regency.objects.get(code="15.04").pk,
        "address": "Jl. Jambi - Muara Bulian Km 30",
        "workers_male": 80,
        "workers_female": 30,
        "workers_foreign": 2,
        "leader_name": "Hendra Wijaya",
        "leader_title": "Direktur Utama",
    }
    return {**data, **changes}


def expert_form(**changes: object) -> dict[str, object]:
    today = timezone.localdate()
    data: dict[str, object] = {
        "full_name": "Dewi Lestari",
        "certificate_number": "AK3U/00123/2020",
        "skp_number": "KEP.0456/LATTAS/2025",
        "skp_issued_on": (today - timedelta(days=100)).isoformat(),
        "skp_expires_on": (today + timedelta(days=900)).isoformat(),
        "skp_company_name": "PT Sawit Makmur Jambi",
        "licence_number": "KTK-77881",
        "licence_expires_on": (today + timedelta(days=900)).isoformat(),
        "certificate_scan": upload("sertifikat.pdf"),
        "skp_scan": upload("skp.pdf"),
        "licence_scan": upload("ktk.pdf"),
    }
    return {**data, **changes}


@pytest.fixture(autouse=True)
def _english(settings) -> None:
    """Pages in English, so that tests can read what they say."""
    settings.LANGUAGE_CODE = "en"
