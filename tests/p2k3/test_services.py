"""The workflow through its services: who may do what, from which state."""

import pytest

from sikejar.core.errors import DomainError
from sikejar.integrity.models import AuditAction, AuditEvent
from sikejar.p2k3 import services
from sikejar.p2k3.models import ApplicationStatus, Requirement
from tests.conftest import complete_draft

pytestmark = pytest.mark.django_db


def _citation(code: str = "expert-skp") -> services.CitationData:
    return services.CitationData(
        Requirement.objects.get(code=code), "SKP sudah kedaluwarsa."
    )


def test_it_assigns_the_least_loaded_verifier(
    draft, applicant, verifier, other_verifier
):
    # Give the other verifier an open file while the first one is away.
    earlier = complete_draft()
    verifier.is_active = False
    verifier.save(update_fields=["is_active"])
    services.application_submit(actor=earlier.created_by, application=earlier)
    verifier.is_active = True
    verifier.save(update_fields=["is_active"])

    application = services.application_submit(actor=applicant, application=draft)

    assert earlier.verifier == other_verifier
    assert application.verifier == verifier
    assert application.status == ApplicationStatus.IN_VERIFICATION
    assert (
        AuditEvent.objects.filter(action=AuditAction.APPLICATION_ASSIGNED).count() == 2
    )


def test_ties_are_drawn_among_the_least_loaded(
    draft, applicant, verifier, other_verifier
):
    application = services.application_submit(actor=applicant, application=draft)

    assert application.verifier in {verifier, other_verifier}


def test_it_refuses_to_submit_when_no_verifier_is_on_duty(draft, applicant):
    with pytest.raises(DomainError, match="no verifier"):
        services.application_submit(actor=applicant, application=draft)

    draft.refresh_from_db()
    assert draft.status == ApplicationStatus.DRAFT


def test_it_returns_file_with_cited_requirements(submitted, verifier):
    review = services.application_return(
        actor=verifier, application=submitted, citations=[_citation()]
    )

    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.RETURNED
    assert [c.requirement.code for c in review.citations.all()] == ["expert-skp"]


def test_it_refuses_a_return_without_citation(submitted, verifier):
    with pytest.raises(DomainError):
        services.application_return(actor=verifier, application=submitted, citations=[])

    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.IN_VERIFICATION


def test_resubmission_goes_back_to_the_same_verifier(
    submitted, applicant, verifier, other_verifier
):
    services.application_return(
        actor=verifier, application=submitted, citations=[_citation()]
    )
    services.application_submit(actor=applicant, application=submitted)

    submitted.refresh_from_db()
    assert submitted.verifier == verifier
    assert submitted.status == ApplicationStatus.IN_VERIFICATION


def test_another_verifier_cannot_act(submitted, other_verifier):
    with pytest.raises(DomainError):
        services.application_recommend(
            actor=other_verifier, application=submitted, approve=True, reasons="ok"
        )


def test_the_head_approves_a_recommended_file(recommended, head):
    services.application_decide(actor=head, application=recommended, approve=True)

    recommended.refresh_from_db()
    assert recommended.status == ApplicationStatus.APPROVED
    assert recommended.decided_by == head


def test_whoever_verified_a_file_can_never_decide_it(recommended, verifier, head):
    # The verifier is promoted to head while the file waits: still barred.
    verifier.role = "head"
    verifier.save(update_fields=["role"])

    with pytest.raises(DomainError, match="verified"):
        services.application_decide(
            actor=verifier, application=recommended, approve=True
        )


def test_an_illegal_transition_changes_nothing(submitted, head):
    events = AuditEvent.objects.count()

    with pytest.raises(DomainError):
        services.application_decide(actor=head, application=submitted, approve=True)

    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.IN_VERIFICATION
    assert AuditEvent.objects.count() == events


def test_withdrawal_keeps_the_record(submitted, applicant):
    services.application_withdraw(
        actor=applicant, application=submitted, reason="Salah data"
    )

    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.WITHDRAWN
    assert submitted.documents.count() > 0
