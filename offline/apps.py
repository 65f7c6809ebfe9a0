from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OfflineConfig(AppConfig):
    """Study without a signal: the app shell (manifest, service worker, offline page), course
    and quiz packs, and the sync of what a volunteer did offline."""

    name = "offline"
    verbose_name = _("Offline study")
