"""Two operators deciding one join request at once: exactly one wins."""

import threading

import pytest
from django.db import connection, connections

from sikejar.companies import services
from sikejar.companies.models import Membership, MembershipStatus
from sikejar.core.errors import DomainError
from sikejar.integrity.chain import audit_verify
from sikejar.integrity.models import AuditEvent
from tests.factories import MembershipFactory, UserFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL row locks"
    ),
]


def test_two_operators_deciding_at_once_cannot_both_win(applicant, company, newcomer):
    second = MembershipFactory(company=company, user=UserFactory()).user
    pk = newcomer.memberships.get().pk
    barrier = threading.Barrier(2)
    outcomes: list[object] = [None, None]

    def decide(index, service, actor):
        try:
            barrier.wait(timeout=10)
            outcomes[index] = service(
                actor=actor, membership=Membership.objects.get(pk=pk)
            )
        except DomainError as error:
            outcomes[index] = error
        finally:
            connections.close_all()

    threads = [
        threading.Thread(
            target=decide, args=(0, services.membership_approve, applicant)
        ),
        threading.Thread(target=decide, args=(1, services.membership_reject, second)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sum(isinstance(o, DomainError) for o in outcomes) == 1
    status = Membership.objects.get(pk=pk).status
    assert status in (MembershipStatus.ACTIVE, MembershipStatus.REJECTED)
    assert AuditEvent.objects.count() == 1
    assert audit_verify().intact
