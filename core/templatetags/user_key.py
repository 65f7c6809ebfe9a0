"""`{{ user.pk|user_key }}`: core.codes.user_key in a template (base.html's psm-user meta)."""

from django import template

from core.codes import user_key as _user_key

register = template.Library()


@register.filter
def user_key(user_pk) -> str:
    return _user_key(user_pk) if user_pk else ""
