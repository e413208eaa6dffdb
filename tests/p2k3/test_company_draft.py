"""The company starts a draft, fills in its letter and committee, and checks it."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from sikejar.integrity.models import AuditAction, AuditEvent
from sikejar.p2k3 import services
from sikejar.p2k3.models import Application, ApplicationStatus, CommitteeMember
from tests.conftest import login
from tests.factories import CompanyFactory, SafetyExpertFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(client):
    """Pages in English, whatever the default language, so texts can be asserted."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def new_draft(applicant, company, office):
    return services.application_create(actor=applicant, company=company)


def member(name, role, element, position, expert=""):
    return {
        "full_name": name,
        "role": role,
        "element": element,
        "position": position,
        "expert": expert,
    }


def full_committee(expert):
    return [
        member("Budi Santoso", "ketua", "employer", "Direktur"),
        member("Siti Rahmawati", "sekretaris", "employer", "HSE", expert.pk),
        member("Rina", "anggota", "worker", "Operator"),
    ]


def draft_data(members, number="001/HRD/XI/2026", day="2026-01-10", blank_rows=0):
    """What the edit form posts: the letter and the committee formset."""
    rows = [*members, *([member("", "", "", "")] * blank_rows)]
    data = {
        "request_letter_number": number,
        "request_letter_date": day,
        "members-TOTAL_FORMS": str(len(rows)),
        "members-INITIAL_FORMS": "0",
        "members-MIN_NUM_FORMS": "0",
        "members-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        for name, value in row.items():
            data[f"members-{index}-{name}"] = value
    return data


# Starting a draft.


def test_an_operator_starts_a_draft_and_lands_on_its_form(
    client, applicant, company, office
):
    response = login(client, applicant).post(f"/applications/new/{company.pk}/")

    application = Application.objects.get(company=company)
    assert response.status_code == 302
    assert response["Location"] == f"/applications/{application.pk}/edit/"
    assert application.status == ApplicationStatus.DRAFT
    assert application.rule_version.is_default
    assert AuditEvent.objects.filter(action=AuditAction.APPLICATION_CREATED).exists()


def test_no_draft_starts_where_no_office_serves_the_company(client, applicant, company):
    response = login(client, applicant).post(
        f"/applications/new/{company.pk}/", follow=True
    )

    assert "No labour office serves this company" in response.text
    assert not Application.objects.exists()


def test_starting_a_draft_takes_a_post(client, applicant, company):
    response = login(client, applicant).get(f"/applications/new/{company.pk}/")

    assert response.status_code == 405


def test_an_officer_cannot_start_a_draft(client, verifier, company):
    response = login(client, verifier).post(f"/applications/new/{company.pk}/")

    assert response.status_code == 403
    assert not Application.objects.exists()


def test_an_operator_cannot_start_a_draft_for_another_company(
    client, other_applicant, company
):
    response = login(client, other_applicant).post(f"/applications/new/{company.pk}/")

    assert response.status_code == 404
    assert not Application.objects.exists()


def test_the_public_is_sent_to_sign_in(client, company):
    response = client.post(f"/applications/new/{company.pk}/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


# Editing the draft.


def test_the_edit_page_shows_the_rule_version_and_blank_rows(
    client, applicant, new_draft
):
    response = login(client, applicant).get(f"/applications/{new_draft.pk}/edit/")

    assert response.status_code == 200
    assert "Permenaker No. 13 Tahun 2025" in response.text
    assert 'name="members-2-full_name"' in response.text
    assert "Add a member" in response.text
    assert "__prefix__" in response.text  # The empty row the script clones.


def test_it_saves_a_draft_with_its_committee(client, applicant, new_draft, expert):
    data = draft_data(full_committee(expert), blank_rows=3)

    response = login(client, applicant).post(
        f"/applications/{new_draft.pk}/edit/", data, follow=True
    )

    new_draft.refresh_from_db()
    members = list(new_draft.members.all())
    assert response.redirect_chain[-1][0] == f"/applications/{new_draft.pk}/edit/"
    assert "Draft saved." in response.text
    assert new_draft.request_letter_number == "001/HRD/XI/2026"
    assert str(new_draft.request_letter_date) == "2026-01-10"
    assert [m.full_name for m in members] == ["Budi Santoso", "Siti Rahmawati", "Rina"]
    assert members[1].expert == expert
    assert members[0].expert is None
    assert AuditEvent.objects.filter(action=AuditAction.APPLICATION_UPDATED).exists()


def test_a_half_done_draft_is_resumed_from_another_device(applicant, new_draft):
    first, second = Client(), Client(headers={"accept-language": "en"})
    data = draft_data([member("Budi Santoso", "ketua", "employer", "Direktur")], "")
    login(first, applicant).post(f"/applications/{new_draft.pk}/edit/", data)

    response = login(second, applicant).get(f"/applications/{new_draft.pk}/edit/")

    assert 'value="Budi Santoso"' in response.text
    assert "The committee needs exactly one secretary" in response.text


def test_an_incomplete_member_keeps_everything_typed(
    client, applicant, new_draft, expert
):
    rows = [*full_committee(expert), member("Joko Widodo", "anggota", "", "Mandor")]

    response = login(client, applicant).post(
        f"/applications/{new_draft.pk}/edit/", draft_data(rows, "002/HRD")
    )

    assert response.status_code == 200
    assert "This field is required." in response.text
    assert 'value="Joko Widodo"' in response.text
    assert 'value="Mandor"' in response.text
    assert 'value="002/HRD"' in response.text
    assert not CommitteeMember.objects.exists()


def test_a_wrong_date_keeps_the_committee_typed(client, applicant, new_draft, expert):
    data = draft_data(full_committee(expert), day="31-31-2026")

    response = login(client, applicant).post(
        f"/applications/{new_draft.pk}/edit/", data
    )

    assert response.status_code == 200
    assert "Enter a valid date." in response.text
    assert 'value="Budi Santoso"' in response.text
    assert 'value="31-31-2026"' in response.text
    assert not CommitteeMember.objects.exists()


def test_an_expert_of_another_company_cannot_be_linked(
    client, applicant, new_draft, expert
):
    stranger = SafetyExpertFactory(company=CompanyFactory())
    rows = [member("Siti", "sekretaris", "employer", "HSE", stranger.pk)]

    response = login(client, applicant).post(
        f"/applications/{new_draft.pk}/edit/", draft_data(rows)
    )

    assert response.status_code == 200
    assert "Select a valid choice." in response.text
    assert not CommitteeMember.objects.exists()


def test_removing_a_row_removes_the_member(client, applicant, draft):
    data = draft_data(
        [
            member(m.full_name, m.role, m.element, m.position, m.expert_id or "")
            for m in draft.members.all()
        ]
    )
    data["members-5-DELETE"] = "on"
    data["members-4-full_name"] = data["members-4-position"] = ""
    data["members-4-role"] = data["members-4-element"] = ""

    login(client, applicant).post(f"/applications/{draft.pk}/edit/", data)

    assert draft.members.count() == 4


def test_a_submitted_file_can_no_longer_be_edited(client, applicant, submitted):
    response = login(client, applicant).get(
        f"/applications/{submitted.pk}/edit/", follow=True
    )

    assert response.redirect_chain[-1][0] == f"/applications/{submitted.pk}/"
    assert "This application can no longer be edited." in response.text


def test_a_returned_file_is_edited_on_the_same_page(client, applicant, submitted):
    services.application_return(
        actor=submitted.verifier,
        application=submitted,
        citations=[
            services.CitationData(
                submitted.documents.first().requirement, "Tanda tangan kurang."
            )
        ],
    )

    response = login(client, applicant).get(f"/applications/{submitted.pk}/edit/")

    assert response.status_code == 200
    assert "Tanda tangan kurang." in response.text
    assert "Submit again" in response.text


@pytest.mark.parametrize("method", ["get", "post"])
def test_an_officer_may_see_but_not_edit_a_file(client, verifier, submitted, method):
    response = getattr(login(client, verifier), method)(
        f"/applications/{submitted.pk}/edit/"
    )

    assert response.status_code == 403


def test_an_officer_does_not_see_a_draft_before_it_is_submitted(
    client, verifier, draft
):
    response = login(client, verifier).get(f"/applications/{draft.pk}/edit/")

    assert response.status_code == 404


def test_another_company_cannot_see_the_draft(client, other_applicant, draft):
    response = login(client, other_applicant).get(f"/applications/{draft.pk}/edit/")

    assert response.status_code == 404


# The live check.


def test_the_live_check_names_a_missing_chair_without_saving(
    client, applicant, new_draft, expert
):
    rows = [member("Siti", "sekretaris", "employer", "HSE", expert.pk)]

    response = login(client, applicant).post(
        f"/applications/{new_draft.pk}/check/",
        draft_data(rows),
        headers={"hx-request": "true"},
    )

    assert response.status_code == 200
    assert "<html" not in response.text
    assert "The committee needs exactly one chair (Ketua)." in response.text
    assert "both the employer and the worker" in response.text
    assert "Mandatory committee." in response.text
    assert "160 workers" in response.text
    assert not CommitteeMember.objects.exists()


def test_the_live_check_warns_that_the_committee_is_small(
    client, applicant, new_draft, expert
):
    response = login(client, applicant).post(
        f"/applications/{new_draft.pk}/check/", draft_data(full_committee(expert))
    )

    assert "No errors in the committee." in response.text
    assert "usually has at least 12 members" in response.text
    assert "this committee has 3" in response.text


def test_the_live_check_says_when_a_committee_is_voluntary(
    client, applicant, new_draft, company, expert
):
    company.workers_male, company.workers_female = 10, 5
    company.risk_level = "rendah"
    company.save()

    response = login(client, applicant).post(
        f"/applications/{new_draft.pk}/check/", draft_data(full_committee(expert))
    )

    assert "Voluntary committee." in response.text
    assert "usually has at least" not in response.text


def test_the_live_check_names_incomplete_rows_and_a_lapsed_skp(
    client, applicant, new_draft, expert
):
    expert.skp_issued_on = timezone.localdate() - timedelta(days=1000)
    expert.skp_expires_on = timezone.localdate() - timedelta(days=10)
    expert.save()
    rows = [*full_committee(expert), member("Joko", "anggota", "", "")]

    response = login(client, applicant).post(
        f"/applications/{new_draft.pk}/check/", draft_data(rows)
    )

    assert "Member 4" in response.text
    assert "is not valid on" in response.text


def test_the_live_check_is_for_the_company_only(client, verifier, submitted):
    response = login(client, verifier).post(f"/applications/{submitted.pk}/check/")

    assert response.status_code == 403


def test_the_live_check_hides_other_companies_files(client, other_applicant, new_draft):
    response = login(client, other_applicant).post(
        f"/applications/{new_draft.pk}/check/"
    )

    assert response.status_code == 404
