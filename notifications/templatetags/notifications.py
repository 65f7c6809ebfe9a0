from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..selectors import unread_count

register = template.Library()


@register.simple_tag(takes_context=True)
def notification_bell(context):
    """The header bell: rendered outside the cached chrome, one cached count per user."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return ""
    count = unread_count(user=user)
    label = (
        ngettext("%(n)s unread notification", "%(n)s unread notifications", count) % {"n": count}
        if count
        else _("Notifications")
    )
    badge = format_html('<span class="bell-count">{}</span>', count) if count else ""
    return format_html(
        '<a class="bell" href="{}" aria-label="{}" title="{}">'
        '<span aria-hidden="true">&#128276;</span>{}</a>',
        reverse("notification_list"),
        label,
        label,
        badge,
    )
