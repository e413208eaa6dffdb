from django import template

from sikejar.complaints import selectors
from sikejar.complaints.services import DECIDED
from sikejar.p2k3.models import Application

register = template.Library()


@register.simple_tag
def survey_state(application: Application) -> str:
    """``open``, ``answered`` or ``closed`` (not decided yet): one query at most."""
    if application.status not in DECIDED:
        return "closed"
    return "answered" if selectors.survey_answered(application) else "open"
