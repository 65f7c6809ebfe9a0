from axes.backends import AxesStandaloneBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from .phone import looks_like_phone, normalize_phone


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
