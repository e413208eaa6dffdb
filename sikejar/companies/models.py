import re
from datetime import date

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from sikejar.accounts.models import Regency
from sikejar.core.uploads import private_upload_path

nib_validator = RegexValidator(r"^\d{13}$", _("The NIB has exactly 13 digits."))


class LegalForm(models.TextChoices):
    PT = "pt", _("Limited company (PT)")
    PT_PERORANGAN = "pt_perorangan", _("Sole-owner company (PT Perorangan)")
    CV = "cv", _("Limited partnership (CV)")
    FIRMA = "firma", _("Partnership (Firma)")
    KOPERASI = "koperasi", _("Cooperative (Koperasi)")
    YAYASAN = "yayasan", _("Foundation (Yayasan)")
    BUMN = "bumn", _("State-owned enterprise (BUMN)")
    BUMD = "bumd", _("Regional enterprise (BUMD)")
    PERORANGAN = "perorangan", _("Individual enterprise")
    OTHER = "other", _("Other")


class RiskLevel(models.TextChoices):
    """OSS risk classification of the business licence (PP 5/2021)."""

    LOW = "rendah", _("Low")
    MEDIUM_LOW = "menengah_rendah", _("Medium-low")
    MEDIUM_HIGH = "menengah_tinggi", _("Medium-high")
    HIGH = "tinggi", _("High")


class Company(models.Model):
    legal_name = models.CharField(_("legal name"), max_length=200)
    legal_form = models.CharField(
        _("legal form"), max_length=20, choices=LegalForm.choices
    )
    nib = models.CharField(
        _("NIB"), max_length=13, unique=True, validators=[nib_validator]
    )
    npwp = models.CharField(_("NPWP"), max_length=16)
    address = models.TextField(_("address"))
    regency = models.ForeignKey(
        Regency,
        on_delete=models.PROTECT,
        related_name="companies",
        verbose_name=_("regency or city"),
    )
    kbli_codes = models.JSONField(
        _("KBLI codes"),
        default=list,
        help_text=_("Five-digit business classifications."),
    )
    risk_level = models.CharField(
        _("OSS risk level"), max_length=20, choices=RiskLevel.choices
    )
    workers_male = models.PositiveIntegerField(_("male workers"))
    workers_female = models.PositiveIntegerField(_("female workers"))
    workers_foreign = models.PositiveIntegerField(
        _("foreign workers"), default=0, help_text=_("Included in the counts above.")
    )
    leader_name = models.CharField(_("leader's name"), max_length=150)
    leader_title = models.CharField(_("leader's title"), max_length=100)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("company")
        verbose_name_plural = _("companies")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(nib__regex=r"^[0-9]{13}$"), name="company_nib_digits"
            ),
        ]

    def __str__(self) -> str:
        return self.legal_name

    @property
    def workers_total(self) -> int:
        return self.workers_male + self.workers_female


class MembershipStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for consent")
    ACTIVE = "active", _("Active")
    REJECTED = "rejected", _("Refused")


class Membership(models.Model):
    """A user acting for a company, once an operator or an admin consented."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name=_("user"),
    )
    company = models.ForeignKey(
        Company,
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name=_("company"),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=MembershipStatus.choices,
        default=MembershipStatus.PENDING,
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("decided by"),
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "company"], name="membership_user_company_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.company}"


def _normalised(name: str) -> str:
    name = re.sub(r"[^a-z0-9 ]", " ", name.lower())
    words = [w for w in name.split() if w not in {"pt", "cv", "tbk", "persero"}]
    return " ".join(words)


class SafetyExpert(models.Model):
    """A general safety expert (Ahli K3 Umum) and their papers."""

    company = models.ForeignKey(
        Company,
        on_delete=models.PROTECT,
        related_name="experts",
        verbose_name=_("company"),
    )
    full_name = models.CharField(_("full name"), max_length=150)
    certificate_number = models.CharField(_("certificate number"), max_length=100)
    skp_number = models.CharField(_("SKP number"), max_length=100)
    skp_issued_on = models.DateField(_("SKP issued on"))
    skp_expires_on = models.DateField(_("SKP expires on"))
    skp_company_name = models.CharField(
        _("company named in the SKP"),
        max_length=200,
        help_text=_("Exactly as written in the appointment letter."),
    )
    licence_number = models.CharField(_("licence (KTK) number"), max_length=100)
    licence_expires_on = models.DateField(_("licence expires on"))
    certificate_scan = models.FileField(
        _("certificate scan"), upload_to=private_upload_path, max_length=200
    )
    skp_scan = models.FileField(
        _("SKP scan"), upload_to=private_upload_path, max_length=200
    )
    licence_scan = models.FileField(
        _("licence scan"), upload_to=private_upload_path, max_length=200
    )
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("safety expert")
        verbose_name_plural = _("safety experts")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(skp_expires_on__gt=models.F("skp_issued_on")),
                name="expert_skp_expires_after_issue",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def skp_valid_on(self, day: date) -> bool:
        return self.skp_issued_on <= day <= self.skp_expires_on

    @property
    def skp_names_company(self) -> bool:
        return _normalised(self.skp_company_name) == _normalised(
            self.company.legal_name
        )
