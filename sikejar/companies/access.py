"""Who may see a company's records, and who may act on them.

Company pages are for the company's active operators only: anyone else,
pending members and officers included, gets 404, so a company's existence
is not disclosed. Officers read company data through the applications
they handle. Registering or joining a company is for company users: other
roles may see that the page exists but get 403.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from sikejar.accounts.models import Role, User
from sikejar.companies.models import Company, MembershipStatus, SafetyExpert


def require_company_user(user: User) -> None:
    if user.role != Role.COMPANY:
        raise PermissionDenied(_("Only company operators may do this."))


def company_for_operator(user: User, pk: int) -> Company:
    if user.role != Role.COMPANY or not user.is_active:
        raise Http404(_("No such company."))
    company = (
        Company.objects.select_related("regency")
        .filter(
            pk=pk,
            memberships__user=user,
            memberships__status=MembershipStatus.ACTIVE,
        )
        .first()
    )
    if company is None:
        raise Http404(_("No such company."))
    return company


def expert_for_operator(user: User, company_pk: int, expert_pk: int) -> SafetyExpert:
    company = company_for_operator(user, company_pk)
    expert = company.experts.filter(pk=expert_pk).first()
    if expert is None:
        raise Http404(_("No such safety expert."))
    expert.company = company
    return expert
