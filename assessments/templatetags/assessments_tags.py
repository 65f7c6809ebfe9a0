from django import template

register = template.Library()


@register.filter
def getkey(post, statement_pk):
    """The posted 1-5 value of statement `statement_pk` (re-shows a form after an error)."""
    return post.get(f"s{statement_pk}", "") if post else ""


@register.filter
def lookup(mapping, key):
    return mapping.get(key, "") if mapping else ""
