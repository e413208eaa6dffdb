"""The officers' forms: the checklist, the decision and the fair queue's.

Each act has its own form class and its own URL. The review page shows one
checklist whose two buttons post it to different URLs (``formaction``), so
the return and the recommendation validate the same fields by their own
rules and no view asks which button was pressed. Forms only collect and
check what was typed; the services decide whether the act is allowed.
"""

from dataclasses import dataclass
from typing import Any

from django import forms
from django.db import models
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sikejar.companies.models import Company
from sikejar.core.forms import StyledForm
from sikejar.p2k3.models import (
    ApplicationDocument,
    ReassignReason,
    Requirement,
    Review,
)
from sikejar.p2k3.services import CitationData
from sikejar.p2k3.services.assignment import HEAD_REASONS

REASONS_MAX = 5000


class Verdict(models.TextChoices):
    MET = "met", gettext_lazy("Met")
    NOT_MET = "not_met", gettext_lazy("Not met")


class Recommendation(models.TextChoices):
    APPROVE = "approve", gettext_lazy("Approve the committee")
    REJECT = "reject", gettext_lazy("Reject the application")


def _textarea(rows: int) -> forms.Textarea:
    # Fields added after StyledForm's __init__ carry their classes themselves.
    return forms.Textarea(attrs={"rows": rows, "class": "form-control"})


def _explanation_field(help_text: str) -> forms.CharField:
    return forms.CharField(
        label=_("Explanation"),
        help_text=help_text,
        required=False,
        max_length=REASONS_MAX,
        widget=_textarea(2),
    )


@dataclass(frozen=True)
class ChecklistRow:
    """One requirement on the page, with the company's document and its fields."""

    requirement: Requirement
    document: ApplicationDocument | None
    choice: forms.BoundField
    explanation: forms.BoundField


class _RequirementsForm(StyledForm):
    """A choice and an explanation for every published requirement."""

    choice_prefix = "choice"

    def __init__(
        self, *args: Any, requirements: list[Requirement], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.requirements = requirements
        self.citations: list[CitationData] = []
        for requirement in requirements:
            self.fields[self._choice(requirement)] = self.choice_field(requirement)
            self.fields[self._explanation(requirement)] = _explanation_field(
                self.explanation_help()
            )

    def choice_field(self, requirement: Requirement) -> forms.Field:
        raise NotImplementedError

    def is_cited(self, requirement: Requirement) -> bool:
        raise NotImplementedError

    def explanation_help(self) -> str:
        raise NotImplementedError

    def _choice(self, requirement: Requirement) -> str:
        return f"{self.choice_prefix}_{requirement.code}"

    def _explanation(self, requirement: Requirement) -> str:
        return f"explanation_{requirement.code}"

    def rows(self, documents: dict[int, ApplicationDocument]) -> list[ChecklistRow]:
        return [
            ChecklistRow(
                requirement=r,
                document=documents.get(r.pk),
                choice=self[self._choice(r)],
                explanation=self[self._explanation(r)],
            )
            for r in self.requirements
        ]

    def _collect_citations(self, missing_explanation: str) -> list[CitationData]:
        """The cited requirements, each with its explanation; errors where none."""
        citations = []
        for requirement in self.requirements:
            if not self.is_cited(requirement):
                continue
            name = self._explanation(requirement)
            explanation = self.cleaned_data.get(name, "").strip()
            if not explanation:
                self.add_error(name, missing_explanation)
            citations.append(CitationData(requirement, explanation))
        return citations


class _ChecklistForm(_RequirementsForm):
    """The verifier's checklist: met or not met, and why not."""

    reasons = forms.CharField(
        label=gettext_lazy("Reasons or general note"),
        help_text=gettext_lazy(
            "Required for a recommendation; optional when you return the file."
        ),
        required=False,
        max_length=REASONS_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    recommendation = forms.ChoiceField(
        label=gettext_lazy("Your recommendation to the head of office"),
        choices=Recommendation.choices,
        required=False,
        widget=forms.RadioSelect,
    )

    def choice_field(self, requirement: Requirement) -> forms.Field:
        return forms.ChoiceField(
            label=requirement.title,
            choices=Verdict.choices,
            required=False,
            widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
        )

    def is_cited(self, requirement: Requirement) -> bool:
        return self.cleaned_data.get(self._choice(requirement)) == Verdict.NOT_MET

    def explanation_help(self) -> str:
        return _("Required when the requirement is not met.")

    def unmet_citations(self) -> list[CitationData]:
        return self._collect_citations(_("Explain why this requirement is not met."))


class ReturnForm(_ChecklistForm):
    """Return the file to the company, citing every requirement not met."""

    def clean(self) -> dict[str, Any] | None:
        cleaned = super().clean()
        self.citations = self.unmet_citations()
        if not self.citations:
            raise forms.ValidationError(
                _("Mark at least one requirement as not met to return the file.")
            )
        return cleaned


class RecommendForm(_ChecklistForm):
    """Recommend approval (every requirement met) or rejection (citing the unmet)."""

    def clean(self) -> dict[str, Any] | None:
        cleaned = super().clean() or {}
        recommendation = cleaned.get("recommendation")
        if not cleaned.get("reasons", "").strip():
            self.add_error("reasons", _("Give the reasons for your recommendation."))
        if recommendation == Recommendation.APPROVE:
            self._require_all_met()
        elif recommendation == Recommendation.REJECT:
            self.citations = self.unmet_citations()
            if not self.citations:
                raise forms.ValidationError(
                    _(
                        "To recommend rejection, mark the requirements that are "
                        "not met and explain each."
                    )
                )
        else:
            self.add_error("recommendation", _("Choose approval or rejection."))
        return cleaned

    def _require_all_met(self) -> None:
        unmet = [
            r.title
            for r in self.requirements
            if self.cleaned_data.get(self._choice(r)) != Verdict.MET
        ]
        if unmet:
            raise forms.ValidationError(
                _(
                    "To recommend approval, mark every requirement as met. "
                    "Not marked as met: %(titles)s."
                )
                % {"titles": "; ".join(unmet)}
            )


class OneTimeCodeInput(forms.TextInput):
    """A code field that comes back empty: a code typed once is spent or wrong."""

    def format_value(self, value: Any) -> str | None:
        return None


class ApproveForm(StyledForm):
    """The approval, which signs the decree: the key's password and a second factor.

    Neither secret is ever shown again on the page; only the note is kept.
    """

    password = forms.CharField(
        label=gettext_lazy("Password of your signing key"),
        strip=False,
        max_length=200,
        widget=forms.PasswordInput(attrs={"autocomplete": "off"}),
        error_messages={
            "required": gettext_lazy("Type the password of your signing key.")
        },
    )
    totp_code = forms.CharField(
        label=gettext_lazy("Code from your authenticator app"),
        help_text=gettext_lazy("The six digits your authenticator app shows now."),
        max_length=12,
        widget=OneTimeCodeInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}
        ),
        error_messages={
            "required": gettext_lazy("Type the code from your authenticator app.")
        },
    )
    reasons = forms.CharField(
        label=gettext_lazy("Note (optional)"),
        required=False,
        max_length=REASONS_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class SendBackForm(StyledForm):
    reasons = forms.CharField(
        label=gettext_lazy("Why the file goes back to the verifier"),
        max_length=REASONS_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": gettext_lazy("Say why the file goes back to the verifier.")
        },
    )


