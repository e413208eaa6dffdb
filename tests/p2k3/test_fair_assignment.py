"""Conflicts of interest and reassignment: nobody handles a file they should not."""

import pytest
from django.core import mail

from sikejar.accounts.models import Role
from sikejar.integrity.chain import public_entry
from sikejar.integrity.models import AuditAction, AuditEvent
from sikejar.p2k3 import services
from sikejar.p2k3.models import (
    ApplicationStatus,
    ConflictOfInterest,
    ReassignReason,
    Requirement,
)
from tests.conftest import login
from tests.factories import CompanyFactory, OfficerFactory
from tests.p2k3.test_officer_decision import REJECTION
from tests.p2k3.test_officer_queue import days_ago, other_office, submitted_file

pytestmark = pytest.mark.django_db

CONFLICT = "Kakak saya bekerja sebagai manajer HRD di perusahaan ini."


@pytest.fixture
def client(client):
    """Pages in English, whatever the default language, so texts can be asserted."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def events(action: AuditAction) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=action))


# Assignment.


def test_assignment_skips_a_verifier_with_a_conflict_with_the_company(
    client, applicant, draft, verifier, other_verifier
):
    # The other verifier is busier, so only the conflict keeps the file away
    # from the verifier.
    verifier.is_active = False
    verifier.save(update_fields=["is_active"])
    for day in (5, 4):
        submitted_file(at=days_ago(day))
    verifier.is_active = True
    verifier.save(update_fields=["is_active"])
    services.conflict_declare(actor=verifier, company=draft.company, reason=CONFLICT)

    login(client, applicant).post(f"/applications/{draft.pk}/submit/")

    draft.refresh_from_db()
    assert draft.status == ApplicationStatus.IN_VERIFICATION
    assert draft.verifier == other_verifier


def test_without_a_verifier_free_of_conflict_the_draft_is_kept(
    client, applicant, draft, verifier
):
    services.conflict_declare(actor=verifier, company=draft.company, reason=CONFLICT)

    response = login(client, applicant).post(
        f"/applications/{draft.pk}/submit/", follow=True
    )

    draft.refresh_from_db()
    assert draft.status == ApplicationStatus.DRAFT
    assert "The office has no verifier on duty" in response.content.decode()


# Declaring a conflict.


def test_the_page_offers_the_companies_with_files_at_the_office(
    client, verifier, submitted
):
    elsewhere = CompanyFactory(legal_name="CV Tanpa Berkas")

    response = login(client, verifier).get("/applications/conflicts/")

    page = response.content.decode()
    assert response.status_code == 200
    assert f"PT Sawit Makmur Jambi, NIB {submitted.company.nib}" in page
    assert elsewhere.legal_name not in page
    assert "You have declared no conflict of interest." in page


def test_declaring_a_conflict_moves_the_verifiers_file_quietly(
    client, verifier, submitted, other_verifier, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = login(client, verifier).post(
            "/applications/conflicts/",
            {"company": submitted.company.pk, "reason": CONFLICT},
        )

    assert response["Location"] == "/applications/conflicts/"
    conflict = ConflictOfInterest.objects.get()
    assert (conflict.officer, conflict.company) == (verifier, submitted.company)
    submitted.refresh_from_db()
    assert submitted.verifier == other_verifier
    [declared] = events(AuditAction.CONFLICT_DECLARED)
    assert declared.actor == verifier
    assert declared.reason == CONFLICT
    assert declared.data == {"company": submitted.company.pk, "moved": [submitted.pk]}
    [moved] = events(AuditAction.APPLICATION_REASSIGNED)
    assert moved.actor is None
    assert moved.reason == "reassignment"
    assert [m.to for m in mail.outbox] == [[other_verifier.email]]


def test_the_declaration_is_listed_and_the_company_no_longer_offered(
    client, verifier, submitted, other_verifier
):
    login(client, verifier).post(
        "/applications/conflicts/",
        {"company": submitted.company.pk, "reason": CONFLICT},
    )

    page = client.get("/applications/conflicts/").content.decode()

    assert CONFLICT in page
    assert f'<option value="{submitted.company.pk}"' not in page


def test_a_conflict_that_leaves_a_file_without_verifier_is_refused(
    client, verifier, submitted
):
    response = login(client, verifier).post(
        "/applications/conflicts/",
        {"company": submitted.company.pk, "reason": CONFLICT},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "No other verifier of the office can take file" in page
    assert CONFLICT in page
    assert not ConflictOfInterest.objects.exists()
    assert events(AuditAction.CONFLICT_DECLARED) == []


def test_a_conflict_needs_its_reason(client, verifier, submitted, other_verifier):
    response = login(client, verifier).post(
        "/applications/conflicts/", {"company": submitted.company.pk, "reason": ""}
    )

    page = response.content.decode()
    assert "Say what the conflict of interest is." in page
    assert f'<option value="{submitted.company.pk}" selected' in page
    assert not ConflictOfInterest.objects.exists()


def test_a_company_without_files_at_the_office_cannot_be_chosen(
    client, verifier, submitted
):
    elsewhere = CompanyFactory()

    response = login(client, verifier).post(
        "/applications/conflicts/", {"company": elsewhere.pk, "reason": CONFLICT}
    )

    assert response.status_code == 200
    assert not ConflictOfInterest.objects.exists()


def test_the_public_log_withholds_conflicts_and_reassignments(
    client, verifier, submitted, other_verifier
):
    login(client, verifier).post(
        "/applications/conflicts/",
        {"company": submitted.company.pk, "reason": CONFLICT},
    )

    exported = client.get("/log/events.json").json()["events"]

    withheld = [e for e in exported if e["action"] == "withheld"]
    assert len(withheld) == 2
    assert CONFLICT not in str(exported)


# The head of office reassigns.


def test_the_file_page_offers_the_head_to_reassign(client, head, submitted):
    page = login(client, head).get(f"/applications/{submitted.pk}/").content.decode()

    assert f'href="/applications/{submitted.pk}/reassign/"' in page


def test_the_head_moves_the_file_of_a_verifier_on_leave(
    client,
    head,
    verifier,
    submitted,
    other_verifier,
    django_capture_on_commit_callbacks,
):
    queued_at = submitted.queued_at
    form = login(client, head).get(f"/applications/{submitted.pk}/reassign/")
    assert "The verifier is on leave" in form.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/applications/{submitted.pk}/reassign/", {"reason": "leave"}
        )

    assert response["Location"] == f"/applications/{submitted.pk}/"
    submitted.refresh_from_db()
    assert submitted.verifier == other_verifier
    assert submitted.queued_at == queued_at
    [event] = events(AuditAction.APPLICATION_REASSIGNED)
    assert event.actor == head
    assert event.reason == "reassignment"
    assert event.data == {
        "verifier": other_verifier.pk,
        "previous": verifier.pk,
        "cause": ReassignReason.LEAVE,
    }
    assert [m.to for m in mail.outbox] == [[other_verifier.email]]
    assert "leave" not in public_entry(event).values()


def test_the_moved_file_leaves_one_queue_for_the_other(
    client, head, verifier, submitted, other_verifier
):
    login(client, head).post(
        f"/applications/{submitted.pk}/reassign/", {"reason": "conflict"}, follow=True
    )

    old = login(client, verifier).get("/applications/queue/").content.decode()
    new = login(client, other_verifier).get("/applications/queue/").content.decode()
    assert submitted.tracking_number not in old
    assert submitted.tracking_number in new


def test_reassignment_never_picks_a_verifier_with_a_conflict(
    client, head, verifier, submitted, other_verifier
):
    third = OfficerFactory(office=verifier.office, role=Role.VERIFIER)
    ConflictOfInterest.objects.create(
        officer=other_verifier,
        company=submitted.company,
        reason=CONFLICT,
        declared_at=submitted.queued_at,
    )

    login(client, head).post(
        f"/applications/{submitted.pk}/reassign/", {"reason": "leave"}
    )

    submitted.refresh_from_db()
    assert submitted.verifier == third


def test_reassignment_needs_a_reason(client, head, submitted, other_verifier):
    response = login(client, head).post(
        f"/applications/{submitted.pk}/reassign/", {"reason": ""}
    )

    assert "Choose why the file moves." in response.content.decode()
    assert events(AuditAction.APPLICATION_REASSIGNED) == []


def test_the_head_cannot_give_an_integrity_report_as_reason(
    client, head, submitted, other_verifier
):
    response = login(client, head).post(
        f"/applications/{submitted.pk}/reassign/", {"reason": "integrity_report"}
    )

    assert response.status_code == 200
    assert events(AuditAction.APPLICATION_REASSIGNED) == []


def test_reassignment_without_another_verifier_is_refused(
    client, head, verifier, submitted
):
    response = login(client, head).post(
        f"/applications/{submitted.pk}/reassign/", {"reason": "leave"}
    )

    assert "No other verifier of the office can take file" in response.content.decode()
    submitted.refresh_from_db()
    assert submitted.verifier == verifier


def test_a_decided_file_stays_with_its_verifier(
    client, head, verifier, recommended, other_verifier
):
    services.application_decide(
        actor=head,
        application=recommended,
        approve=False,
        reasons="Tidak lengkap.",
        citations=[
            services.CitationData(Requirement.objects.get(code="expert-skp"), "Lama.")
        ],
    )

    response = login(client, head).get(f"/applications/{recommended.pk}/reassign/")

    assert response["Location"] == f"/applications/{recommended.pk}/"
    recommended.refresh_from_db()
    assert recommended.verifier == verifier


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("verifier", 403),
        ("other_verifier", 403),
        ("inspectorate", 403),
        ("applicant", 403),
        ("other_applicant", 404),
        ("stranger", 404),
    ],
)
def test_only_the_head_of_the_office_reassigns(
    client, request, submitted, other_verifier, persona, status
):
    stranger = OfficerFactory(office=other_office(), role=Role.HEAD)
    user = stranger if persona == "stranger" else request.getfixturevalue(persona)

    response = login(client, user).post(
        f"/applications/{submitted.pk}/reassign/", {"reason": "leave"}
    )

    assert response.status_code == status
    assert events(AuditAction.APPLICATION_REASSIGNED) == []


@pytest.mark.parametrize(
    ("persona", "status"),
    [("inspectorate", 403), ("applicant", 403), ("admin_user", 403)],
)
def test_only_verifiers_and_heads_declare_conflicts(
    client, request, submitted, persona, status
):
    user = request.getfixturevalue(persona)

    response = login(client, user).post(
        "/applications/conflicts/",
        {"company": submitted.company.pk, "reason": CONFLICT},
    )

    assert response.status_code == status
    assert not ConflictOfInterest.objects.exists()


# A head with a conflict.


def test_a_head_with_a_conflict_cannot_decide_the_companys_file(
    client, head, recommended
):
    login(client, head).post(
        "/applications/conflicts/",
        {"company": recommended.company.pk, "reason": CONFLICT},
    )

    response = client.post(f"/applications/{recommended.pk}/reject/", REJECTION)

    shown = [str(message) for message in response.context["messages"]]
    assert "another head of office must decide" in shown[-1]
    recommended.refresh_from_db()
    assert recommended.status == ApplicationStatus.RECOMMENDED
    assert events(AuditAction.APPLICATION_REJECTED) == []


def test_a_head_declaring_a_conflict_moves_no_file(client, head, verifier, recommended):
    login(client, head).post(
        "/applications/conflicts/",
        {"company": recommended.company.pk, "reason": CONFLICT},
    )

    recommended.refresh_from_db()
    assert recommended.verifier == verifier
    assert ConflictOfInterest.objects.get().officer == head
