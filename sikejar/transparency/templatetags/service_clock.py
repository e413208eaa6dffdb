"""The legal clock on pages of other apps: the file's page and the officers' lists.

The pages belong to p2k3; these tags bring the clock to them without p2k3
knowing about this app. A list costs three queries whatever its length.
"""

from collections.abc import Iterable
from typing import Any

from django import template

from sikejar.accounts.models import Role
from sikejar.p2k3.models import Application
from sikejar.transparency.clock import Clock, clock_of, clocks_for

register = template.Library()


@register.inclusion_tag("transparency/_clock.html", takes_context=True)
def application_clock(
    context: template.Context, application: Application
) -> dict[str, Any]:
    """The file's expected decision date and working days; none for a draft."""
    user = context.get("user")
    return {
        "clock": clock_of(application) if application.submitted_at else None,
        "for_company": getattr(user, "role", "") == Role.COMPANY,
    }


@register.simple_tag
def clocks_for_files(applications: Iterable[Application]) -> dict[int, Clock]:
    return clocks_for(applications)


@register.inclusion_tag("transparency/_clock_badge.html")
def clock_badge(clocks: dict[int, Clock], application: Application) -> dict[str, Any]:
    return {"clock": clocks.get(application.pk)}
