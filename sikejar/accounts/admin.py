"""Administration of users, offices and regencies.

Users sign in with their e-mail address and have no username, so Django's
user admin is adapted: its forms name our fields, and the role decides
whether an office is needed.
"""

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from sikejar.accounts.models import OFFICER_ROLES, Office, Regency, User
from sikejar.accounts.services import user_save_by_admin


class _OfficeRequiredMixin:
    """An officer belongs to an office; say so on the field, not as a 500."""

    cleaned_data: dict[str, Any]

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean()  # type: ignore[misc]
        if cleaned.get("role") in OFFICER_ROLES and not cleaned.get("office"):
            self.add_error(  # type: ignore[attr-defined]
                "office", _("Verifiers, heads of office and inspectors need an office.")
            )
        return cleaned


class UserCreateForm(_OfficeRequiredMixin, AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email", "full_name", "role", "office", "nip", "language")


class UserEditForm(_OfficeRequiredMixin, UserChangeForm):  # type: ignore[type-arg]
    class Meta:
        model = User
        fields = "__all__"


@admin.register(User)
class UserAdmin(DjangoUserAdmin):  # type: ignore[type-arg]
    form = UserEditForm
    add_form = UserCreateForm
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Person"), {"fields": ("full_name", "language")}),
        (_("Role"), {"fields": ("role", "office", "nip")}),
        (
            _("Permissions"),
            {
                "fields": (
                    "is_active",
                    "is_staff",
                    "is_superuser",
                    "groups",
                    "user_permissions",
                )
            },
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": (
                    "email",
                    "full_name",
                    "role",
                    "office",
                    "nip",
                    "language",
                    "usable_password",
                    "password1",
                    "password2",
                ),
            },
        ),
    )
    list_display = ("email", "full_name", "role", "office", "is_active", "is_staff")
    list_filter = ("role", "office", "is_active", "is_staff", "is_superuser")
    list_select_related = ("office",)
    search_fields = ("email", "full_name", "nip")
    ordering = ("email",)
    readonly_fields = ("last_login", "date_joined")

    def save_model(
        self, request: HttpRequest, obj: User, form: Any, change: bool
    ) -> None:
        user_save_by_admin(
            actor=request.user,  # type: ignore[arg-type]
            user=obj,
            changed=list(form.changed_data),
            created=not change,
        )


@admin.register(Office)
class OfficeAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("name", "short_name", "city", "province_code")
    search_fields = ("name", "short_name", "city")
    filter_horizontal = ("regencies",)


@admin.register(Regency)
class RegencyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("code", "name", "source_edition")
    search_fields = ("code", "name")
    ordering = ("code",)
