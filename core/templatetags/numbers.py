"""`{{ value|num }}` (or `|num:1` for at most one decimal): core.numbers.format_number in a
template. A builtin (lms/settings/base.py), so no template needs to load it."""

from django import template

from core.numbers import format_number

register = template.Library()


@register.filter(is_safe=True)
def num(value, places=2):
    try:
        places = int(places)
    except (TypeError, ValueError):
        places = 2
    return format_number(value, places=places)
