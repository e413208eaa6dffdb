from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.http import HttpRequest, HttpResponse

from sikejar.accounts.models import User
from sikejar.accounts.services import user_record_signup


class AccountAdapter(DefaultAccountAdapter):
    """Audits sign-ups, and brings a user's language to each device they sign in on."""

    def save_user(
        self, request: HttpRequest, user: User, form: Any, commit: bool = True
    ) -> User:
        saved: User = super().save_user(request, user, form, commit=commit)
        if commit:
            user_record_signup(user=saved)
        return saved

    def post_login(
        self, request: HttpRequest, user: User, **kwargs: Any
    ) -> HttpResponse:
        response: HttpResponse = super().post_login(request, user, **kwargs)
        if user.language in dict(settings.LANGUAGES):
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                user.language,
                max_age=365 * 24 * 3600,
                samesite="Lax",
                secure=request.is_secure(),
            )
        return response
