"""Public tracking: what anyone holding a tracking number may learn of a file.

The timeline gives states and dates only. It is read from the file's audit
events by action and time, never their actor, reason or data, so no
officer's name, operator's name, message or document can reach the page.
Drafts are not trackable: the office has not received them.
"""

from dataclasses import dataclass
from datetime import datetime

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sikejar.core.forms import StyledForm
from sikejar.integrity.models import AuditAction, AuditEvent
from sikejar.p2k3.models import Application, ApplicationStatus

# The acts the public sees, in the words it sees them.
PUBLIC_STEPS = {
    AuditAction.APPLICATION_SUBMITTED: _("Submitted"),
    AuditAction.APPLICATION_RETURNED: _("Returned to the company for correction"),
    AuditAction.APPLICATION_RESUBMITTED: _("Corrected and submitted again"),
    AuditAction.APPLICATION_RECOMMENDED: _("Verified; waiting for the decision"),
    AuditAction.APPLICATION_SENT_BACK: _("Sent back to verification"),
    AuditAction.APPLICATION_APPROVED: _("Approved"),
    AuditAction.APPLICATION_REJECTED: _("Rejected"),
    AuditAction.APPLICATION_WITHDRAWN: _("Withdrawn by the company"),
}


class TrackForm(StyledForm):
    number = forms.CharField(
        label=_("Tracking number"),
        help_text=_("As on the receipt, for example P2K3-2026-7K3M9QXA."),
        max_length=24,
        widget=forms.TextInput(
            attrs={"autocapitalize": "characters", "spellcheck": "false"}
        ),
        error_messages={"required": _("Type the tracking number.")},
    )

    def clean_number(self) -> str:
        return str(self.cleaned_data["number"]).strip().upper()


def trackable(number: str) -> Application | None:
    """The submitted file with this number; None for drafts and unknown numbers."""
    return (
        Application.objects.filter(
            tracking_number=number.upper(), submitted_at__isnull=False
        )
        .select_related("office")
        .first()
    )


@dataclass(frozen=True)
class Step:
    at: datetime
    label: str


def public_steps(application: Application) -> list[Step]:
    """The file's states and their times, oldest first; one query."""
    rows = (
        AuditEvent.objects.filter(
            object_type=Application._meta.label_lower,
            object_id=str(application.pk),
            action__in=[action.value for action in PUBLIC_STEPS],
        )
        .order_by("seq")
        .values_list("action", "created_at")
    )
    steps = [Step(at, str(PUBLIC_STEPS[AuditAction(action)])) for action, at in rows]
    if not steps and application.submitted_at is not None:
        # A file entered from paper has no events: its dates tell the same.
        steps.append(Step(application.submitted_at, str(_("Submitted"))))
        if application.decided_at is not None:
            label = application.get_status_display()
            steps.append(Step(application.decided_at, str(label)))
    return steps


def files_ahead(application: Application) -> int | None:
    """How many files wait before this one in its queue; None when none applies.

    In verification that is the verifier's queue; awaiting the decision,
    the office's. One query.
    """
    if application.status == ApplicationStatus.IN_VERIFICATION:
        queue = Application.objects.filter(verifier_id=application.verifier_id)
    elif application.status == ApplicationStatus.RECOMMENDED:
        queue = Application.objects.filter(office_id=application.office_id)
    else:
        return None
    since = application.queued_at
    earlier = Q(queued_at__lt=since) | Q(queued_at=since, pk__lt=application.pk)
    return queue.filter(earlier, status=application.status).count()
