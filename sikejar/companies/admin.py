"""Companies in the admin: readable, plus the consent to a company's first operator.

Profiles and experts change only through the operators' pages, whose
services audit every change. The one act an administrator does here is to
consent to (or refuse) a request to act for a company, after checking the
company's NIB in OSS; the actions call the same services as the operators.
"""

from typing import Protocol, cast

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from sikejar.accounts.models import Role, User
from sikejar.companies import services
from sikejar.companies.models import Company, Membership, SafetyExpert
from sikejar.core.errors import DomainError
from sikejar.integrity.admin import ReadOnlyInline, ReadOnlyModelAdmin


class _Decision(Protocol):
    def __call__(
        self, *, actor: User, membership: Membership, reason: str = ""
    ) -> Membership: ...


class MembershipInline(ReadOnlyInline):
    model = Membership
    fk_name = "company"
    fields = ("user", "status", "requested_at", "decided_at", "decided_by")


class ExpertInline(ReadOnlyInline):
    model = SafetyExpert
    fields = ("full_name", "skp_number", "skp_expires_on", "licence_expires_on")


@admin.register(Company)
class CompanyAdmin(ReadOnlyModelAdmin):
    list_display = ("legal_name", "nib", "legal_form", "regency", "risk_level")
    list_filter = ("legal_form", "risk_level", "regency")
    list_select_related = ("regency",)
    search_fields = ("legal_name", "nib")
    inlines = (MembershipInline, ExpertInline)


@admin.register(SafetyExpert)
class SafetyExpertAdmin(ReadOnlyModelAdmin):
    list_display = ("full_name", "company", "skp_number", "skp_expires_on")
    list_select_related = ("company",)
    search_fields = ("full_name", "skp_number", "certificate_number", "company__nib")
    date_hierarchy = "skp_expires_on"
    # Scans are served only through the operators' access-checked download view.
    exclude = ("certificate_scan", "skp_scan", "licence_scan")


@admin.register(Membership)
class MembershipAdmin(ReadOnlyModelAdmin):
    list_display = ("user", "company", "company_nib", "status", "requested_at")
    list_filter = ("status",)
    list_select_related = ("user", "company")
    search_fields = (
        "user__email",
        "user__full_name",
        "company__legal_name",
        "company__nib",
    )
    ordering = ("-requested_at",)
    actions = ("approve", "reject")

    @admin.display(description=gettext_lazy("NIB"), ordering="company__nib")
    def company_nib(self, membership: Membership) -> str:
        return membership.company.nib

    def has_consent_permission(self, request: HttpRequest) -> bool:
        user = request.user
        return isinstance(user, User) and user.role == Role.ADMIN and user.is_active

    @admin.action(
        description=gettext_lazy("Consent: the NIB is checked, let them act"),
        permissions=["consent"],
    )
    def approve(self, request: HttpRequest, queryset: QuerySet[Membership]) -> None:
        self._decide(request, queryset, services.membership_approve)

    @admin.action(
        description=gettext_lazy("Refuse the selected requests"),
        permissions=["consent"],
    )
    def reject(self, request: HttpRequest, queryset: QuerySet[Membership]) -> None:
        self._decide(request, queryset, services.membership_reject)

    def _decide(
        self,
        request: HttpRequest,
        queryset: QuerySet[Membership],
        service: _Decision,
    ) -> None:
        """Decide each request on its own, so that one refusal stops no other."""
        actor = cast(User, request.user)
        decided = 0
        for membership in queryset.select_related("user", "company"):
            try:
                service(actor=actor, membership=membership)
            except DomainError as exc:
                self.message_user(
                    request,
                    _("%(request)s: %(error)s") % {"request": membership, "error": exc},
                    level=messages.ERROR,
                )
            else:
                decided += 1
        if decided:
            self.message_user(
                request,
                ngettext(
                    "%(count)d request decided.",
                    "%(count)d requests decided.",
                    decided,
                )
                % {"count": decided},
                level=messages.SUCCESS,
            )
