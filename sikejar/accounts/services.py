from django.db import transaction

from sikejar.accounts.models import User
from sikejar.integrity.chain import audit_record
from sikejar.integrity.models import AuditAction

# Changes that decide who may act on files; each is on the record.
AUDITED_FIELDS = frozenset(
    {"email", "role", "office", "nip", "is_active", "is_staff", "is_superuser"}
)


def user_set_language(*, user: User, language: str) -> None:
    """A preference, not an act on a file: it is not audited."""
    if user.language != language:
        user.language = language
        user.save(update_fields=["language"])


@transaction.atomic
def user_record_signup(*, user: User) -> None:
    """Put a self-service sign-up on the record (allauth has saved the user)."""
    audit_record(
        actor=user,
        action=AuditAction.USER_SIGNED_UP,
        obj=user,
        new_state=user.role,
    )


@transaction.atomic
def user_save_by_admin(
    *, actor: User, user: User, changed: list[str], created: bool
) -> None:
    """Save a user edited in the admin; role, office and access changes are audited."""
    old_role = "" if created else User.objects.get(pk=user.pk).role
    user.save()

    audited = sorted(AUDITED_FIELDS.intersection(changed))
    if created or audited:
        audit_record(
            actor=actor,
            action=AuditAction.USER_CREATED if created else AuditAction.USER_UPDATED,
            obj=user,
            old_state=old_role,
            new_state=user.role,
            data={"changed": audited, "office": user.office_id},
        )
