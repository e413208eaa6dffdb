from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sikejar.accounts.models import Office
from sikejar.companies.models import Company, SafetyExpert
from sikejar.core.uploads import private_upload_path


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


class ReviewOutcome(models.TextChoices):
    RETURNED = "returned", _("Returned for correction")
    RECOMMEND_APPROVAL = "recommend_approval", _("Recommended for approval")
    RECOMMEND_REJECTION = "recommend_rejection", _("Recommended for rejection")
    SENT_BACK = "sent_back", _("Sent back to the verifier")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


VERIFIER_OUTCOMES = (
    ReviewOutcome.RETURNED,
    ReviewOutcome.RECOMMEND_APPROVAL,
    ReviewOutcome.RECOMMEND_REJECTION,
)


class Review(models.Model):
    """An officer's act on a file, with the requirements it cites."""

    application = models.ForeignKey(
        Application,
        on_delete=models.PROTECT,
        related_name="reviews",
        verbose_name=_("application"),
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="reviews",
        verbose_name=_("officer"),
    )
    outcome = models.CharField(
        _("outcome"), max_length=30, choices=ReviewOutcome.choices
    )
    reasons = models.TextField(_("reasons"), blank=True)
    created_at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.application}: {self.get_outcome_display()}"

    @property
    def is_recommendation(self) -> bool:
        return self.outcome in (
            ReviewOutcome.RECOMMEND_APPROVAL,
            ReviewOutcome.RECOMMEND_REJECTION,
        )


class Citation(models.Model):
    """A published requirement cited by a review, with the officer's explanation."""

    review = models.ForeignKey(
        Review,
        on_delete=models.PROTECT,
        related_name="citations",
        verbose_name=_("review"),
    )
    requirement = models.ForeignKey(
        Requirement,
        on_delete=models.PROTECT,
        related_name="citations",
        verbose_name=_("requirement"),
    )
    explanation = models.TextField(_("explanation"))

    class Meta:
        verbose_name = _("citation")
        verbose_name_plural = _("citations")
        constraints = [
            models.UniqueConstraint(
                fields=["review", "requirement"], name="citation_once_per_review"
            ),
        ]

    def __str__(self) -> str:
        return str(self.requirement)


class Message(models.Model):
    """The only channel between company and officers, kept with the file."""

    application = models.ForeignKey(
        Application,
        on_delete=models.PROTECT,
        related_name="messages",
        verbose_name=_("application"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("author"),
    )
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.author}: {self.body[:40]}"


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
