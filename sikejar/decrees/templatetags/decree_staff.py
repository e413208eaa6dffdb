"""The decree's sections on the application page and on the company page.

The pages belong to other apps; these tags bring the decree to them without
their views knowing about decrees.
"""

from typing import Any

from django import template
from django.db.models import Exists

from sikejar.accounts.models import Role
from sikejar.companies.models import Company
from sikejar.decrees.models import Decree, DecreeStatus
from sikejar.p2k3.models import OPEN_STATUSES, Application, ApplicationStatus

register = template.Library()

_IN_PROGRESS = (ApplicationStatus.DRAFT, *OPEN_STATUSES)


@register.inclusion_tag("decrees/staff_application_decree.html", takes_context=True)
def application_decree(
    context: template.Context, application: Application
) -> dict[str, Any]:
    """The decree issued on this file, if any; one query, none before approval."""
    if application.status != ApplicationStatus.APPROVED:
        return {"decree": None}
    decree = (
        Decree.objects.select_related("replaced_by")
        .filter(application=application)
        .first()
    )
    user = context["user"]
    return {
        "decree": decree,
        "can_cancel": decree is not None
        and decree.status == DecreeStatus.IN_FORCE
        and user.role == Role.HEAD
        and user.office_id == decree.office_id,
    }


@register.inclusion_tag("decrees/staff_company_decree.html", takes_context=True)
def company_decree(context: template.Context, company: Company) -> dict[str, Any]:
    """The decree in force and whether an amendment can start; one query."""
    busy = Application.objects.filter(company=company, status__in=_IN_PROGRESS)
    decree = (
        Decree.objects.filter(
            application__company=company, status=DecreeStatus.IN_FORCE
        )
        .annotate(busy=Exists(busy))
        .first()
    )
    return {
        "company": company,
        "decree": decree,
        "csrf_token": context.get("csrf_token"),
    }
