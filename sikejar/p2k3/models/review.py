"""Officers' acts on a file, the requirements they cite, and the message thread."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sikejar.p2k3.models.application import Application
from sikejar.p2k3.models.rules import Requirement


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
