"""The company page, its profile and the SKP warnings."""

from datetime import timedelta

import pytest
from django.utils import timezone

from sikejar.integrity.models import AuditAction, AuditEvent
from tests.companies.conftest import company_form
from tests.conftest import login
from tests.factories import CompanyFactory, MembershipFactory, SafetyExpertFactory

pytestmark = pytest.mark.django_db


def _expert_expiring_in(company, days, name):
    today = timezone.localdate()
    return SafetyExpertFactory(
        company=company,
        full_name=name,
        skp_issued_on=today - timedelta(days=1000),
        skp_expires_on=today + timedelta(days=days),
    )


def test_the_page_warns_90_and_30_days_before_an_skp_expires(
    client, applicant, company
):
    _expert_expiring_in(company, 400, "Ahli Aman")
    _expert_expiring_in(company, 80, "Ahli Sembilan Puluh")
    _expert_expiring_in(company, 20, "Ahli Tiga Puluh")
    _expert_expiring_in(company, -1, "Ahli Kedaluwarsa")
    login(client, applicant)

    response = client.get(f"/companies/{company.pk}/")

    standings = {s.expert.full_name: s for s in response.context["standings"]}
    assert standings["Ahli Aman"].warning_days is None
    assert standings["Ahli Sembilan Puluh"].warning_days == 90
    assert standings["Ahli Tiga Puluh"].warning_days == 30
    assert standings["Ahli Kedaluwarsa"].skp_expired
    page = response.content.decode()
    assert "SKP expires in 80 days" in page
    assert "The SKP expires within 90 days" in page
    assert "The SKP expires within 30 days" in page
    assert "SKP expired" in page


def test_the_warning_windows_are_a_setting(client, applicant, company, settings):
    settings.SIKEJAR_SKP_WARNING_DAYS = [60]
    _expert_expiring_in(company, 80, "Ahli Delapan Puluh")
    login(client, applicant)

    response = client.get(f"/companies/{company.pk}/")

    assert response.context["standings"][0].warning_days is None


def test_the_page_offers_to_start_an_application(client, applicant, company):
    login(client, applicant)

    page = client.get(f"/companies/{company.pk}/").content.decode()

    assert f'action="/applications/new/{company.pk}/" method="post"' in page


def test_the_list_page_costs_a_fixed_number_of_queries(
    client, applicant, django_assert_max_num_queries
):
    for _ in range(5):
        MembershipFactory(user=applicant, company=CompanyFactory())
    login(client, applicant)

    with django_assert_max_num_queries(3):
        response = client.get("/companies/")

    assert len(response.context["active"]) == 6


def test_the_company_page_costs_a_fixed_number_of_queries(
    client, applicant, company, django_assert_max_num_queries
):
    for index in range(5):
        _expert_expiring_in(company, 100 + index, f"Ahli {index}")
        MembershipFactory(company=company)
    login(client, applicant)

    with django_assert_max_num_queries(7):
        client.get(f"/companies/{company.pk}/")


def test_an_operator_edits_the_profile(client, applicant, company):
    login(client, applicant)
    data = company_form(
        legal_name=company.legal_name,
        nib=company.nib,
        npwp=company.npwp,
        workers_male=150,
    )

    response = client.post(f"/companies/{company.pk}/edit/", data)

    assert response.status_code == 302
    company.refresh_from_db()
    assert company.workers_male == 150
    assert company.regency.code == "15.04"
    event = AuditEvent.objects.get()
    assert event.action == AuditAction.COMPANY_UPDATED
    assert event.data["changed"]["workers_male"] == [120, 150]
    assert event.data["changed"]["regency"] == ["15.05", "15.04"]


def test_an_npwp_change_is_audited_without_the_number(client, applicant, company):
    login(client, applicant)
    data = company_form(
        legal_name=company.legal_name, nib=company.nib, npwp="0013000666091000"
    )

    client.post(f"/companies/{company.pk}/edit/", data)

    changed = AuditEvent.objects.get().data["changed"]
    assert changed["npwp"] is None


def test_the_edit_form_shows_the_current_kbli_codes(client, applicant, company):
    login(client, applicant)

    page = client.get(f"/companies/{company.pk}/edit/").content.decode()

    assert 'value="01262"' in page


def test_an_invalid_edit_changes_nothing(client, applicant, company):
    login(client, applicant)

    response = client.post(
        f"/companies/{company.pk}/edit/",
        company_form(legal_name="Nama Baru", nib="123"),
    )

    assert response.status_code == 200
    company.refresh_from_db()
    assert company.legal_name == "PT Sawit Makmur Jambi"
    assert not AuditEvent.objects.exists()


def test_the_page_warns_when_the_skp_names_another_company(client, applicant, company):
    SafetyExpertFactory(company=company, skp_company_name="CV Lain Sekali")
    login(client, applicant)

    page = client.get(f"/companies/{company.pk}/").content.decode()

    assert "The SKP names another company" in page
