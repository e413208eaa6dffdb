"""The Django admin: every list opens, and the record stays untouchable."""

import pytest
from django.contrib import admin
from django.urls import reverse

from sikejar.accounts.models import Office, Role, User
from sikejar.companies import services
from sikejar.integrity.models import AuditAction, AuditChainHead, AuditEvent
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(recommended, expert):
    """Some of everything: a file with its committee, documents and reviews."""
    membership = MembershipFactory(company=expert.company, status="pending")
    services.membership_approve(actor=recommended.created_by, membership=membership)
    return recommended


def test_an_admin_opens_every_list_and_every_record(client, admin_user, records):
    client.force_login(admin_user)

    for model in admin.site._registry:
        meta = model._meta
        changelist = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
        assert client.get(changelist).status_code == 200, changelist
        obj = model._default_manager.first()
        if obj is not None:
            change = reverse(
                f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk]
            )
            assert client.get(change).status_code == 200, change


def test_an_audit_event_cannot_be_changed_or_deleted(client, admin_user, records):
    client.force_login(admin_user)
    event = AuditEvent.objects.order_by("seq")[0]
    before = (event.action, event.hash)
    change = f"/admin/integrity/auditevent/{event.pk}/change/"

    page = client.get(change).content.decode()
    assert 'name="_save"' not in page
    assert client.post(change, {"reason": "edited"}).status_code == 403
    assert (
        client.get(f"/admin/integrity/auditevent/{event.pk}/delete/").status_code == 403
    )
    assert (
        client.post(
            f"/admin/integrity/auditevent/{event.pk}/delete/", {"post": "yes"}
        ).status_code
        == 403
    )
    assert client.get("/admin/integrity/auditevent/add/").status_code == 403
    response = client.post(
        "/admin/integrity/auditevent/",
        {"action": "delete_selected", "_selected_action": [event.pk], "post": "yes"},
    )
    assert response.status_code in (200, 302)

    event.refresh_from_db()
    assert (event.action, event.hash) == before
    assert AuditEvent.objects.count() == AuditChainHead.objects.get().seq


def test_the_chain_head_cannot_be_changed(client, admin_user, records):
    client.force_login(admin_user)

    assert (
        client.post("/admin/integrity/auditchainhead/1/change/", {"seq": 0}).status_code
        == 403
    )
    assert client.get("/admin/integrity/auditchainhead/1/delete/").status_code == 403


@pytest.mark.parametrize(
    "model",
    ["application", "committeemember", "applicationdocument", "review", "message"],
)
def test_application_records_are_read_only(client, admin_user, records, model):
    client.force_login(admin_user)

    assert client.get(f"/admin/p2k3/{model}/add/").status_code == 403


def test_the_checklist_is_editable(client, admin_user):
    client.force_login(admin_user)

    assert client.get("/admin/p2k3/requirement/add/").status_code == 200
    assert client.get("/admin/p2k3/ruleversion/add/").status_code == 200


def test_an_admin_creates_a_verifier_with_an_office(client, admin_user, office):
    client.force_login(admin_user)

    response = client.post(
        "/admin/accounts/user/add/",
        {
            "email": "verifikator@jambiprov.test",
            "full_name": "Ahmad Fauzi",
            "role": Role.VERIFIER,
            "office": office.pk,
            "nip": "198001012005011001",
            "language": "id",
            "usable_password": "true",
            "password1": "kopi tubruk di pagi hari",
            "password2": "kopi tubruk di pagi hari",
        },
    )

    assert response.status_code == 302
    user = User.objects.get(email="verifikator@jambiprov.test")
    assert (user.role, user.office) == (Role.VERIFIER, office)
    assert user.nip == "198001012005011001"
    event = AuditEvent.objects.get(action=AuditAction.USER_CREATED, object_id=user.pk)
    assert (event.actor, event.new_state) == (admin_user, Role.VERIFIER)


def test_a_role_change_in_the_admin_is_on_the_record(client, admin_user, office):
    user = UserFactory(email="calon@jambiprov.test")
    client.force_login(admin_user)
    page = client.get(f"/admin/accounts/user/{user.pk}/change/")
    data = {
        **{
            k: v
            for k, v in page.context["adminform"].form.initial.items()
            if v is not None
        },
        "email": user.email,
        "full_name": user.full_name,
        "role": Role.VERIFIER,
        "office": office.pk,
        "language": "id",
        "is_active": "on",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "08:00:00",
    }
    data.pop("groups", None)
    data.pop("user_permissions", None)
    data.pop("last_login", None)

    response = client.post(f"/admin/accounts/user/{user.pk}/change/", data)

    assert response.status_code == 302, response.content.decode()[:2000]
    event = AuditEvent.objects.get(action=AuditAction.USER_UPDATED)
    assert (event.old_state, event.new_state) == (Role.COMPANY, Role.VERIFIER)
    assert "role" in event.data["changed"]
    assert event.actor == admin_user


def test_an_officer_without_an_office_is_refused_with_a_message(client, admin_user):
    client.force_login(admin_user)

    response = client.post(
        "/admin/accounts/user/add/",
        {
            "email": "kepala@jambiprov.test",
            "full_name": "Kepala",
            "role": Role.HEAD,
            "language": "id",
            "usable_password": "false",
        },
    )

    assert response.status_code == 200
    assert "need an office" in response.content.decode()
    assert not User.objects.filter(email="kepala@jambiprov.test").exists()


def test_an_admin_assigns_regencies_to_an_office(client, admin_user, office):
    client.force_login(admin_user)

    page = client.get(f"/admin/accounts/office/{office.pk}/change/").content.decode()

    assert "Kota Jambi" in page


def test_only_staff_enter_the_admin(client):
    client.force_login(UserFactory())

    response = client.get("/admin/")

    assert response.status_code == 302
    assert not Office.objects.exists()
