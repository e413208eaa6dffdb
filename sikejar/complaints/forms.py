"""Forms of reports and the survey: they collect and check what was typed.

The services decide whether an act is allowed; these forms only turn the
page's fields into the services' arguments.
"""

from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sikejar.accounts.models import Office
from sikejar.complaints.services import ReportFacts
from sikejar.complaints.survey import ELEMENTS
from sikejar.core.forms import StyledForm
from sikejar.core.uploads import validate_pdf

TEXT_MAX = 5000
RADIOS = "complaints/_radios.html"


class Identity(models.TextChoices):
    ANONYMOUS = "anonymous", gettext_lazy("Anonymous: store nothing about me")
    NAMED = "named", gettext_lazy("With my name, so the inspectorate can reach me")


class ReportFactsForm(StyledForm):
    what_happened = forms.CharField(
        label=gettext_lazy("What happened?"),
        help_text=gettext_lazy(
            "What was asked, in return for what, and how it was asked "
            "(in person, by phone, by message)."
        ),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    happened_on = forms.DateField(
        label=gettext_lazy("When did it happen?"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    place = forms.CharField(
        label=gettext_lazy("Where, or in which service?"),
        max_length=200,
    )
    amount_asked = forms.IntegerField(
        label=gettext_lazy("Amount asked, in rupiah (optional)"),
        required=False,
        min_value=0,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    who_asked = forms.CharField(
        label=gettext_lazy("Who asked? (optional)"),
        help_text=gettext_lazy("A name, a position or a description."),
        required=False,
        max_length=200,
    )
    evidence = forms.FileField(
        label=gettext_lazy("Evidence, as one PDF (optional)"),
        required=False,
        widget=forms.FileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit = settings.SIKEJAR_UPLOAD_MAX_BYTES // (1024 * 1024)
        self.fields["evidence"].help_text = _(
            "PDF only, without a password, at most %(limit)s MB. A PDF's "
            "properties can hold the name of whoever made it: remove them if "
            "you want to stay anonymous."
        ) % {"limit": limit}

    def clean_happened_on(self) -> Any:
        day = self.cleaned_data["happened_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return day

    def clean_evidence(self) -> UploadedFile | None:
        upload: UploadedFile | None = self.cleaned_data.get("evidence")
        if upload:
            validate_pdf(upload)
        return upload or None

    def facts(self) -> ReportFacts:
        data = self.cleaned_data
        return ReportFacts(
            what_happened=data["what_happened"],
            happened_on=data["happened_on"],
            place=data["place"],
            amount_asked=data["amount_asked"],
            who_asked=data["who_asked"],
            evidence=data["evidence"],
        )


class PublicReportForm(ReportFactsForm):
    """The public page's form; a signed-in sender's account counts as a name."""

    office = forms.ModelChoiceField(
        label=gettext_lazy("Which office?"),
        queryset=Office.objects.order_by("name"),
    )
    identity = forms.ChoiceField(
        label=gettext_lazy("Who is reporting?"),
        choices=Identity.choices,
        initial=Identity.ANONYMOUS,
        widget=forms.RadioSelect,
        template_name=RADIOS,  # type: ignore[call-arg]  # Missing from the stubs.
    )
    name = forms.CharField(
        label=gettext_lazy("Your name (only if named)"),
        required=False,
        max_length=150,
    )
    contact = forms.CharField(
        label=gettext_lazy("E-mail address or phone number (only if named)"),
        required=False,
        max_length=200,
    )

    field_order = ("office",)

    def __init__(self, *args: Any, signed_in: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.signed_in = signed_in
        offices = list(Office.objects.order_by("name")[:2])
        if len(offices) == 1:
            self.fields["office"].initial = offices[0].pk
        if signed_in:
            self.fields["name"].help_text = _(
                "If you report with your name, your account is kept with the report."
            )

    @property
    def anonymous(self) -> bool:
        return bool(self.cleaned_data["identity"] == Identity.ANONYMOUS)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("identity") == Identity.ANONYMOUS:
            # Whatever was typed here before choosing anonymity goes nowhere.
            data["name"] = data["contact"] = ""
        elif not self.signed_in and not data.get("name", "").strip():
            self.add_error("name", _("Give your name, or choose to stay anonymous."))
        return data


class FollowUpCodeForm(StyledForm):
    code = forms.CharField(
        label=gettext_lazy("Follow-up code"),
        max_length=64,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "off",
                "spellcheck": "false",
            }
        ),
    )


class FollowUpAddForm(StyledForm):
    code = forms.CharField(max_length=64, widget=forms.HiddenInput)
    body = forms.CharField(
        label=gettext_lazy("Add information"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ReplyForm(StyledForm):
    body = forms.CharField(
        label=gettext_lazy("Reply to the sender"),
        help_text=gettext_lazy("The sender reads it with their follow-up code."),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    handled = forms.BooleanField(
        label=gettext_lazy("The report is handled"), required=False
    )


class SurveyForm(StyledForm):
    """The nine elements, each a question with the regulation's four answers."""

    comment = forms.CharField(
        label=gettext_lazy("Comment or suggestion (optional)"),
        required=False,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        comment = self.fields.pop("comment")
        for number, element in enumerate(ELEMENTS, start=1):
            self.fields[element.code] = forms.TypedChoiceField(
                label=_("%(number)s. %(title)s")
                % {"number": number, "title": element.title},
                help_text=element.question,
                choices=element.choices,
                coerce=int,
                widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
                template_name=RADIOS,  # type: ignore[call-arg]  # Missing from the stubs.
            )
        self.fields["comment"] = comment

    def scores(self) -> dict[str, int]:
        return {element.code: self.cleaned_data[element.code] for element in ELEMENTS}
