"""Two officers acting on one file at once: exactly one wins."""

import threading

import pytest
from django.db import connection, connections

from sikejar.accounts.models import Role
from sikejar.core.errors import DomainError
from sikejar.integrity.chain import audit_verify
from sikejar.integrity.models import AuditAction, AuditEvent
from sikejar.p2k3 import services
from sikejar.p2k3.models import Application, ApplicationStatus
from tests.factories import OfficerFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL row locks"
    ),
]


def _race(*acts):
    """Run each act in its own thread and connection, released together."""
    barrier = threading.Barrier(len(acts))
    outcomes: list[object] = [None] * len(acts)

    def run(index, act):
        try:
            barrier.wait(timeout=10)
            outcomes[index] = act()
        except DomainError as error:
            outcomes[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, a)) for i, a in enumerate(acts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


def test_two_heads_deciding_at_once_cannot_both_win(recommended, head):
    second_head = OfficerFactory(office=recommended.office, role=Role.HEAD)
    file_for = lambda: Application.objects.get(pk=recommended.pk)  # noqa: E731

    outcomes = _race(
        lambda: services.application_decide(
            actor=head, application=file_for(), approve=True
        ),
        lambda: services.application_send_back(
            actor=second_head, application=file_for(), reasons="Periksa ulang SKP."
        ),
    )

    errors = [o for o in outcomes if isinstance(o, DomainError)]
    assert len(errors) == 1
    recommended.refresh_from_db()
    assert recommended.status in (
        ApplicationStatus.APPROVED,
        ApplicationStatus.IN_VERIFICATION,
    )
    decisions = AuditEvent.objects.filter(
        action__in=[AuditAction.APPLICATION_APPROVED, AuditAction.APPLICATION_SENT_BACK]
    )
    assert decisions.count() == 1
    assert audit_verify().intact


def test_a_verifier_in_two_tabs_cannot_return_and_recommend_at_once(
    submitted, verifier
):
    from sikejar.p2k3.models import Requirement

    requirement = Requirement.objects.get(code="expert-skp")
    file_for = lambda: Application.objects.get(pk=submitted.pk)  # noqa: E731

    outcomes = _race(
        lambda: services.application_return(
            actor=verifier,
            application=file_for(),
            citations=[services.CitationData(requirement, "SKP kedaluwarsa.")],
        ),
        lambda: services.application_recommend(
            actor=verifier, application=file_for(), approve=True, reasons="Lengkap."
        ),
    )

    assert sum(isinstance(o, DomainError) for o in outcomes) == 1
    assert submitted.reviews.count() == 1
    assert audit_verify().intact
