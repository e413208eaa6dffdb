"""Sign-up with e-mail verification, sign-in and password reset, on our pages."""

import re

import pytest
from allauth.account.models import EmailAddress

from sikejar.accounts.models import Role, User
from sikejar.integrity.models import AuditAction, AuditEvent
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "kopi tubruk di pagi hari"


def _link(message) -> str:
    found = re.search(r"https?://[^/\s]+(/\S+)", message.body)
    assert found is not None, message.body
    return found.group(1)


def _sign_up(client):
    return client.post(
        "/accounts/signup/",
        {
            "email": "operator@sawit.test",
            "full_name": "Rina Marlina",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
        },
    )


def test_sign_up_verifies_the_address_before_sign_in(client, mailoutbox):
    response = _sign_up(client)

    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    user = User.objects.get(email="operator@sawit.test")
    assert user.full_name == "Rina Marlina"
    assert user.role == Role.COMPANY
    assert user.office is None
    assert not user.is_staff
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["operator@sawit.test"]
    assert AuditEvent.objects.filter(
        action=AuditAction.USER_SIGNED_UP, actor=user
    ).exists()

    confirm_url = _link(mailoutbox[0])
    assert client.get(confirm_url).status_code == 200
    client.post(confirm_url)
    assert EmailAddress.objects.get(user=user).verified

    client.logout()
    response = client.post(
        "/accounts/login/",
        {"login": "operator@sawit.test", "password": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert client.get("/companies/").status_code == 200


def test_an_unverified_user_cannot_sign_in(client, mailoutbox):
    _sign_up(client)
    client.logout()

    response = client.post(
        "/accounts/login/",
        {"login": "operator@sawit.test", "password": NEW_PASSWORD},
    )

    assert response["Location"] == "/accounts/confirm-email/"
    assert client.get("/companies/").status_code == 302


def test_the_sign_up_page_is_ours_and_labels_every_field(client):
    page = client.get("/accounts/signup/").content.decode()

    assert "Skip to content" in page
    assert "Rp 0" in page
    for name in ("email", "full_name", "password1", "password2"):
        assert f'<label class="form-label" for="id_{name}">' in page
        assert f'id="id_{name}"' in page
    assert 'class="form-control' in page


def test_a_failed_sign_up_keeps_what_was_typed_but_not_the_password(client):
    response = client.post(
        "/accounts/signup/",
        {
            "email": "operator@sawit.test",
            "full_name": "Rina Marlina",
            "password1": NEW_PASSWORD,
            "password2": "something else entirely",
        },
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert 'value="Rina Marlina"' in page
    assert 'value="operator@sawit.test"' in page
    assert NEW_PASSWORD not in page
    assert 'aria-invalid="true"' in page
    assert not User.objects.exists()


def test_a_wrong_password_is_said_on_the_page(client):
    UserFactory(email="operator@sawit.test")

    response = client.post(
        "/accounts/login/", {"login": "operator@sawit.test", "password": "salah"}
    )

    assert response.status_code == 200
    assert 'class="alert alert-danger"' in response.content.decode()


def test_a_forgotten_password_is_reset_by_e_mail(client, mailoutbox):
    UserFactory(email="operator@sawit.test")

    client.post("/accounts/password/reset/", {"email": "operator@sawit.test"})

    assert len(mailoutbox) == 1
    response = client.get(_link(mailoutbox[0]), follow=True)
    form_url = response.redirect_chain[-1][0]
    response = client.post(
        form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )
    assert response.status_code == 302
    user = User.objects.get(email="operator@sawit.test")
    assert user.check_password(NEW_PASSWORD)
    assert not user.check_password(PASSWORD)


def test_the_account_pages_share_one_menu(client):
    client.force_login(UserFactory())

    page = client.get("/accounts/password/change/").content.decode()

    assert 'aria-label="Account settings"' in page
    assert 'aria-current="page" href="/accounts/password/change/"' in page
    assert "/accounts/2fa/" in page


def test_the_two_factor_pages_render_in_our_layout(client):
    client.force_login(UserFactory())

    page = client.get("/accounts/2fa/").content.decode()

    assert "Skip to content" in page
