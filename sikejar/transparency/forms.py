"""The statistics' filters, and the admin's form of an office's day off."""

from datetime import date
from typing import Any, cast

from django import forms
from django.db.models import Min
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sikejar.accounts.models import Regency
from sikejar.core.forms import StyledForm
from sikejar.p2k3.models import Application
from sikejar.transparency.models import DayOff


class StatisticsFilterForm(StyledForm):
    """Year and regency; either may be left at "all"."""

    # Any year is accepted (one without files shows none); the list only helps.
    year = forms.IntegerField(
        label=gettext_lazy("Year"),
        required=False,
        min_value=2000,
        max_value=9999,
        widget=forms.Select,
    )
    regency = forms.ChoiceField(label=gettext_lazy("Regency or city"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        first = Application.objects.aggregate(first=Min("submitted_at"))["first"]
        this_year = timezone.localdate().year
        since = timezone.localtime(first).year if first else this_year
        cast(forms.Select, self.fields["year"].widget).choices = [
            ("", _("All years")),
            *((year, str(year)) for year in range(this_year, since - 1, -1)),
        ]
        regencies = Regency.objects.order_by("code").values_list("code", "name")
        cast(forms.ChoiceField, self.fields["regency"]).choices = [
            ("", _("All regencies and cities")),
            *regencies,
        ]

    def filters(self) -> dict[str, Any]:
        """The valid filters as keyword arguments of ``statistics_compute``."""
        self.is_valid()  # A field with an error is left out; the other filters.
        return {
            "year": self.cleaned_data.get("year"),
            "regency": self.cleaned_data.get("regency") or "",
        }


class DayOffAdminForm(forms.ModelForm):  # type: ignore[type-arg]
    """Says at once that a day in the past cannot be set, instead of failing later."""

    class Meta:
        model = DayOff
        fields = ("office", "day", "reason")

    def clean_day(self) -> date:
        day: date = self.cleaned_data["day"]
        if day < timezone.localdate():
            raise forms.ValidationError(
                _(
                    "A day in the past cannot change: the clocks of files "
                    "already counted it."
                ),
                code="past",
            )
        return day
