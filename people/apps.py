from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class PeopleConfig(AppConfig):
    default = True  # apps.py holds a second config (the user admin's)
    name = "people"
    # The label stays "lms": User was lms.User from the first migration, so keeping the label
    # keeps AUTH_USER_MODEL, every table name and the migration history without moving a model.
    label = "lms"
    verbose_name = _("PSM learning platform")

    def ready(self):
        from .backends import connect_permission_signals

        connect_permission_signals()


class UsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user admin with this project's user form (see people/users_admin.py)."""

    default = False
    user_viewset = "people.users_admin.UserViewSet"
