"""The checklist and rule versions, editable; applications, readable only.

Administrators publish the office's requirements and the figures of each
rule version here. Applications and everything attached to them change
state only through the workflow services, which audit every act, so the
admin shows them without offering to add, change or delete anything.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from sikejar.integrity.admin import ReadOnlyInline, ReadOnlyModelAdmin
from sikejar.p2k3.models import (
    Application,
    ApplicationDocument,
    Citation,
    CommitteeMember,
    Message,
    Requirement,
    Review,
    RuleVersion,
)


@admin.register(RuleVersion)
class RuleVersionAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("code", "title", "is_default", "admin_only", "mandatory_workers")
    list_filter = ("is_default", "admin_only")
    search_fields = ("code", "title")
    fieldsets = (
        (None, {"fields": ("code", "title", "citation", "is_default", "admin_only")}),
        (
            _("Figures of the regulation"),
            {
                "fields": (
                    "mandatory_workers",
                    "mandatory_risk_levels",
                    "min_members_large",
                    "min_members_small",
                    "small_workplace_from",
                    "report_period_months",
                    "validity_months",
                )
            },
        ),
    )


@admin.register(Requirement)
class RequirementAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("order", "code", "title", "needs_document", "is_active")
    list_display_links = ("code", "title")
    list_editable = ("order", "is_active")
    list_filter = ("is_active", "needs_document")
    search_fields = ("code", "title", "description", "legal_basis")
    ordering = ("order", "code")


class CommitteeMemberInline(ReadOnlyInline):
    model = CommitteeMember
    fields = ("order", "full_name", "role", "element", "position", "expert")


class DocumentInline(ReadOnlyInline):
    model = ApplicationDocument
    fields = (
        "requirement",
        "original_name",
        "sha256",
        "size",
        "uploaded_by",
        "uploaded_at",
        "is_current",
    )


class ReviewInline(ReadOnlyInline):
    model = Review
    fields = ("created_at", "officer", "outcome", "reasons")


@admin.register(Application)
class ApplicationAdmin(ReadOnlyModelAdmin):
    list_display = (
        "tracking_number",
        "company",
        "kind",
        "status",
        "office",
        "verifier",
        "submitted_at",
        "decided_at",
    )
    list_filter = ("status", "kind", "office", "rule_version")
    list_select_related = ("company", "office", "verifier")
    search_fields = ("tracking_number", "company__legal_name", "company__nib")
    date_hierarchy = "submitted_at"
    inlines = (CommitteeMemberInline, DocumentInline, ReviewInline)


@admin.register(CommitteeMember)
class CommitteeMemberAdmin(ReadOnlyModelAdmin):
    list_display = ("full_name", "role", "element", "position", "application")
    list_filter = ("role", "element")
    list_select_related = ("application",)
    search_fields = ("full_name", "application__tracking_number")


@admin.register(ApplicationDocument)
class ApplicationDocumentAdmin(ReadOnlyModelAdmin):
    list_display = (
        "original_name",
        "application",
        "requirement",
        "uploaded_at",
        "is_current",
    )
    list_filter = ("is_current", "requirement")
    list_select_related = ("application", "requirement")
    search_fields = ("original_name", "sha256", "application__tracking_number")
    # The file itself is served only through the access-checked download view.
    exclude = ("file",)


class CitationInline(ReadOnlyInline):
    model = Citation
    fields = ("requirement", "explanation")


@admin.register(Review)
class ReviewAdmin(ReadOnlyModelAdmin):
    list_display = ("application", "officer", "outcome", "created_at")
    list_filter = ("outcome",)
    list_select_related = ("application", "officer")
    search_fields = ("application__tracking_number", "reasons")
    inlines = (CitationInline,)


@admin.register(Message)
class MessageAdmin(ReadOnlyModelAdmin):
    list_display = ("application", "author", "created_at")
    list_select_related = ("application", "author")
    search_fields = ("application__tracking_number", "body")
