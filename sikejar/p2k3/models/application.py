"""The application, its committee and its documents."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sikejar.accounts.models import Office
from sikejar.companies.models import Company, SafetyExpert
from sikejar.core.uploads import private_upload_path
from sikejar.p2k3.models.rules import Requirement, RuleVersion


class ApplicationKind(models.TextChoices):
    NEW = "new", _("New")
    AMENDMENT = "amendment", _("Amendment")


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_VERIFICATION = "in_verification", _("In verification")
    RETURNED = "returned", _("Returned for correction")
    RECOMMENDED = "recommended", _("Awaiting decision")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


OPEN_STATUSES = (
    ApplicationStatus.IN_VERIFICATION,
    ApplicationStatus.RETURNED,
    ApplicationStatus.RECOMMENDED,
)


class Application(models.Model):
    tracking_number = models.CharField(_("tracking number"), max_length=24, unique=True)
    company = models.ForeignKey(
        Company,
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("company"),
    )
    office = models.ForeignKey(
        Office,
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("office"),
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=ApplicationKind.choices,
        default=ApplicationKind.NEW,
    )
    rule_version = models.ForeignKey(
        RuleVersion,
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("rule version"),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.DRAFT,
    )
    request_letter_number = models.CharField(
        _("request letter number"), max_length=100, blank=True
    )
    request_letter_date = models.DateField(
        _("request letter date"), null=True, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    submitted_at = models.DateTimeField(_("first submitted at"), null=True, blank=True)
    verifier = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="assigned_applications",
        verbose_name=_("verifier"),
        null=True,
        blank=True,
    )
    queued_at = models.DateTimeField(
        _("in the queue since"),
        null=True,
        blank=True,
        help_text=_("When the file last reached an officer; queues are oldest first."),
    )
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
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        indexes = [
            # The verifier's queue and the assignment count read by both.
            models.Index(
                fields=["verifier", "status", "queued_at"], name="app_queue_idx"
            ),
            # The head's list of files to decide, oldest first.
            models.Index(
                fields=["office", "status", "queued_at"], name="app_office_idx"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status="draft")
                | models.Q(submitted_at__isnull=False),
                name="app_submitted_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.tracking_number} {self.company}"

    @property
    def is_editable(self) -> bool:
        return self.status in (ApplicationStatus.DRAFT, ApplicationStatus.RETURNED)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class CommitteeRole(models.TextChoices):
    CHAIR = "ketua", _("Chair (Ketua)")
    VICE_CHAIR = "wakil_ketua", _("Vice chair (Wakil Ketua)")
    SECRETARY = "sekretaris", _("Secretary (Sekretaris)")
    MEMBER = "anggota", _("Member (Anggota)")


class Element(models.TextChoices):
    EMPLOYER = "employer", _("Employer (unsur pengusaha)")
    WORKER = "worker", _("Worker (unsur pekerja)")


class CommitteeMember(models.Model):
    application = models.ForeignKey(
        Application,
        on_delete=models.CASCADE,
        related_name="members",
        verbose_name=_("application"),
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    full_name = models.CharField(_("full name"), max_length=150)
    role = models.CharField(
        _("role in P2K3"), max_length=20, choices=CommitteeRole.choices
    )
    element = models.CharField(_("element"), max_length=20, choices=Element.choices)
    position = models.CharField(_("position in the company"), max_length=150)
    expert = models.ForeignKey(
        SafetyExpert,
        on_delete=models.PROTECT,
        related_name="committee_seats",
        verbose_name=_("safety expert"),
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("committee member")
        verbose_name_plural = _("committee members")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.get_role_display()})"


class ApplicationDocument(models.Model):
    """An uploaded PDF for one requirement; replaced versions are kept."""

    application = models.ForeignKey(
        Application,
        on_delete=models.PROTECT,
        related_name="documents",
        verbose_name=_("application"),
    )
    requirement = models.ForeignKey(
        Requirement,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("requirement"),
    )
    file = models.FileField(_("file"), upload_to=private_upload_path, max_length=200)
    original_name = models.CharField(_("original file name"), max_length=255)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    is_current = models.BooleanField(_("current version"), default=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["requirement__order", "-uploaded_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "requirement"],
                condition=models.Q(is_current=True),
                name="doc_one_current_per_requirement",
            ),
        ]

    def __str__(self) -> str:
        return self.original_name
