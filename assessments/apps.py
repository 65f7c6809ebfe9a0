from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = _("Assessments")

    def ready(self):
        # Here, not at the top: receivers imports models, which cannot load before the app
        # registry is ready (this module is imported while it is being filled).
        from . import receivers

        receivers.connect()

        from . import notices

        notices.register_kinds()
