"""Registering a company and asking to join one."""

import pytest

from sikejar.accounts.models import Regency, Role
from sikejar.companies import services
from sikejar.companies.models import Company, Membership, MembershipStatus
from sikejar.core.errors import DomainError
from sikejar.integrity.models import AuditAction, AuditEvent
from tests.companies.conftest import company_form
from tests.conftest import login
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def operator(db):
    """A freshly signed-up company user who acts for no company yet."""
    return UserFactory(email="operator@example.test")


def test_it_registers_a_company_and_waits_for_an_admin(
    client, operator, admin_user, django_capture_on_commit_callbacks, mailoutbox
):
    login(client, operator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/companies/new/", company_form())

    assert response.status_code == 302
    assert response["Location"] == "/companies/"
    company = Company.objects.get(nib="8120000123456")
    assert company.npwp == "013000666091000"
    assert company.kbli_codes == ["01262", "22191"]
    assert company.regency.code == "15.04"
    membership = Membership.objects.get(company=company)
    assert membership.user == operator
    assert membership.status == MembershipStatus.PENDING
    actions = list(AuditEvent.objects.values_list("action", flat=True))
    assert actions == [
        AuditAction.COMPANY_REGISTERED,
        AuditAction.MEMBERSHIP_REQUESTED,
    ]
    assert [m.to for m in mailoutbox] == [[admin_user.email]]


def test_the_list_shows_the_request_waiting_for_consent(client, operator):
    login(client, operator)
    client.post("/companies/new/", company_form())

    response = client.get("/companies/")

    assert "PT Karet Batanghari" in response.content.decode()
    assert response.context["pending"][0].company.nib == "8120000123456"
    assert response.context["active"] == []


def test_a_pending_registrant_cannot_open_the_company(client, operator):
    login(client, operator)
    client.post("/companies/new/", company_form())
    company = Company.objects.get()

    assert client.get(f"/companies/{company.pk}/").status_code == 404


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("nib", "12345", "The NIB has exactly 13 digits."),
        ("nib", "81200001234AB", "The NIB has exactly 13 digits."),
        ("npwp", "0130006660910", "The NPWP has 15 or 16 digits."),
        ("npwp", "013000667091000", "This NPWP is not valid: check its digits."),
        ("npwp", "01300066A091000", "may only contain digits"),
        ("kbli_codes", "01262, 4620", "“4620” is not a KBLI code"),
        ("kbli_codes", " , ", "Give at least one KBLI code."),
        ("workers_foreign", "200", "cannot outnumber them"),
    ],
)
def test_it_explains_what_is_wrong_and_keeps_what_was_typed(
    client, operator, field, value, message
):
    login(client, operator)

    response = client.post("/companies/new/", company_form(**{field: value}))

    assert response.status_code == 200
    form = response.context["form"]
    assert any(message in error for error in form.errors[field])
    page = response.content.decode()
    assert 'value="PT Karet Batanghari"' in page
    assert 'aria-invalid="true"' in page
    assert not Company.objects.exists()
    assert not AuditEvent.objects.exists()


def test_it_accepts_a_sixteen_digit_npwp(client, operator):
    login(client, operator)

    client.post("/companies/new/", company_form(npwp="0013000666091000"))

    assert Company.objects.get().npwp == "0013000666091000"


def test_it_refuses_a_nib_already_registered(client, operator, company):
    login(client, operator)

    response = client.post("/companies/new/", company_form(nib=company.nib))

    assert "Ask its operators to let you join it." in response.content.decode()
    assert Company.objects.count() == 1


def test_the_service_refuses_officers(verifier):
    form_data = services.CompanyData(
        legal_name="PT Coba",
        legal_form="pt",
        nib="8120000123456",
        npwp="013000666091000",
        address="Jambi",
        regency=Regency.objects.get(code="15.71"),
        kbli_codes=["01262"],
        risk_level="rendah",
        workers_male=1,
        workers_female=1,
        workers_foreign=0,
        leader_name="A",
        leader_title="B",
    )

    with pytest.raises(DomainError):
        services.company_register(actor=verifier, data=form_data)
    assert not Company.objects.exists()


def test_it_sends_a_join_request_to_the_operators(
    client, operator, company, applicant, django_capture_on_commit_callbacks, mailoutbox
):
    login(client, operator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/companies/join/", {"nib": company.nib})

    assert response.status_code == 302
    membership = Membership.objects.get(user=operator)
    assert membership.company == company
    assert membership.status == MembershipStatus.PENDING
    event = AuditEvent.objects.get()
    assert event.action == AuditAction.MEMBERSHIP_REQUESTED
    assert event.new_state == MembershipStatus.PENDING
    assert [m.to for m in mailoutbox] == [[applicant.email]]
    assert f"/companies/{company.pk}/" in mailoutbox[0].body


def test_it_says_when_no_company_has_the_nib(client, operator):
    login(client, operator)

    response = client.post("/companies/join/", {"nib": "9999999999999"})

    assert "No company is registered with this NIB" in response.content.decode()
    assert not Membership.objects.exists()


def test_it_refuses_a_second_request_for_the_same_company(client, operator, company):
    login(client, operator)
    client.post("/companies/join/", {"nib": company.nib})

    response = client.post("/companies/join/", {"nib": company.nib})

    assert "already asked to join" in response.content.decode()
    assert Membership.objects.filter(user=operator).count() == 1
    assert AuditEvent.objects.count() == 1


def test_an_operator_cannot_join_their_own_company_again(client, applicant, company):
    login(client, applicant)

    response = client.post("/companies/join/", {"nib": company.nib})

    assert "You already act for this company." in response.content.decode()
    assert not AuditEvent.objects.exists()


def test_a_refused_user_may_ask_again(client, operator, company, applicant):
    login(client, operator)
    client.post("/companies/join/", {"nib": company.nib})
    membership = Membership.objects.get(user=operator)
    services.membership_reject(actor=applicant, membership=membership)

    client.post("/companies/join/", {"nib": company.nib})

    membership.refresh_from_db()
    assert membership.status == MembershipStatus.PENDING
    assert membership.decided_by is None
    event = AuditEvent.objects.order_by("seq").reverse()[0]
    assert (event.old_state, event.new_state) == ("rejected", "pending")


def test_a_new_user_is_a_company_operator(operator):
    assert operator.role == Role.COMPANY
