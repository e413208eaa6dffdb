from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

GENESIS_HASH = "0" * 64


class AuditAction(models.TextChoices):
    """Every kind of act the audit log knows; a new act needs a new member."""

    USER_SIGNED_UP = "user.signed_up", _("User signed up")
    USER_CREATED = "user.created", _("User created by an administrator")
    USER_UPDATED = "user.updated", _("User's role or access changed")
    COMPANY_REGISTERED = "company.registered", _("Company registered")
    COMPANY_UPDATED = "company.updated", _("Company profile updated")
    MEMBERSHIP_REQUESTED = "membership.requested", _("Joining a company requested")
    MEMBERSHIP_APPROVED = "membership.approved", _("Joining a company approved")
    MEMBERSHIP_REJECTED = "membership.rejected", _("Joining a company refused")
    EXPERT_REGISTERED = "expert.registered", _("Safety expert registered")
    EXPERT_UPDATED = "expert.updated", _("Safety expert updated")
    APPLICATION_CREATED = "application.created", _("Application drafted")
    APPLICATION_UPDATED = "application.updated", _("Application draft saved")
    DOCUMENT_UPLOADED = "document.uploaded", _("Document uploaded")
    APPLICATION_SUBMITTED = "application.submitted", _("Application submitted")
    APPLICATION_ASSIGNED = "application.assigned", _("Application assigned")
    APPLICATION_RETURNED = "application.returned", _("Returned for correction")
    APPLICATION_RESUBMITTED = "application.resubmitted", _("Corrected and resubmitted")
    APPLICATION_RECOMMENDED = "application.recommended", _("Recommendation made")
    APPLICATION_SENT_BACK = "application.sent_back", _("Sent back to the verifier")
    APPLICATION_APPROVED = "application.approved", _("Application approved")
    APPLICATION_REJECTED = "application.rejected", _("Application rejected")
    APPLICATION_WITHDRAWN = "application.withdrawn", _("Application withdrawn")
    MESSAGE_POSTED = "message.posted", _("Message posted")
    SIGNER_INSTALLED = "signer.installed", _("Signing certificate installed")
    DECREE_ISSUED = "decree.issued", _("Decree issued")
    DECREE_REPLACED = "decree.replaced", _("Decree replaced")
    DECREE_CANCELLED = "decree.cancelled", _("Decree cancelled")
    STANDARD_PUBLISHED = "standard.published", _("Service standard published")
    DAY_OFF_SET = "day_off.set", _("Office day off set")
    APPLICATION_OVERDUE = "application.overdue", _("Processing limit passed")
    APPLICATION_TAKEN_OUT_OF_TURN = "application.out_of_turn", _("Taken out of turn")
    APPLICATION_REASSIGNED = "application.reassigned", _("Application reassigned")
    CONFLICT_DECLARED = "conflict.declared", _("Conflict of interest declared")
    FILE_VIEWED = "file.viewed", _("File viewed by an officer")
    DOCUMENT_DOWNLOADED = "document.downloaded", _("Document downloaded by an officer")
    REPORT_FILED = "report.filed", _("Integrity report filed")
    REPORT_UPDATED = "report.updated", _("Integrity report handled")
    SURVEY_ANSWERED = "survey.answered", _("Satisfaction survey answered")


class AuditEvent(models.Model):
    """One act on the record: append-only and chained to the event before it.

    ``hash`` is the SHA-256 of the event's canonical content, which includes
    ``prev_hash``; editing, removing, inserting or moving an event therefore
    breaks the chain at that point (see ``integrity.chain``).
    """

    seq = models.PositiveBigIntegerField(_("sequence number"), unique=True)
    created_at = models.DateTimeField(_("time"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("actor"),
        null=True,
        blank=True,
    )
    actor_role = models.CharField(_("actor's role"), max_length=20)
    action = models.CharField(_("action"), max_length=40, choices=AuditAction.choices)
    object_type = models.CharField(_("object type"), max_length=60)
    object_id = models.CharField(_("object id"), max_length=40)
    old_state = models.CharField(_("old state"), max_length=40, blank=True)
    new_state = models.CharField(_("new state"), max_length=40, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    data = models.JSONField(_("data"), default=dict, blank=True)
    salt = models.CharField(
        _("salt"),
        max_length=32,
        blank=True,
        help_text=_("Random; keeps the private part's digest from being guessed."),
    )
    prev_hash = models.CharField(_("previous hash"), max_length=64)
    hash = models.CharField(_("hash"), max_length=64, unique=True)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["seq"]
        indexes = [
            # An object's history page reads its events in order.
            models.Index(
                fields=["object_type", "object_id", "seq"], name="audit_object_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action}"


class AuditChainHead(models.Model):
    """The single row that writers lock to append, and the chain's last link.

    Locking the last event would not do: two writers both lock the same
    "last" row and then both insert a successor. The head also lets
    verification notice events removed from the end of the chain.
    """

    seq = models.PositiveBigIntegerField(_("last sequence number"), default=0)
    hash = models.CharField(_("last hash"), max_length=64, default=GENESIS_HASH)

    class Meta:
        verbose_name = _("audit chain head")
        verbose_name_plural = _("audit chain head")
        constraints = [
            models.CheckConstraint(condition=models.Q(pk=1), name="audit_head_single"),
        ]

    def __str__(self) -> str:
        return f"#{self.seq} {self.hash[:12]}"


class Checkpoint(models.Model):
    """A signed statement of the log's size and Merkle root at one moment.

    Published: anyone holding two checkpoints can check that the log only
    grew between them, and that a given event is in it.
    """

    tree_size = models.PositiveBigIntegerField(_("tree size"), unique=True)
    root_hash = models.CharField(_("root hash"), max_length=64)
    signed_at = models.DateTimeField(_("signed at"))
    note = models.TextField(_("signed note"))
    signature = models.TextField(_("signature (base64)"))
    key_id = models.CharField(_("key id"), max_length=16)

    class Meta:
        verbose_name = _("checkpoint")
        verbose_name_plural = _("checkpoints")
        ordering = ["tree_size"]

    def __str__(self) -> str:
        return f"{self.tree_size} {self.root_hash[:12]}"
