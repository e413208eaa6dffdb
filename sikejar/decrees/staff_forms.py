"""The head's confirmation of a cancellation."""

from django import forms
from django.utils.translation import gettext_lazy as _

from sikejar.core.forms import StyledForm


class CancelForm(StyledForm):
    reason = forms.CharField(
        label=_("Why the decree is cancelled"),
        help_text=_("Shown on the public verification page and sent to the company."),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Give the reason for the cancellation.")},
    )
