"""Roles are groups; their names and the checks on them live here and nowhere else."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

VOLUNTEER_GROUP = "Relawan"
TRAINER_GROUP = "Pelatih"
OFFICE_ADMIN_GROUP = "Admin Dinsos"


def _groups(user) -> set[str]:
    if not hasattr(user, "_group_names"):
        user._group_names = set(user.groups.values_list("name", flat=True))
    return user._group_names


def is_office_admin(user) -> bool:
    return user.is_superuser or OFFICE_ADMIN_GROUP in _groups(user)


def is_trainer(user) -> bool:
    return user.is_authenticated and (is_office_admin(user) or TRAINER_GROUP in _groups(user))


def trainer_required(view):
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_trainer(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper
