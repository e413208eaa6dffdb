from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest

from sikejar.accounts.models import User
from sikejar.accounts.services import user_record_signup


class AccountAdapter(DefaultAccountAdapter):
    """Puts every self-service sign-up on the audit record."""

    def save_user(
        self, request: HttpRequest, user: User, form: Any, commit: bool = True
    ) -> User:
        saved: User = super().save_user(request, user, form, commit=commit)
        if commit:
            user_record_signup(user=saved)
        return saved
