"""The company's forms: the draft, its committee, a document and a message.

Forms only collect and clean what was typed; the services decide whether
the act is allowed, and the rules say whether the file is complete.
"""

from typing import Any, cast

from django import forms
from django.conf import settings
from django.forms.formsets import BaseFormSet, formset_factory
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from sikejar.companies.models import Company, SafetyExpert
from sikejar.core.forms import StyledForm
from sikejar.p2k3.models import (
    Application,
    CommitteeMember,
    CommitteeRole,
    Element,
    Requirement,
)
from sikejar.p2k3.services import MemberData

# Blank rows the committee form offers when scripts are off; with scripts
# the "add member" control clones more.
BLANK_MEMBER_ROWS = 3


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        # The browser's date picker sends ISO dates whatever the language.
        super().__init__(attrs, format="%Y-%m-%d")


class DraftForm(StyledForm):
    request_letter_number = forms.CharField(
        label=_("Request letter number"),
        max_length=100,
        required=False,
        help_text=_("As written on the company's letter, e.g. 001/HRD/XI/2026."),
    )
    request_letter_date = forms.DateField(
        label=_("Request letter date"), required=False, widget=DateInput()
    )

    @classmethod
    def initial_for(cls, application: Application) -> dict[str, Any]:
        return {
            "request_letter_number": application.request_letter_number,
            "request_letter_date": application.request_letter_date,
        }


def _blank_choice(choices: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    return [("", _("Choose…")), *choices]


class MemberForm(StyledForm):
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    role = forms.ChoiceField(
        label=_("Role in P2K3"), choices=_blank_choice(CommitteeRole.choices)
    )
    element = forms.ChoiceField(
        label=_("Element"), choices=_blank_choice(Element.choices)
    )
    position = forms.CharField(label=_("Position in the company"), max_length=150)
    expert = forms.TypedChoiceField(
        label=_("Safety expert (secretary only)"),
        coerce=int,
        empty_value=None,
        required=False,
    )

    def __init__(self, *args: Any, experts: list[SafetyExpert], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Choices from a list read once per formset, not a query per row.
        cast(forms.ChoiceField, self.fields["expert"]).choices = [
            ("", gettext("None")),
            *((e.pk, f"{e.full_name} (SKP {e.skp_number})") for e in experts),
        ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        # Only the secretary's seat is tied to a safety expert.
        if cleaned.get("role") != CommitteeRole.SECRETARY:
            cleaned["expert"] = None
        return cleaned


class BaseMemberFormSet(BaseFormSet):  # type: ignore[type-arg]
    """Rows left blank are ignored, so a draft can be saved half-done.

    Every row may be empty: clearing a saved member's row removes the member
    just as ticking "remove" does.
    """

    def __init__(self, *args: Any, company: Company, **kwargs: Any) -> None:
        self.experts = list(
            company.experts.select_related("company").order_by("full_name")
        )
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index: int | None) -> dict[str, Any]:
        if index is None:  # The empty form, which is always empty-permitted.
            return {"experts": self.experts}
        return {"experts": self.experts, "empty_permitted": True}

    def add_fields(self, form: MemberForm, index: int | None) -> None:
        super().add_fields(form, index)
        delete = form.fields["DELETE"]
        delete.label = gettext("Remove this member")
        delete.widget.attrs["class"] = "form-check-input"

    def kept_forms(self) -> list[MemberForm]:
        """The rows that hold a member: filled in and not marked for removal."""
        self.is_valid()  # Cleans every row, once.
        return [
            form
            for form in self.forms
            if form.has_changed() and not form.cleaned_data.get("DELETE")
        ]

    def members(self) -> list[MemberData]:
        """The committee as the service takes it; call only once valid."""
        return [
            MemberData(
                full_name=form.cleaned_data["full_name"],
                role=form.cleaned_data["role"],
                element=form.cleaned_data["element"],
                position=form.cleaned_data["position"],
                expert_id=form.cleaned_data["expert"],
            )
            for form in self.kept_forms()
        ]

    def unsaved_members(self) -> list[CommitteeMember]:
        """Valid rows as unsaved members, for the rules to check as one types."""
        experts = {expert.pk: expert for expert in self.experts}
        return [
            CommitteeMember(
                full_name=form.cleaned_data["full_name"],
                role=form.cleaned_data["role"],
                element=form.cleaned_data["element"],
                position=form.cleaned_data["position"],
                expert=experts.get(form.cleaned_data["expert"]),
            )
            for form in self.kept_forms()
            if form.is_valid()
        ]

    def incomplete_rows(self) -> list[int]:
        """Numbers (from 1) of filled rows that are missing something."""
        kept = self.kept_forms()
        return [
            index
            for index, form in enumerate(self.forms, start=1)
            if form in kept and not form.is_valid()
        ]


MemberFormSet = cast(
    type[BaseMemberFormSet],
    formset_factory(
        MemberForm, formset=BaseMemberFormSet, extra=BLANK_MEMBER_ROWS, can_delete=True
    ),
)


def member_initial(application: Application) -> list[dict[str, Any]]:
    return [
        {
            "full_name": member.full_name,
            "role": member.role,
            "element": member.element,
            "position": member.position,
            "expert": member.expert_id,
        }
        for member in application.members.all()
    ]


def member_formset(application: Application, data: Any = None) -> BaseMemberFormSet:
    """The committee rows: bound to what was posted, or filled from the draft.

    A bound formset gets no initial values, so that a saved member whose
    row was cleared counts as removed rather than as unchanged.
    """
    if data is not None:
        return MemberFormSet(data, prefix="members", company=application.company)
    return MemberFormSet(
        prefix="members",
        company=application.company,
        initial=member_initial(application),
    )


class DocumentForm(StyledForm):
    """One requirement's upload; several sit on a page, so ids carry its key."""

    file = forms.FileField(
        label=_("PDF file"),
        widget=forms.FileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    def __init__(self, *args: Any, requirement: Requirement, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", f"id_requirement{requirement.pk}_%s")
        super().__init__(*args, **kwargs)
        limit = settings.SIKEJAR_UPLOAD_MAX_BYTES // (1024 * 1024)
        self.fields["file"].label = gettext("PDF for: %(title)s") % {
            "title": requirement.title
        }
        self.fields["file"].help_text = gettext(
            "PDF only, without a password, at most %(limit)s MB."
        ) % {"limit": limit}


class MessageForm(StyledForm):
    body = forms.CharField(
        label=_("Your message"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class WithdrawForm(StyledForm):
    reason = forms.CharField(
        label=_("Reason (optional)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
