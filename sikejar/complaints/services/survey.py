"""The company's answer to the satisfaction survey, once per decided file."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sikejar.accounts.models import User
from sikejar.complaints.models import SurveyResponse
from sikejar.complaints.survey import ELEMENT_CODES, SCORES
from sikejar.core.errors import DomainError
from sikejar.integrity.chain import audit_record
from sikejar.integrity.models import AuditAction
from sikejar.p2k3.models import Application, ApplicationStatus
from sikejar.p2k3.services.common import require_operator

DECIDED = (ApplicationStatus.APPROVED, ApplicationStatus.REJECTED)


@transaction.atomic
def survey_answer(
    *, actor: User, application: Application, scores: dict[str, int], comment: str = ""
) -> SurveyResponse:
    """Store one answer for the file; a second one, even a racing one, is refused."""
    require_operator(actor, application.company)
    if application.status not in DECIDED:
        raise DomainError(_("The survey opens once the application is decided."))
    if sorted(scores) != sorted(ELEMENT_CODES) or any(
        score not in SCORES for score in scores.values()
    ):
        raise DomainError(_("Rate every element from 1 to 4."))

    response = SurveyResponse(
        application=application,
        answered_at=timezone.now(),
        comment=comment.strip(),
        **scores,
    )
    try:
        with transaction.atomic():
            response.save(force_insert=True)
    except IntegrityError:
        raise DomainError(
            _("The survey was already answered for this application.")
        ) from None
    audit_record(actor=actor, action=AuditAction.SURVEY_ANSWERED, obj=response)
    return response
