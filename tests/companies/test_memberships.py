"""Consent to act for a company: by an operator, or by an admin for the first."""

import pytest

from sikejar.companies import services
from sikejar.companies.models import MembershipStatus
from sikejar.core.errors import DomainError
from sikejar.integrity.models import AuditAction, AuditEvent
from tests.companies.conftest import pending_membership
from tests.conftest import login
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_an_operator_lets_a_newcomer_act_for_the_company(
    client, applicant, company, newcomer, django_capture_on_commit_callbacks, mailoutbox
):
    membership = newcomer.memberships.get()
    login(client, applicant)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/companies/{company.pk}/memberships/{membership.pk}/approve/"
        )

    assert response.status_code == 302
    assert response["Location"] == f"/companies/{company.pk}/"
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.ACTIVE
    assert membership.decided_by == applicant
    event = AuditEvent.objects.get()
    assert event.action == AuditAction.MEMBERSHIP_APPROVED
    assert (event.old_state, event.new_state) == ("pending", "active")
    assert event.actor == applicant
    assert [m.to for m in mailoutbox] == [[newcomer.email]]
    login(client, newcomer)
    assert client.get(f"/companies/{company.pk}/").status_code == 200


def test_an_operator_refuses_with_a_reason(
    client, applicant, company, newcomer, django_capture_on_commit_callbacks, mailoutbox
):
    membership = newcomer.memberships.get()
    login(client, applicant)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/companies/{company.pk}/memberships/{membership.pk}/reject/",
            {"reason": "Tidak bekerja di sini."},
        )

    membership.refresh_from_db()
    assert membership.status == MembershipStatus.REJECTED
    event = AuditEvent.objects.get()
    assert event.action == AuditAction.MEMBERSHIP_REJECTED
    assert event.reason == "Tidak bekerja di sini."
    assert "Tidak bekerja di sini." in mailoutbox[0].body
    login(client, newcomer)
    assert client.get(f"/companies/{company.pk}/").status_code == 404


def test_the_company_page_lists_requests_with_both_actions(
    client, applicant, company, newcomer
):
    membership = newcomer.memberships.get()
    login(client, applicant)

    page = client.get(f"/companies/{company.pk}/").content.decode()

    assert newcomer.email in page
    assert f"/memberships/{membership.pk}/approve/" in page
    assert f"/memberships/{membership.pk}/reject/" in page


def test_the_second_of_two_operators_deciding_at_once_fails_cleanly(
    client, applicant, company, newcomer
):
    second = MembershipFactory(company=company, user=UserFactory()).user
    membership = newcomer.memberships.get()
    # Both operators loaded the page while the request was pending.
    stale = newcomer.memberships.get()
    services.membership_approve(actor=applicant, membership=membership)

    with pytest.raises(DomainError, match="already been decided"):
        services.membership_reject(actor=second, membership=stale)

    stale.refresh_from_db()
    assert stale.status == MembershipStatus.ACTIVE
    assert stale.decided_by == applicant
    assert AuditEvent.objects.count() == 1


def test_a_late_decision_on_the_page_says_so_and_changes_nothing(
    client, applicant, company, newcomer
):
    second = MembershipFactory(company=company, user=UserFactory()).user
    membership = newcomer.memberships.get()
    services.membership_approve(actor=applicant, membership=membership)
    login(client, second)

    response = client.post(
        f"/companies/{company.pk}/memberships/{membership.pk}/reject/", follow=True
    )

    assert "already been decided" in response.content.decode()
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.ACTIVE
    assert AuditEvent.objects.count() == 1


def test_nobody_decides_their_own_request(company, newcomer):
    membership = newcomer.memberships.get()

    with pytest.raises(DomainError, match="your own request"):
        services.membership_approve(actor=newcomer, membership=membership)

    membership.refresh_from_db()
    assert membership.status == MembershipStatus.PENDING


def test_a_pending_member_cannot_let_another_in(company, newcomer):
    other = pending_membership(company, "second@example.test")

    with pytest.raises(DomainError, match="Only an operator"):
        services.membership_approve(actor=newcomer, membership=other)


def test_an_officer_cannot_decide(verifier, company, newcomer):
    with pytest.raises(DomainError):
        services.membership_approve(
            actor=verifier, membership=newcomer.memberships.get()
        )


def test_an_admin_consents_in_the_admin_after_checking_the_nib(
    client,
    admin_user,
    company,
    newcomer,
    django_capture_on_commit_callbacks,
    mailoutbox,
):
    membership = newcomer.memberships.get()
    login(client, admin_user)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/companies/membership/",
            {"action": "approve", "_selected_action": [membership.pk]},
            follow=True,
        )

    assert response.status_code == 200
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.ACTIVE
    assert membership.decided_by == admin_user
    event = AuditEvent.objects.get()
    assert event.action == AuditAction.MEMBERSHIP_APPROVED
    assert event.actor_role == "admin"
    assert [m.to for m in mailoutbox] == [[newcomer.email]]


def test_the_admin_action_reports_a_request_already_decided(
    client, admin_user, applicant, company, newcomer
):
    membership = newcomer.memberships.get()
    services.membership_reject(actor=applicant, membership=membership)
    login(client, admin_user)

    response = client.post(
        "/admin/companies/membership/",
        {"action": "approve", "_selected_action": [membership.pk]},
        follow=True,
    )

    assert "already been decided" in response.content.decode()
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.REJECTED


def test_the_admin_refuses_in_the_admin(client, admin_user, company, newcomer):
    membership = newcomer.memberships.get()
    login(client, admin_user)

    client.post(
        "/admin/companies/membership/",
        {"action": "reject", "_selected_action": [membership.pk]},
    )

    membership.refresh_from_db()
    assert membership.status == MembershipStatus.REJECTED
    assert AuditEvent.objects.get().action == AuditAction.MEMBERSHIP_REJECTED
