"""The demo's transparency side: a late file, a day off, a second standard,
survey answers and an integrity report, so that every public page has
something to show.
"""

from collections.abc import Callable
from datetime import timedelta

from django.utils import timezone

from sikejar.accounts.models import Office, User
from sikejar.companies.models import Company, MembershipStatus
from sikejar.complaints.services.reports import (
    ReportFacts,
    report_file_anonymously,
    report_reply,
)
from sikejar.complaints.services.survey import survey_answer
from sikejar.complaints.survey import ELEMENT_CODES
from sikejar.integrity.log import checkpoint_sign
from sikejar.p2k3 import services
from sikejar.p2k3.models import Application, ApplicationStatus, Requirement
from sikejar.transparency.services import clock_tick, day_off_set, requirement_save


def demo_extras(
    *,
    office: Office,
    users: dict[str, User],
    late_company: Company,
    draft_for: Callable[[User, Company, int], Application],
) -> None:
    _late_file(late_company, draft_for)
    clock_tick()
    day_off_set(
        actor=users["admin"],
        office=office,
        day=timezone.localdate() + timedelta(days=7),
        reason="Cuti bersama (contoh demo)",
    )
    requirement = Requirement.objects.get(code="company-data")
    requirement.legal_basis = "UU 1/1970 Pasal 10; Permenaker 13/2025 Pasal 3"
    requirement_save(actor=users["admin"], requirement=requirement)
    _survey_answers()
    _report(office, users["inspektorat"])
    checkpoint_sign()


def _late_file(
    company: Company, draft_for: Callable[[User, Company, int], Application]
) -> None:
    """A file submitted three weeks ago and still unverified: past the limit."""
    import time_machine  # A development dependency, as the demo itself is.

    operator = company.memberships.filter(status=MembershipStatus.ACTIVE)[0].user
    with time_machine.travel(timezone.now() - timedelta(days=21), tick=False):
        application = draft_for(operator, company, 99)
        services.application_submit(actor=operator, application=application)


def _survey_answers() -> None:
    decided = Application.objects.filter(
        status__in=(ApplicationStatus.APPROVED, ApplicationStatus.REJECTED)
    ).select_related("company")
    for index, application in enumerate(decided):
        operator = application.company.memberships.filter(
            status=MembershipStatus.ACTIVE
        )[0].user
        scores = {code: 4 - (index + i) % 2 for i, code in enumerate(ELEMENT_CODES)}
        survey_answer(
            actor=operator,
            application=application,
            scores=scores,
            comment="Prosesnya cepat dan tanpa biaya.",
        )


def _report(office: Office, inspector: User) -> None:
    filed = report_file_anonymously(
        office=office,
        facts=ReportFacts(
            what_happened="Seseorang yang mengaku petugas meminta uang untuk "
            "mempercepat pengesahan (contoh demo).",
            happened_on=timezone.localdate() - timedelta(days=2),
            place="Telepon",
            amount_asked=2_000_000,
        ),
    )
    report_reply(
        actor=inspector,
        report=filed.report,
        body="Terima kasih. Laporan sedang ditelaah (contoh demo).",
        handled=False,
    )
