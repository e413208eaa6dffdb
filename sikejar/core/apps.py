from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "sikejar.core"
    verbose_name = _("Core")

    def ready(self) -> None:
        # Shared tasks bind to our Celery app (and its eager setting) once it
        # exists. Loaded here rather than in sikejar/__init__.py, so that the
        # standalone log verifier can import sikejar.integrity without Celery.
        from sikejar import celery  # noqa: F401
