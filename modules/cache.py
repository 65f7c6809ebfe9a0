"""Published content in the shared cache, under the "content" version (core/cache.py).

A routed page, its privacy settings, a course's structure and a lesson's rendered body are the
same for every reader. Any change that could alter published content (a page saved, published,
unpublished, moved or deleted; a privacy setting; a site; an image or document) bumps the
version, so every app server sees the change at its next request. Nothing per-user is here.
"""

from __future__ import annotations

from core.cache import bump, cached, versioned_key

__all__ = ["cached", "content_key", "progress_changed", "progress_key"]


def content_key(*parts) -> str:
    return versioned_key("content", *parts)


def progress_key(user_id: int, *parts) -> str:
    """A volunteer's own enrolments and finished lessons, under a version of their own."""
    return versioned_key(f"progress:{user_id}", *parts)


def progress_changed(*user_ids: int) -> None:
    """Called by every write of enrolments and lesson completions (modules.services,
    cohorts.services) and on their deletion (signals below)."""
    for user_id in user_ids:
        bump(f"progress:{user_id}")


def _progress_row_deleted(sender, instance, **kwargs) -> None:
    progress_changed(instance.user_id)


def content_changed(**kwargs) -> None:
    """Signal receiver: published content may differ from now on."""
    bump("content")


def _model_changed(sender, **kwargs) -> None:
    from taggit.models import Tag
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page, PageViewRestriction, Site

    # Tags: a renamed or deleted topic changes the catalogue's filter and its cards.
    watched = (Page, PageViewRestriction, Site, get_image_model(), get_document_model(), Tag)
    if issubclass(sender, watched):
        content_changed()


def connect_signals() -> None:
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(content_changed, dispatch_uid=f"psm-content-{id(signal)}")
    post_save.connect(_model_changed, dispatch_uid="psm-content-save")
    post_delete.connect(_model_changed, dispatch_uid="psm-content-delete")

    from .models import Enrollment, LessonCompletion

    for model in (Enrollment, LessonCompletion):  # deleted in the admin or by a cascade
        post_delete.connect(
            _progress_row_deleted, sender=model, dispatch_uid=f"psm-progress-{model}"
        )


def route_for_request(request, path: str) -> None:
    """Wagtail's own routing (site, then page), kept per host and path: Wagtail walks the tree
    with two queries per URL segment, and every volunteer asks the same. Sets what Wagtail's
    serve view reads (request._wagtail_site, request._wagtail_route_for_request)."""
    from wagtail.models import Page, Site
    from wagtail.url_routing import RouteResult

    def route():
        site = Site.find_for_request(request)
        result = Page.route_for_request(request, path)
        # Only plain page routes: not a 404 (unknown paths must not fill the cache), nor a
        # route with arguments (a routable page's sub-view).
        if site is None or result is None or result[1] or result[2]:
            return None
        page = result[0]
        page._psm_restriction_ids = page.restriction_ids()  # checked on every view
        return site, page

    key = content_key("route", request.get_host(), request.get_port(), path)  # host validated
    hit = cached(key, route)
    if hit is not None:
        request._wagtail_site, page = hit
        request._wagtail_route_for_request = RouteResult(page)


class CachedViewRestrictions:
    """Page mixin: which privacy settings (PageViewRestriction) apply, from the cached route.
    Wagtail checks them on every page view with two queries; most pages have none, and then
    the answer is an empty queryset that runs no query at all."""

    def restriction_ids(self) -> list[int]:
        ids = getattr(self, "_psm_restriction_ids", None)
        if ids is None:
            ids = cached(
                content_key("restrictions", self.path),
                lambda: list(
                    super(CachedViewRestrictions, self)
                    .get_view_restrictions()
                    .values_list("pk", flat=True)
                ),
            )
        return ids

    def get_view_restrictions(self):
        from wagtail.models import PageViewRestriction

        ids = self.restriction_ids()
        if not ids:
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(pk__in=ids)
