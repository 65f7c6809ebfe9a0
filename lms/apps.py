from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class LmsConfig(AppConfig):
    default = True  # apps.py holds a second config (the user admin's)
    name = "lms"
    verbose_name = _("PSM learning platform")

    def ready(self):
        from .backends import connect_permission_signals

        connect_permission_signals()


class UsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user admin with this project's user form (see lms/users_admin.py)."""

    default = False
    user_viewset = "lms.users_admin.UserViewSet"
