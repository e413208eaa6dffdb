"""The public's forms: the register's search and the PDF check."""

from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sikejar.accounts.models import Regency
from sikejar.core.forms import StyledForm
from sikejar.decrees.models import DecreeStatus


class RegisterFilterForm(StyledForm):
    """Filters of the register, its exports and the API list; they combine."""

    company = forms.CharField(
        label=gettext_lazy("Company"), required=False, max_length=200
    )
    number = forms.CharField(
        label=gettext_lazy("Decree number"), required=False, max_length=100
    )
    # Any name is accepted (an unknown one lists nothing); the list only helps.
    regency = forms.CharField(
        label=gettext_lazy("Regency or city"),
        required=False,
        max_length=100,
        widget=forms.Select,
    )
    year = forms.IntegerField(
        label=gettext_lazy("Year"), required=False, min_value=2000, max_value=9999
    )
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        required=False,
        choices=[("", gettext_lazy("Any status")), *DecreeStatus.choices],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        regency = self.fields["regency"].widget
        regency.attrs.pop("maxlength", None)  # Not an attribute of <select>.
        # A callable is called only when the list is drawn: the API never pays.
        regency.choices = lambda: self.regency_choices

    @cached_property
    def regency_choices(self) -> list[tuple[str, str]]:
        names = Regency.objects.order_by("code").values_list("name", flat=True)
        return [("", _("Any regency or city")), *((name, name) for name in names)]

    def filters(self) -> dict[str, Any]:
        """The valid filters as keyword arguments of ``register_decrees``.

        A field with an error is left out, so the rest still filter.
        """
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if value not in ("", None)
        }


class PdfCheckForm(StyledForm):
    """A PDF to compare, byte for byte, with the issued decrees; never stored."""

    file = forms.FileField(
        label=gettext_lazy("PDF file"),
        allow_empty_file=True,
        help_text=gettext_lazy(
            "We compare the file's SHA-256 with every issued decree. "
            "The file is not kept."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        limit = settings.SIKEJAR_UPLOAD_MAX_BYTES
        if not upload.size:
            raise forms.ValidationError(_("The file is empty."), code="empty")
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is larger than %(limit)s MB.")
                % {"limit": limit // (1024 * 1024)},
                code="too_large",
            )
        upload.seek(0)
        head = upload.read(1024)
        upload.seek(0)
        if not head.lstrip().startswith(b"%PDF-"):
            raise forms.ValidationError(
                _("The file is not a PDF document."), code="not_pdf"
            )
        return upload
