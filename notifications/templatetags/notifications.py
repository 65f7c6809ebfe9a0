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
        # An SVG, not the emoji: phones without an emoji font showed a box.
        '<svg aria-hidden="true" focusable="false" width="24" height="24" viewBox="0 0 24 24">'
        '<path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11'
        'a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1z"/></svg>'
        "{}</a>",
        reverse("notification_list"),
        label,
        label,
        badge,
    )
