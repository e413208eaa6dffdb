from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from sikejar.accounts.models import Office
from sikejar.p2k3.models import Application


def default_processing_days() -> int:
    return settings.SIKEJAR_PROCESSING_WORKING_DAYS


class ServiceStandard(models.Model):
    """The header of the published service standard (standar pelayanan).

    One row, edited in the admin. The requirements are the checklist's own
    ``p2k3.Requirement`` rows; the fee is fixed at Rp 0 and is no field. Every
    save publishes a new ``StandardVersion``, which is what the public reads.
    """

    service_name = models.CharField(_("service"), max_length=200)
    legal_basis = models.TextField(
        _("legal basis of the service"), help_text=_("One regulation per line.")
    )
    procedure = models.TextField(
        _("procedure"), help_text=_("One step per line, in order.")
    )
    processing_working_days = models.PositiveSmallIntegerField(
        _("processing time in working days"),
        default=default_processing_days,
        validators=[MinValueValidator(1), MaxValueValidator(90)],
        help_text=_(
            "From a complete submission; the clock stops while the file is "
            "with the company for correction."
        ),
    )
    product = models.TextField(_("product of the service"))
    complaint_handling = models.TextField(_("handling of complaints"))
    pledge = models.TextField(_("service pledge (maklumat pelayanan)"))

    class Meta:
        verbose_name = _("service standard")
        verbose_name_plural = _("service standard")
        constraints = [
            models.CheckConstraint(condition=models.Q(pk=1), name="standard_single"),
            models.CheckConstraint(
                condition=models.Q(processing_working_days__gte=1),
                name="standard_days_positive",
            ),
        ]

    def __str__(self) -> str:
        return self.service_name


class StandardVersion(models.Model):
    """One published state of the standard, never changed once written.

    ``content`` holds the header and every active requirement as the public
    saw them; ``processing_working_days`` repeats the limit so that the clock
    reads it without opening the JSON.
    """

    number = models.PositiveIntegerField(_("version"), unique=True)
    published_at = models.DateTimeField(_("published at"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("published by"),
        null=True,
        blank=True,
    )
    processing_working_days = models.PositiveSmallIntegerField(
        _("processing time in working days")
    )
    content = models.JSONField(_("content"))
    sha256 = models.CharField(_("SHA-256 of the content"), max_length=64)

    class Meta:
        verbose_name = _("published standard version")
        verbose_name_plural = _("published standard versions")
        ordering = ["number"]

    def __str__(self) -> str:
        return f"v{self.number}"


class DayOff(models.Model):
    """An extra day the office is closed (cuti bersama); the clock skips it."""

    office = models.ForeignKey(
        Office,
        on_delete=models.PROTECT,
        related_name="days_off",
        verbose_name=_("office"),
    )
    day = models.DateField(_("day"))
    reason = models.CharField(_("reason"), max_length=200)

    class Meta:
        verbose_name = _("office day off")
        verbose_name_plural = _("office days off")
        ordering = ["day"]
        constraints = [
            # Also the index behind the clock's read of an office's days off.
            models.UniqueConstraint(
                fields=["office", "day"], name="day_off_once_per_office"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.day:%Y-%m-%d} {self.reason}"


class OverdueMark(models.Model):
    """That a file passed its limit and the office was told, at most once a file."""

    application = models.OneToOneField(
        Application,
        on_delete=models.PROTECT,
        related_name="overdue_mark",
        verbose_name=_("application"),
    )
    marked_at = models.DateTimeField(_("noticed at"))
    expected_on = models.DateField(_("expected decision date"))

    class Meta:
        verbose_name = _("overdue file")
        verbose_name_plural = _("overdue files")

    def __str__(self) -> str:
        return str(self.application)
