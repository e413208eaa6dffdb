"""Forms of the company pages: they read and check input, services act on it."""

import re
from dataclasses import fields as dataclass_fields
from typing import Any, ClassVar

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from stdnum.exceptions import InvalidFormat, InvalidLength
from stdnum.exceptions import ValidationError as NumberError
from stdnum.id import npwp as stdnum_npwp

from sikejar.accounts.models import Regency
from sikejar.companies.models import Company, SafetyExpert
from sikejar.companies.services import SCAN_FIELDS, CompanyData, ExpertData
from sikejar.core.forms import StyledForm, StyledModelForm
from sikejar.core.uploads import validate_pdf

_SEPARATORS = re.compile(r"[\s.\-]")


def _nib_digits(value: str) -> str:
    """The NIB without the spaces, dots or dashes people type to group digits."""
    digits = _SEPARATORS.sub("", value)
    if not re.fullmatch(r"\d{13}", digits):
        raise ValidationError(_("The NIB has exactly 13 digits."), code="nib")
    return digits


def _npwp_digits(value: str) -> str:
    try:
        return str(stdnum_npwp.validate(value))
    except InvalidLength:
        message = _("The NPWP has 15 or 16 digits.")
    except InvalidFormat:
        message = _("The NPWP may only contain digits, dots and dashes.")
    except NumberError:
        message = _("This NPWP is not valid: check its digits.")
    raise ValidationError(message, code="npwp")


def _kbli_codes(value: str) -> list[str]:
    codes = [code for code in re.split(r"[\s,;]+", value) if code]
    if not codes:
        raise ValidationError(_("Give at least one KBLI code."), code="kbli")
    for code in codes:
        if not re.fullmatch(r"\d{5}", code):
            raise ValidationError(
                _("“%(code)s” is not a KBLI code: a KBLI code has five digits."),
                code="kbli",
                params={"code": code},
            )
    return list(dict.fromkeys(codes))


class CompanyForm(StyledModelForm):
    nib = forms.CharField(
        label=_("NIB"),
        max_length=20,
        help_text=_("The 13-digit business identification number from OSS."),
    )
    npwp = forms.CharField(
        label=_("NPWP"),
        max_length=25,
        help_text=_("15 or 16 digits; dots and dashes may be typed."),
    )
    kbli_codes = forms.CharField(
        label=_("KBLI codes"),
        max_length=500,
        help_text=_(
            "Five-digit codes separated by commas or spaces, e.g. 01262, 46201."
        ),
    )
    regency = forms.ModelChoiceField(
        label=_("Regency or city"), queryset=Regency.objects.order_by("code")
    )

    class Meta:
        model = Company
        fields = (
            "legal_name",
            "legal_form",
            "nib",
            "npwp",
            "kbli_codes",
            "risk_level",
            "regency",
            "address",
            "workers_male",
            "workers_female",
            "workers_foreign",
            "leader_name",
            "leader_title",
        )
        widgets: ClassVar[dict[str, forms.Widget]] = {
            "address": forms.Textarea(attrs={"rows": 3})
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["kbli_codes"] = ", ".join(self.instance.kbli_codes)
        for name in ("nib", "npwp"):
            self.fields[name].widget.attrs["inputmode"] = "numeric"

    def clean_nib(self) -> str:
        nib = _nib_digits(self.cleaned_data["nib"])
        others = Company.objects.filter(nib=nib).exclude(pk=self.instance.pk)
        if others.exists():
            raise ValidationError(
                _(
                    "A company with this NIB is already registered. "
                    "Ask its operators to let you join it."
                ),
                code="nib_taken",
            )
        return nib

    def clean_npwp(self) -> str:
        return _npwp_digits(self.cleaned_data["npwp"])

    def clean_kbli_codes(self) -> list[str]:
        return _kbli_codes(self.cleaned_data["kbli_codes"])

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        counts = ("workers_male", "workers_female", "workers_foreign")
        if not all(isinstance(cleaned.get(name), int) for name in counts):
            return cleaned
        male, female, foreign = (int(cleaned[name]) for name in counts)
        if foreign > male + female:
            self.add_error(
                "workers_foreign",
                _(
                    "Foreign workers are counted among the workers above: "
                    "they cannot outnumber them."
                ),
            )
        return cleaned

    def company_data(self) -> CompanyData:
        names = [field.name for field in dataclass_fields(CompanyData)]
        return CompanyData(**{name: self.cleaned_data[name] for name in names})


class JoinForm(StyledForm):
    company: Company | None = None
    nib = forms.CharField(
        label=_("NIB of the company"),
        max_length=20,
        help_text=_("Its operators will be asked to let you act for the company."),
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )

    def clean_nib(self) -> str:
        nib = _nib_digits(self.cleaned_data["nib"])
        self.company = Company.objects.filter(nib=nib).first()
        if self.company is None:
            raise ValidationError(
                _(
                    "No company is registered with this NIB. Check the number, "
                    "or register the company."
                ),
                code="unknown_nib",
            )
        return nib


class _DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


_DATE_FIELDS = ("skp_issued_on", "skp_expires_on", "licence_expires_on")


class ExpertForm(StyledModelForm):
    """A safety expert and their papers; on edit an empty scan keeps the old one."""

    certificate_scan = forms.FileField(label=_("Certificate scan (PDF)"))
    skp_scan = forms.FileField(label=_("SKP scan (PDF)"))
    licence_scan = forms.FileField(label=_("Licence scan (PDF)"))

    class Meta:
        model = SafetyExpert
        fields = (*(field.name for field in dataclass_fields(ExpertData)), *SCAN_FIELDS)
        widgets: ClassVar[dict[str, forms.Widget]] = {
            name: _DateInput() for name in _DATE_FIELDS
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in SCAN_FIELDS:
            field = self.fields[name]
            field.widget = forms.FileInput(
                attrs={"accept": "application/pdf,.pdf", "class": "form-control"}
            )
            field.help_text = _("A PDF without a password, at most %(limit)s MB.") % {
                "limit": settings.SIKEJAR_UPLOAD_MAX_BYTES // (1024 * 1024)
            }
            if self.instance.pk:
                field.required = False
                field.help_text = format_lazy(
                    "{} {}",
                    field.help_text,
                    _("Leave empty to keep the file already uploaded."),
                )

    def _clean_scan(self, name: str) -> UploadedFile | None:
        upload = self.cleaned_data.get(name)
        if not isinstance(upload, UploadedFile):
            return None
        validate_pdf(upload)
        return upload

    def clean_certificate_scan(self) -> UploadedFile | None:
        return self._clean_scan("certificate_scan")

    def clean_skp_scan(self) -> UploadedFile | None:
        return self._clean_scan("skp_scan")

    def clean_licence_scan(self) -> UploadedFile | None:
        return self._clean_scan("licence_scan")

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        issued, expires = cleaned.get("skp_issued_on"), cleaned.get("skp_expires_on")
        if issued and expires and expires <= issued:
            self.add_error(
                "skp_expires_on",
                _("The SKP must expire after the day it was issued."),
            )
        return cleaned

    def expert_data(self) -> ExpertData:
        names = [field.name for field in dataclass_fields(ExpertData)]
        return ExpertData(**{name: self.cleaned_data[name] for name in names})

    def scans(self) -> dict[str, UploadedFile | None]:
        return {name: self.cleaned_data.get(name) for name in SCAN_FIELDS}
