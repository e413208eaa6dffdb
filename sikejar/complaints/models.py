from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sikejar.accounts.models import Office
from sikejar.complaints.survey import ELEMENTS
from sikejar.core.uploads import private_upload_path
from sikejar.p2k3.models import Application


class ReportStatus(models.TextChoices):
    OPEN = "open", _("Open")
    HANDLED = "handled", _("Handled")


class Report(models.Model):
    """A report of a request for money or favours; only the inspectorate reads it.

    An anonymous report has no field that could lead to its sender: no
    account, network address, session or browser is stored, and the
    constraints below keep the named fields empty. Its sender follows it up
    with a code of which only the SHA-256 is kept, so that the table alone
    opens nothing. A report filed from inside an application is named: the
    file is the company's.
    """

    office = models.ForeignKey(
        Office, on_delete=models.PROTECT, related_name="+", verbose_name=_("office")
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ReportStatus.choices,
        default=ReportStatus.OPEN,
    )
    what_happened = models.TextField(_("what happened"))
    happened_on = models.DateField(_("when it happened"))
    place = models.CharField(_("where, or in which service"), max_length=200)
    amount_asked = models.PositiveBigIntegerField(
        _("amount asked (Rp)"), null=True, blank=True
    )
    who_asked = models.CharField(_("who asked"), max_length=200, blank=True)
    evidence = models.FileField(
        _("evidence"), upload_to=private_upload_path, max_length=200, blank=True
    )
    evidence_sha256 = models.CharField(
        _("SHA-256 of the evidence"), max_length=64, blank=True
    )
    is_anonymous = models.BooleanField(_("anonymous"))
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("reporter's account"),
        null=True,
        blank=True,
    )
    reporter_name = models.CharField(_("reporter's name"), max_length=150, blank=True)
    reporter_contact = models.CharField(
        _("reporter's contact"), max_length=200, blank=True
    )
    application = models.ForeignKey(
        Application,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("application"),
        null=True,
        blank=True,
    )
    officer_at_filing = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("the file's verifier when reported"),
        null=True,
        blank=True,
    )
    file_reassigned = models.BooleanField(
        _("file moved to another verifier"), default=False
    )
    code_hash = models.CharField(
        _("SHA-256 of the follow-up code"), max_length=64, unique=True
    )
    received_at = models.DateTimeField(_("received at"), auto_now_add=True)
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)

    class Meta:
        verbose_name = _("integrity report")
        verbose_name_plural = _("integrity reports")
        indexes = [
            # The inspectorate's inbox: its office's reports, open ones first.
            models.Index(
                fields=["office", "status", "received_at"], name="report_inbox_idx"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(is_anonymous=False)
                | models.Q(
                    reporter__isnull=True,
                    reporter_name="",
                    reporter_contact="",
                    application__isnull=True,
                    officer_at_filing__isnull=True,
                ),
                name="report_anonymous_has_no_sender",
            ),
            models.CheckConstraint(
                condition=models.Q(is_anonymous=True)
                | models.Q(reporter__isnull=False)
                | ~models.Q(reporter_name=""),
                name="report_named_has_name",
            ),
            models.CheckConstraint(
                condition=models.Q(application__isnull=True)
                | models.Q(reporter__isnull=False),
                name="report_from_file_has_reporter",
            ),
        ]

    def __str__(self) -> str:
        return _("Report %(number)s") % {"number": self.pk}


class EntryAuthor(models.TextChoices):
    SENDER = "sender", _("Sender")
    INSPECTORATE = "inspectorate", _("Inspectorate")


class ReportEntry(models.Model):
    """A later word on a report: the sender's addition or the inspectorate's reply."""

    report = models.ForeignKey(
        Report,
        on_delete=models.PROTECT,
        related_name="entries",
        verbose_name=_("report"),
    )
    author = models.CharField(
        _("written by"), max_length=20, choices=EntryAuthor.choices
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("inspector"),
        null=True,
        blank=True,
    )
    body = models.TextField(_("text"))
    created_at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        verbose_name = _("report entry")
        verbose_name_plural = _("report entries")
        ordering = ["created_at", "pk"]
        constraints = [
            # The sender writes with the code alone, never as an account.
            models.CheckConstraint(
                condition=models.Q(author="sender", officer__isnull=True)
                | models.Q(author="inspectorate", officer__isnull=False),
                name="report_entry_officer_only_for_replies",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_author_display()}: {self.body[:40]}"


# Each element's score column is named by its code, titled by its name.
_TITLES = {element.code: element.title for element in ELEMENTS}


class SurveyResponse(models.Model):
    """A company's answer to the satisfaction survey on one decided application.

    Who answered is on the audit record, not here: the published index
    needs the scores and their date only.
    """

    application = models.OneToOneField(
        Application,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("application"),
    )
    answered_at = models.DateTimeField(_("answered at"))
    requirements = models.PositiveSmallIntegerField(_TITLES["requirements"])
    procedure = models.PositiveSmallIntegerField(_TITLES["procedure"])
    duration = models.PositiveSmallIntegerField(_TITLES["duration"])
    cost = models.PositiveSmallIntegerField(_TITLES["cost"])
    product = models.PositiveSmallIntegerField(_TITLES["product"])
    competence = models.PositiveSmallIntegerField(_TITLES["competence"])
    conduct = models.PositiveSmallIntegerField(_TITLES["conduct"])
    complaints = models.PositiveSmallIntegerField(_TITLES["complaints"])
    facilities = models.PositiveSmallIntegerField(_TITLES["facilities"])
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        indexes = [
            # The public results group the answers by quarter.
            models.Index(fields=["answered_at"], name="survey_answered_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    **{f"{element.code}__gte": 1, f"{element.code}__lte": 4}
                ),
                name=f"survey_{element.code}_1_to_4",
            )
            for element in ELEMENTS
        ]

    def __str__(self) -> str:
        return _("Survey response %(number)s") % {"number": self.pk}
