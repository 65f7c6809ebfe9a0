from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        from django.urls import reverse
        from django.utils.translation import gettext_lazy as _

        from .kinds import Kind, register
        from .models import Channel

        register(
            Kind(
                key="announcement",
                label=_("Announcements from the office"),
                title="%(title)s",  # the office's own words, as written
                body="%(body)s",
                url=lambda n: reverse("notification_list"),
                channels=(Channel.INAPP, Channel.PUSH),
            )
        )
        from . import receivers

        receivers.connect()
