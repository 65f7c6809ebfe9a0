from axes.backends import AxesStandaloneBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from core.cache import bump, cached, versioned_key
from core.phone import looks_like_phone, normalize_phone


class UsernameOrPhoneBackend(ModelBackend):
    """Authenticate with the username, or with the phone number in any Indonesian format."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username and looks_like_phone(username):
            user = get_user_model().objects.filter(phone=normalize_phone(username)).first()
            if user is not None:
                if user.check_password(password) and self.user_can_authenticate(user):
                    return user
                return None
        return super().authenticate(request, username=username, password=password, **kwargs)

    def get_all_permissions(self, user_obj, obj=None):
        """Django's answer, kept in the shared cache: the menu asks on every page, and Django
        would run two queries per request for it. Any change to a user's groups or
        permissions, or a group's permissions, sets a new version (permissions_changed), so a
        revoked permission is gone on every app server at the next request."""
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            user_obj._perm_cache = cached(
                versioned_key("permissions", user_obj.pk),
                lambda: super(UsernameOrPhoneBackend, self).get_all_permissions(user_obj),
            )
        return user_obj._perm_cache


def permissions_changed(**kwargs) -> None:
    bump("permissions")


def connect_permission_signals() -> None:
    from django.contrib.auth.models import Group, Permission
    from django.db.models.signals import m2m_changed, post_delete, post_save

    User = get_user_model()
    for through in (User.groups.through, User.user_permissions.through, Group.permissions.through):
        m2m_changed.connect(
            permissions_changed, sender=through, dispatch_uid=f"psm-perms-{through}"
        )
    for model in (Group, Permission):
        post_save.connect(permissions_changed, sender=model, dispatch_uid=f"psm-perms-s-{model}")
        post_delete.connect(permissions_changed, sender=model, dispatch_uid=f"psm-perms-d-{model}")


class LoginThrottleBackend(AxesStandaloneBackend):
    """django-axes' lockout check, first in AUTHENTICATION_BACKENDS.

    Every login over HTTP (the site's login page, the Wagtail admin's, password forms) passes
    the request and is throttled. `authenticate()` without a request (the test client's
    `login()`, the shell) is not an HTTP attempt: there is no address to count, so the check
    steps aside instead of raising, and the next backend decides."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
