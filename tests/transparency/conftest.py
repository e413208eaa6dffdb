"""Files built at chosen moments through the workflow services.

Every act runs under a frozen clock at a time of the office's zone, so a
test states its dates as the office lives them (WIB).
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from sikejar.accounts.models import Regency, User
from sikejar.p2k3 import services
from sikejar.p2k3.models import Application, Requirement
from tests.conftest import complete_draft
from tests.factories import CompanyFactory, MembershipFactory, SafetyExpertFactory

WIB = ZoneInfo("Asia/Jakarta")


@pytest.fixture
def client(client, settings):
    """Pages in English, whatever the default or the user's language.

    The language cookie wins over a signed-in user's saved language.
    """
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def at(day: str, hour: int = 9, minute: int = 0) -> datetime:
    """A moment in Jambi: ``at("2026-08-17", 14)`` is 14:00 WIB on that day."""
    return datetime.fromisoformat(day).replace(hour=hour, minute=minute, tzinfo=WIB)


def travel(day: str, hour: int = 9, minute: int = 0) -> time_machine.travel:
    return time_machine.travel(at(day, hour, minute), tick=False)


def operator_of(application: Application) -> User:
    return application.company.memberships.get().user


def filed(day: str, hour: int = 9, *, regency: str = "15.05") -> Application:
    """A complete file of a new company, submitted on ``day`` at ``hour`` WIB."""
    company = CompanyFactory(regency=Regency.objects.get(code=regency))
    operator = MembershipFactory(company=company).user
    # Fixed dates: the papers are valid on every day these tests travel to.
    SafetyExpertFactory(
        company=company,
        skp_issued_on=date(2025, 1, 1),
        skp_expires_on=date(2027, 12, 31),
        licence_expires_on=date(2028, 12, 31),
    )
    with travel(day, hour):
        application = complete_draft(company, operator=operator)
        return services.application_submit(actor=operator, application=application)


def returned(application: Application, day: str, *codes: str) -> None:
    assert application.verifier is not None
    citations = [
        services.CitationData(Requirement.objects.get(code=code), "Perbaiki.")
        for code in codes or ("expert-skp",)
    ]
    with travel(day, 10):
        services.application_return(
            actor=application.verifier, application=application, citations=citations
        )


def resubmitted(application: Application, day: str) -> None:
    with travel(day, 11):
        services.application_submit(
            actor=operator_of(application), application=application
        )


def decided(
    application: Application, day: str, head: User, *, approve: bool = True
) -> None:
    """Recommended by its verifier and decided by the head on the same day."""
    assert application.verifier is not None
    cited = [services.CitationData(Requirement.objects.get(code="company-data"), "X")]
    with travel(day, 13):
        services.application_recommend(
            actor=application.verifier,
            application=application,
            approve=approve,
            reasons="Sesuai." if approve else "Tidak sesuai.",
            citations=[] if approve else cited,
        )
    with travel(day, 15):
        services.application_decide(
            actor=head,
            application=application,
            approve=approve,
            reasons="" if approve else "Data perusahaan tidak sesuai.",
            citations=[] if approve else cited,
        )
