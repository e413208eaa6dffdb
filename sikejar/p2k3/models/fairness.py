"""Who may not handle which company's files, and why a file moved."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sikejar.companies.models import Company


class ConflictOfInterest(models.Model):
    """An officer's declaration that they must not handle a company's files.

    Kept for good: a declaration is a record, never withdrawn. Assignment
    skips the officer for the company's files, and a head who declared one
    cannot decide them.
    """

    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="conflicts",
        verbose_name=_("officer"),
    )
    company = models.ForeignKey(
        Company,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("company"),
    )
    reason = models.TextField(_("reason"))
    declared_at = models.DateTimeField(_("declared at"))

    class Meta:
        verbose_name = _("conflict of interest")
        verbose_name_plural = _("conflicts of interest")
        constraints = [
            # Also the index that assignment reads: who is conflicted with a company.
            models.UniqueConstraint(
                fields=["officer", "company"], name="conflict_once_per_company"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.officer}: {self.company}"


class ReassignReason(models.TextChoices):
    """Why a file moves to another verifier; its history says only that it did."""

    LEAVE = "leave", _("The verifier is on leave")
    CONFLICT = "conflict", _("Conflict of interest")
    INTEGRITY_REPORT = "integrity_report", _("Integrity report")
