from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplaintsConfig(AppConfig):
    name = "sikejar.complaints"
    verbose_name = _("Integrity reports and satisfaction survey")
