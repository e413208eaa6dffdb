"""A decree's life after issue: numbering, amendment, cancellation."""

import threading

import pytest
from django.db import connection, connections

from sikejar.core.errors import DomainError
from sikejar.decrees import services
from sikejar.decrees.models import Decree, DecreeStatus
from sikejar.integrity.chain import audit_verify
from sikejar.integrity.models import AuditAction, AuditEvent
from sikejar.p2k3 import services as p2k3_services
from sikejar.p2k3.models import ApplicationKind
from tests.conftest import complete_draft
from tests.decrees.conftest import issue

pytestmark = pytest.mark.django_db


def recommended_file(verifier, *, company=None, kind=ApplicationKind.NEW):
    """A complete file of a (new) company, verified and recommended."""
    application = complete_draft(company, kind=kind)
    operator = application.created_by
    p2k3_services.application_submit(actor=operator, application=application)
    p2k3_services.application_recommend(
        actor=verifier, application=application, approve=True, reasons="Lengkap."
    )
    return application


def test_numbers_follow_each_other_within_the_year(issued, signer, verifier):
    second = issue(recommended_file(verifier), signer)
    third = issue(recommended_file(verifier), signer)

    assert [issued.serial, second.serial, third.serial] == [1, 2, 3]
    assert third.number == f"560/3/DISNAKERTRANS/{third.year}"


def test_an_amendment_starts_from_the_committee_in_force(issued, applicant):
    amendment = services.amendment_start(
        actor=applicant, company=issued.application.company
    )

    assert amendment.kind == ApplicationKind.AMENDMENT
    old = [(m.full_name, m.role) for m in issued.application.members.all()]
    assert [(m.full_name, m.role) for m in amendment.members.all()] == old


def test_an_amendment_decree_revokes_and_replaces_the_old_one(
    issued, signer, verifier, applicant
):
    company = issued.application.company
    amendment = recommended_file(
        verifier, company=company, kind=ApplicationKind.AMENDMENT
    )

    new = issue(amendment, signer)

    issued.refresh_from_db()
    assert issued.status == DecreeStatus.REPLACED
    assert new.replaces == issued
    assert issued.number in new.content["clauses"][0][1]
    assert new.content["clauses"][0][0] == "KESATU"
    assert "Mencabut" in new.content["clauses"][0][1]
    assert AuditEvent.objects.filter(action=AuditAction.DECREE_REPLACED).count() == 1


def test_a_company_with_a_decree_in_force_cannot_get_a_second_new_one(
    issued, signer, verifier
):
    second = recommended_file(verifier, company=issued.application.company)

    with pytest.raises(DomainError, match="amendment"):
        issue(second, signer)

    assert Decree.objects.count() == 1


def test_an_amendment_needs_a_decree_in_force(applicant, company):
    with pytest.raises(DomainError):
        services.amendment_start(actor=applicant, company=company)


def test_the_head_cancels_a_decree_with_a_reason(issued, signer):
    services.decree_cancel(actor=signer, decree=issued, reason="NIB perusahaan keliru.")

    issued.refresh_from_db()
    assert issued.status == DecreeStatus.CANCELLED
    assert issued.cancel_reason == "NIB perusahaan keliru."
    event = AuditEvent.objects.get(action=AuditAction.DECREE_CANCELLED)
    assert event.reason == "NIB perusahaan keliru."
    assert audit_verify().intact


def test_a_cancellation_needs_a_reason_and_the_head(issued, signer, verifier):
    with pytest.raises(DomainError):
        services.decree_cancel(actor=signer, decree=issued, reason=" ")
    with pytest.raises(DomainError):
        services.decree_cancel(actor=verifier, decree=issued, reason="Salah.")

    issued.refresh_from_db()
    assert issued.status == DecreeStatus.IN_FORCE


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL")
def test_fifty_issues_at_once_get_fifty_consecutive_numbers(
    verifier, signer, monkeypatch
):
    # The second factor is tested above; here every thread confirms at once.
    monkeypatch.setattr(services, "totp_verify", lambda user, code: True)
    files = [recommended_file(verifier) for _ in range(50)]
    barrier = threading.Barrier(len(files))
    errors: list[BaseException] = []

    def run(application):
        try:
            barrier.wait(timeout=30)
            issue(application, signer, totp_code="any")
        except BaseException as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(f,)) for f in files]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)

    assert errors == []
    assert sorted(Decree.objects.values_list("serial", flat=True)) == list(range(1, 51))
    assert Decree.objects.values("number").distinct().count() == 50
    assert audit_verify().intact


def test_a_second_file_waits_until_the_first_is_done(draft, applicant):
    with pytest.raises(DomainError, match="in progress"):
        services.application_start(actor=applicant, company=draft.company)


def test_a_company_with_a_decree_in_force_is_sent_to_the_amendment(issued, applicant):
    with pytest.raises(DomainError, match="amendment"):
        services.application_start(actor=applicant, company=issued.application.company)

    amendment = services.amendment_start(
        actor=applicant, company=issued.application.company
    )
    with pytest.raises(DomainError, match="in progress"):
        services.amendment_start(actor=applicant, company=issued.application.company)
    assert amendment.kind == ApplicationKind.AMENDMENT
