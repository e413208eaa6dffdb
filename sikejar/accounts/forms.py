from django import forms
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from sikejar.accounts.models import User
from sikejar.core.forms import StyledForm


class SignupForm(StyledForm):
    """Extra fields of allauth's sign-up form: the person's name.

    Everyone who signs up is a company operator; officers are created by an
    administrator, so nobody can make themselves a verifier.
    """

    full_name = forms.CharField(label=_("Full name"), max_length=150)

    def signup(self, request: HttpRequest, user: User) -> None:
        user.full_name = self.cleaned_data["full_name"]
        user.save(update_fields=["full_name"])
