"""What a file is checked against: the rule version and the published checklist."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RuleVersion(models.Model):
    """The regulation an application and its decree rest on, with its figures.

    Figures the domain brief marks as unconfirmed live here, so an office
    sets them from the official text without a code change.
    """

    code = models.SlugField(_("code"), max_length=40, unique=True)
    title = models.CharField(_("title"), max_length=200)
    citation = models.TextField(
        _("citation"), help_text=_("How decrees cite this regulation.")
    )
    is_default = models.BooleanField(_("default for new applications"), default=False)
    admin_only = models.BooleanField(
        _("only for records entered from paper"),
        default=False,
        help_text=_("Companies cannot choose it; administrators enter such records."),
    )
    mandatory_workers = models.PositiveIntegerField(
        _("workers from which a committee is mandatory"), default=100
    )
    mandatory_risk_levels = models.JSONField(
        _("risk levels that make a committee mandatory"), default=list, blank=True
    )
    min_members_large = models.PositiveIntegerField(
        _("advised members for a large workplace"), default=12
    )
    min_members_small = models.PositiveIntegerField(
        _("advised members for a small workplace"), default=6
    )
    small_workplace_from = models.PositiveIntegerField(
        _("workers from which the small minimum applies"), default=50
    )
    report_period_months = models.PositiveIntegerField(
        _("months between activity reports"), default=3
    )
    validity_months = models.PositiveIntegerField(
        _("months a decree is valid"),
        null=True,
        blank=True,
        help_text=_("Empty: valid as long as the company and committee do not change."),
    )

    class Meta:
        verbose_name = _("rule version")
        verbose_name_plural = _("rule versions")
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"],
                condition=models.Q(is_default=True),
                name="rule_version_one_default",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Requirement(models.Model):
    """One published requirement of the service: what a file must satisfy.

    Officers return or reject a file only by citing these.
    """

    code = models.SlugField(_("code"), max_length=40, unique=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    legal_basis = models.CharField(_("legal basis"), max_length=200, blank=True)
    needs_document = models.BooleanField(_("a PDF must be uploaded"), default=True)
    is_active = models.BooleanField(_("active"), default=True)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("requirement")
        verbose_name_plural = _("requirements")
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return self.title
