from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class P2k3Config(AppConfig):
    name = "sikejar.p2k3"
    verbose_name = _("P2K3 approval")
