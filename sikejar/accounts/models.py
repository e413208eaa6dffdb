from typing import Any, ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


class Regency(models.Model):
    """A regency (kabupaten) or city (kota), by the Home Affairs code."""

    code = models.CharField(_("code"), max_length=5, unique=True)
    name = models.CharField(_("name"), max_length=100)
    source_edition = models.CharField(
        _("source edition"),
        max_length=100,
        help_text=_("The Home Affairs regulation the code was taken from."),
    )

    class Meta:
        verbose_name = _("regency or city")
        verbose_name_plural = _("regencies and cities")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class Office(models.Model):
    """A labour office: the unit that verifies, decides and signs."""

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=50)
    province_code = models.CharField(_("province code"), max_length=2)
    address = models.TextField(_("address"))
    city = models.CharField(_("city"), max_length=100)
    regencies = models.ManyToManyField(
        Regency,
        related_name="offices",
        verbose_name=_("regencies served"),
        blank=True,
    )

    class Meta:
        verbose_name = _("office")
        verbose_name_plural = _("offices")

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    COMPANY = "company", _("Company operator")
    VERIFIER = "verifier", _("Verifier")
    HEAD = "head", _("Head of office")
    INSPECTORATE = "inspectorate", _("Inspectorate")
    ADMIN = "admin", _("Administrator")


OFFICER_ROLES = (Role.VERIFIER, Role.HEAD, Role.INSPECTORATE)


class SikejarUserManager(UserManager["User"]):
    """Users sign in with their e-mail address; there is no username."""

    def _create_user(
        self, email: str, password: str | None, **extra_fields: Any
    ) -> "User":
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(  # type: ignore[override]
        self, email: str, password: str | None = None, **extra_fields: Any
    ) -> "User":
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(  # type: ignore[override]
        self, email: str, password: str | None = None, **extra_fields: Any
    ) -> "User":
        extra_fields.update(is_staff=True, is_superuser=True, role=Role.ADMIN)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person who signs in: a company operator or an officer of one office."""

    username = None  # type: ignore[assignment]
    first_name = None  # type: ignore[assignment]
    last_name = None  # type: ignore[assignment]
    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    role = models.CharField(
        _("role"), max_length=20, choices=Role.choices, default=Role.COMPANY
    )
    office = models.ForeignKey(
        Office,
        on_delete=models.PROTECT,
        related_name="officers",
        verbose_name=_("office"),
        null=True,
        blank=True,
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("Pages and e-mails use this language."),
    )
    nip = models.CharField(
        _("NIP"),
        max_length=18,
        blank=True,
        help_text=_("Civil-servant number, for officers."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    objects: ClassVar[SikejarUserManager] = SikejarUserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(role__in=[role.value for role in OFFICER_ROLES])
                | models.Q(office__isnull=False),
                name="officer_has_office",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name or self.email

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email

    @property
    def is_officer(self) -> bool:
        return self.role in OFFICER_ROLES
