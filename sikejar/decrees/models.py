from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sikejar.accounts.models import Office
from sikejar.core.uploads import private_upload_path
from sikejar.p2k3.models import Application


class DecreeCounter(models.Model):
    """The office's decree sequence for one year; locked to take a number."""

    office = models.ForeignKey(
        Office, on_delete=models.PROTECT, related_name="+", verbose_name=_("office")
    )
    year = models.PositiveIntegerField(_("year"))
    last_serial = models.PositiveIntegerField(_("last serial number"), default=0)

    class Meta:
        verbose_name = _("decree counter")
        verbose_name_plural = _("decree counters")
        constraints = [
            models.UniqueConstraint(
                fields=["office", "year"], name="decree_counter_office_year"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.office} {self.year}: {self.last_serial}"


class SignerCertificate(models.Model):
    """A signer's key and certificate as a password-protected PKCS#12 archive.

    The password is never stored: the signer types it at each signature.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="signer_certificate",
        verbose_name=_("signer"),
    )
    pkcs12 = models.BinaryField(_("PKCS#12 archive"))
    subject = models.CharField(_("certificate subject"), max_length=300)
    fingerprint = models.CharField(_("SHA-256 fingerprint"), max_length=64)
    not_after = models.DateTimeField(_("valid until"))
    installed_at = models.DateTimeField(_("installed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("signer certificate")
        verbose_name_plural = _("signer certificates")

    def __str__(self) -> str:
        return self.subject


class DecreeStatus(models.TextChoices):
    IN_FORCE = "in_force", _("In force")
    REPLACED = "replaced", _("Replaced")
    CANCELLED = "cancelled", _("Cancelled")


class Decree(models.Model):
    """An issued, signed decree. Its file and content never change after issue."""

    application = models.OneToOneField(
        Application,
        on_delete=models.PROTECT,
        related_name="decree",
        verbose_name=_("application"),
    )
    office = models.ForeignKey(
        Office,
        on_delete=models.PROTECT,
        related_name="decrees",
        verbose_name=_("office"),
    )
    year = models.PositiveIntegerField(_("year"))
    serial = models.PositiveIntegerField(_("serial number"))
    number = models.CharField(_("number"), max_length=100, unique=True)
    code = models.CharField(
        _("verification code"),
        max_length=64,
        unique=True,
        help_text=_("Random, URL-safe; the QR code points to /v/<code>."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=DecreeStatus.choices,
        default=DecreeStatus.IN_FORCE,
    )
    issued_at = models.DateTimeField(_("issued at"))
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("signed by"),
    )
    content = models.JSONField(
        _("content"), help_text=_("The data the decree was rendered from.")
    )
    file = models.FileField(
        _("signed PDF"), upload_to=private_upload_path, max_length=200
    )
    sha256 = models.CharField(
        _("SHA-256 of the signed PDF"), max_length=64, unique=True
    )
    replaces = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        related_name="replaced_by",
        verbose_name=_("replaces"),
        null=True,
        blank=True,
    )
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    cancel_reason = models.TextField(_("reason for cancellation"), blank=True)

    class Meta:
        verbose_name = _("decree")
        verbose_name_plural = _("decrees")
        ordering = ["-issued_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "year", "serial"], name="decree_serial_unique"
            ),
            models.CheckConstraint(
                condition=~models.Q(status="cancelled")
                | models.Q(cancelled_at__isnull=False),
                name="decree_cancelled_has_time",
            ),
        ]
        indexes = [
            # The public register filters by status and lists newest first.
            models.Index(fields=["status", "-issued_at"], name="decree_register_idx"),
        ]

    def __str__(self) -> str:
        return self.number
