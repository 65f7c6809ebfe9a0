"""The course cards of the catalogue (/pelatihan/) and of the home page, rendered once and kept
in the shared cache.

What is cached is the same for every visitor: the cards are rendered without the request (no
user, no CSRF token, no messages can end up in them), per language and per topic and domain
filter. Searches are not cached (any text would make a key), and a topic only when it is one of
the catalogue's topics, so made-up ?tag= values cannot fill the cache.

Keys carry the "content" version (core/cache.py, modules/cache.py): publishing, unpublishing,
moving or deleting a page, a changed image, privacy setting, site or topic,
set a new version, and the next request renders the cards afresh. Like the other versioned
entries they are kept only when the cache is shared by every process (VERSIONED_CACHE), and for
CATALOGUE_CACHE_SECONDS at most: the cards hold cover URLs, which object storage signs for a
limited time.
"""

from __future__ import annotations

import functools
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.template.loader import get_template, render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from core.cache import versioned_key

from .models import Domain

CARDS_TEMPLATE = "modules/includes/course_cards.html"


def enabled() -> bool:
    return settings.VERSIONED_CACHE and settings.CATALOGUE_CACHE_SECONDS > 0


@functools.cache
def _template_key() -> str:
    """Changes with the cards' template, so that after a deploy which changes it the shared
    cache does not serve the old markup."""
    source = get_template(CARDS_TEMPLATE).template.source
    return hashlib.sha256(source.encode()).hexdigest()[:8]


def _cards_key(*parts: str) -> str:
    return versioned_key("content", "cards", _template_key(), get_language(), *parts)


def _cards(key: str, courses) -> SafeString:
    """The cards under `key`, rendered from `courses()` on a miss."""
    html = cache.get(key)
    if html is None:
        html = render_to_string(CARDS_TEMPLATE, {"courses": courses()})
        cache.set(key, html, settings.CATALOGUE_CACHE_SECONDS)
    return mark_safe(html)  # noqa: S308 - our own template's output


def catalogue_page(*, root, params) -> dict:
    """The catalogue's context as `selectors.catalogue_filter` gives it, with `course_cards`
    (the cards' HTML) and the topics from the cache when the request may share them. A cached
    view runs no query: the filter (whose course list reads the privacy settings at once) is
    only built on a miss."""
    from .selectors import catalogue_filter

    params = params.copy()
    if params.get("domain", "").strip() not in Domain.values:
        params["domain"] = ""  # the filter ignores it anyway: one key for any unknown value
    if not enabled() or (params.get("q") or "").strip():
        return catalogue_filter(root=root, params=params)
    uncached = functools.cache(lambda: catalogue_filter(root=root, params=params))
    tag, domain = (params.get("tag") or "").strip(), params["domain"].strip()
    tags_key = versioned_key("content", "catalogue-tags")
    tags = cache.get(tags_key)
    if tags is None:
        tags = [{"slug": t.slug, "name": t.name} for t in uncached()["tags"]]
        cache.set(tags_key, tags, settings.CATALOGUE_CACHE_SECONDS)
    if tag and tag not in {t["slug"] for t in tags}:
        return {**uncached(), "tags": tags}  # not one of the catalogue's topics: never stored
    key = _cards_key("catalogue", tag, domain)
    return {
        "tags": tags,
        "domains": Domain.choices,
        "selected_tag": tag,
        "selected_domain": domain,
        "query": "",
        "course_cards": _cards(key, lambda: uncached()["courses"]),
    }


def home_cards(*, courses) -> SafeString | None:
    """The home page's cards, from the cache or rendered from `courses()`; None when the cards
    are not cached (the page then renders them itself)."""
    if not enabled():
        return None
    return _cards(_cards_key("home"), courses)
