"""The standard, its requirements and the offices' days off, edited in the admin.

Every save goes through a service: a change of the standard or of a
requirement publishes a new, audited version; a day off is audited. The
published versions and the overdue marks are records, shown read-only.

The requirements' admin is p2k3's, re-registered here with a save that
publishes: p2k3 sits below this app and must not import it.
"""

from typing import Any

from django.contrib import admin, messages
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from sikejar.accounts.models import User
from sikejar.core.errors import DomainError
from sikejar.integrity.admin import ReadOnlyModelAdmin
from sikejar.p2k3.admin import RequirementAdmin
from sikejar.p2k3.models import Requirement
from sikejar.transparency import services
from sikejar.transparency.forms import DayOffAdminForm
from sikejar.transparency.models import (
    DayOff,
    OverdueMark,
    ServiceStandard,
    StandardVersion,
)
from sikejar.transparency.standard import HEADER_LABELS


def _published(request: HttpRequest, version: StandardVersion | None) -> None:
    if version is not None:
        messages.info(
            request,
            _("Version %(number)s of the service standard is published.")
            % {"number": version.number},
        )


def _actor(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User):
        raise DomainError(_("Sign in first."))
    return user


@admin.register(ServiceStandard)
class ServiceStandardAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    fields = tuple(HEADER_LABELS)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return not ServiceStandard.objects.exists()

    def has_delete_permission(
        self, request: HttpRequest, obj: Model | None = None
    ) -> bool:
        return False

    def save_model(
        self, request: HttpRequest, obj: ServiceStandard, form: Any, change: bool
    ) -> None:
        version = services.standard_save(actor=_actor(request), standard=obj)
        _published(request, version)


admin.site.unregister(Requirement)


@admin.register(Requirement)
class PublishingRequirementAdmin(RequirementAdmin):
    """A requirement is part of the published standard; retire it, never delete it."""

    def has_delete_permission(
        self, request: HttpRequest, obj: Model | None = None
    ) -> bool:
        return False

    def save_model(
        self, request: HttpRequest, obj: Requirement, form: Any, change: bool
    ) -> None:
        version = services.requirement_save(actor=_actor(request), requirement=obj)
        _published(request, version)


@admin.register(StandardVersion)
class StandardVersionAdmin(ReadOnlyModelAdmin):
    list_display = ("number", "published_at", "published_by", "sha256")
    list_select_related = ("published_by",)
    ordering = ("-number",)


@admin.register(DayOff)
class DayOffAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Days off to come; a day that has passed is kept as it was."""

    form = DayOffAdminForm
    list_display = ("day", "office", "reason")
    list_filter = ("office",)
    list_select_related = ("office",)
    date_hierarchy = "day"
    ordering = ("-day",)

    def _is_past(self, obj: DayOff | None) -> bool:
        return obj is not None and obj.day < timezone.localdate()

    def get_readonly_fields(
        self, request: HttpRequest, obj: DayOff | None = None
    ) -> tuple[str, ...]:
        # A day off moves by removing it and adding another: both are on record.
        return ("office", "day") if obj is not None else ()

    def has_change_permission(
        self, request: HttpRequest, obj: DayOff | None = None
    ) -> bool:
        return super().has_change_permission(request, obj) and not self._is_past(obj)

    def has_delete_permission(
        self, request: HttpRequest, obj: DayOff | None = None
    ) -> bool:
        return super().has_delete_permission(request, obj) and not self._is_past(obj)

    def save_model(
        self, request: HttpRequest, obj: DayOff, form: Any, change: bool
    ) -> None:
        saved = services.day_off_set(
            actor=_actor(request), office=obj.office, day=obj.day, reason=obj.reason
        )
        obj.pk = saved.pk

    def delete_model(self, request: HttpRequest, obj: DayOff) -> None:
        services.day_off_remove(actor=_actor(request), day_off=obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[DayOff]) -> None:
        kept = 0
        for day_off in queryset:
            if self._is_past(day_off):
                kept += 1
                continue
            services.day_off_remove(actor=_actor(request), day_off=day_off)
        if kept:
            messages.warning(
                request,
                _("%(count)s days off in the past were kept: they cannot change.")
                % {"count": kept},
            )


@admin.register(OverdueMark)
class OverdueMarkAdmin(ReadOnlyModelAdmin):
    list_display = ("application", "expected_on", "marked_at")
    list_select_related = ("application",)
    ordering = ("-marked_at",)
