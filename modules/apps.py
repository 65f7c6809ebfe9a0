from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModulesConfig(AppConfig):
    name = "modules"
    verbose_name = _("Training content")

    def ready(self):
        from . import cache, search_index

        cache.connect_signals()
        search_index.connect_signals()
