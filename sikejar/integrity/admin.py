"""The audit log in the admin: readable by administrators, changeable by nobody.

Events are only ever appended by ``integrity.chain.audit_record`` inside the
acting service; an edit here would break the chain, so the admin offers none.
"""

from typing import Any

from django.contrib import admin
from django.db.models import Model
from django.http import HttpRequest

from sikejar.integrity.models import AuditChainHead, AuditEvent, Checkpoint


def _shown_fields(admin_options: Any) -> list[str]:
    """Every field the page shows, all of them read-only."""
    if admin_options.fields:
        return list(admin_options.fields)
    excluded = set(admin_options.exclude or ())
    return [
        field.name
        for field in admin_options.model._meta.fields
        if field.name not in excluded
    ]


class _ReadOnly:
    """No add, change or delete: these records change only through services."""

    def get_readonly_fields(
        self, request: HttpRequest, obj: Model | None = None
    ) -> list[str]:
        return _shown_fields(self)

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(
        self, request: HttpRequest, obj: Model | None = None
    ) -> bool:
        return False

    def has_delete_permission(
        self, request: HttpRequest, obj: Model | None = None
    ) -> bool:
        return False


class ReadOnlyModelAdmin(_ReadOnly, admin.ModelAdmin):  # type: ignore[type-arg]
    """Shows records that only services may change."""


class ReadOnlyInline(_ReadOnly, admin.TabularInline):  # type: ignore[type-arg]
    extra = 0
    can_delete = False
    show_change_link = False


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyModelAdmin):
    list_display = (
        "seq",
        "created_at",
        "action",
        "actor",
        "actor_role",
        "object_type",
        "object_id",
        "old_state",
        "new_state",
    )
    list_filter = ("action", "actor_role", "object_type")
    list_select_related = ("actor",)
    search_fields = ("object_id", "hash", "actor__email")
    date_hierarchy = "created_at"
    ordering = ("-seq",)
    show_full_result_count = False


@admin.register(AuditChainHead)
class AuditChainHeadAdmin(ReadOnlyModelAdmin):
    list_display = ("seq", "hash")


@admin.register(Checkpoint)
class CheckpointAdmin(ReadOnlyModelAdmin):
    list_display = ("tree_size", "root_hash", "signed_at", "key_id")