class RejectForm(_RequirementsForm):
    """The head's rejection: reasons, and the requirements it rests on."""

    choice_prefix = "cite"

    reasons = forms.CharField(
        label=gettext_lazy("Reasons for the rejection"),
        max_length=REASONS_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": gettext_lazy("Give the reasons for the rejection.")
        },
    )

    @classmethod
    def initial_from(cls, recommendation: Review | None) -> dict[str, Any]:
        """Start from what the verifier cited when they recommended rejection."""
        if recommendation is None:
            return {}
        initial: dict[str, Any] = {}
        for citation in recommendation.citations.all():
            code = citation.requirement.code
            initial[f"{cls.choice_prefix}_{code}"] = True
            initial[f"explanation_{code}"] = citation.explanation
        return initial

    def choice_field(self, requirement: Requirement) -> forms.Field:
        return forms.BooleanField(
            label=_("Cite this requirement"),
            required=False,
            widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
        )

    def is_cited(self, requirement: Requirement) -> bool:
        return bool(self.cleaned_data.get(self._choice(requirement)))

    def explanation_help(self) -> str:
        return _("Required when you cite the requirement.")

    def clean(self) -> dict[str, Any] | None:
        cleaned = super().clean()
        self.citations = self._collect_citations(
            _("Explain how the file fails this requirement.")
        )
        if not self.citations:
            raise forms.ValidationError(
                _("A rejection must cite at least one published requirement.")
            )
        return cleaned


class OutOfTurnForm(StyledForm):
    reason = forms.CharField(
        label=gettext_lazy("Why take this file out of turn?"),
        help_text=gettext_lazy("The inspectorate reads every reason given here."),
        max_length=REASONS_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": gettext_lazy("Say why you take this file out of turn.")
        },
    )


class CompanyChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """Companies by name and NIB, so either finds one in the list."""

    def label_from_instance(self, obj: Company) -> str:
        return _("%(name)s, NIB %(nib)s") % {"name": obj.legal_name, "nib": obj.nib}


class ConflictForm(StyledForm):
    company = CompanyChoiceField(
        label=gettext_lazy("Company"),
        help_text=gettext_lazy(
            "Companies with files at your office, by name and NIB. Typing "
            "in the list jumps to a name."
        ),
        queryset=Company.objects.none(),
        empty_label=gettext_lazy("Choose a company"),
        error_messages={"required": gettext_lazy("Choose the company.")},
    )
    reason = forms.CharField(
        label=gettext_lazy("What is the conflict of interest?"),
        help_text=gettext_lazy(
            "For example: a relative works there, or you worked for it."
        ),
        max_length=REASONS_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": gettext_lazy("Say what the conflict of interest is.")
        },
    )

    def __init__(self, *args: Any, companies: QuerySet[Company], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["company"]
        if isinstance(field, CompanyChoiceField):
            field.queryset = companies


class ReassignForm(StyledForm):
    reason = forms.ChoiceField(
        label=gettext_lazy("Why does the file move?"),
        help_text=gettext_lazy(
            "The file's history says only that it was reassigned. The system "
            "picks the verifier with the fewest open files."
        ),
        choices=[("", gettext_lazy("Choose a reason"))]
        + [(reason.value, reason.label) for reason in HEAD_REASONS],
        error_messages={"required": gettext_lazy("Choose why the file moves.")},
    )

    @property
    def reassign_reason(self) -> ReassignReason:
        return ReassignReason(self.cleaned_data["reason"])
