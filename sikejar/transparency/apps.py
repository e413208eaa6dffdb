from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TransparencyConfig(AppConfig):
    name = "sikejar.transparency"
    verbose_name = _("Service standard and statistics")
