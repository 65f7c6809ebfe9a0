"""Reads for the site search (/search/) and the catalogue's search: the pages whose words share
a root (modules/stemming.py) with every word of the query, from the index that
modules/search_index.py keeps, with the same answers on SQLite and PostgreSQL.

Who finds what: everyone the published, public courses and their modules (titles, summaries,
learning objectives and topics, never a lesson's text), a module as a link to its place on the
course page; lessons only the readers who may open them: enrolled volunteers (a locked module's
lessons without a link), trainers and office admins.
"""

from __future__ import annotations

import functools
import operator
from dataclasses import dataclass, field

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Case, Q, Value, When
from django.utils.translation import gettext as _

from .cache import cached, content_key
from .models import SearchEntry
from .selectors import course_outline, user_is_staff_reader, user_progress
from .stemming import index_roots, query_roots, words

PER_PAGE = 10
SNIPPET_CHARS = 220
WORDS_BEFORE = 8  # words of context before the first hit
Kind = SearchEntry.Kind


@dataclass
class Part:
    """A piece of a title or snippet; `hit` pieces are marked. Plain text: escaped when shown."""

    text: str
    hit: bool = False


@dataclass
class SearchResult:
    kind: int
    kind_label: str
    title: list[Part]
    course: str
    module: str
    url: str | None
    snippet: list[Part] = field(default_factory=list)
    note: str = ""


def _restricted_paths() -> list[str]:
    """Paths of the pages under a privacy setting: never searched (as Wagtail's public())."""
    from wagtail.models import PageViewRestriction

    return cached(
        content_key("restricted-paths"),
        lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )


def matching_entries(roots: list[str]):
    """Live, public entries holding every root, under a live course and module."""
    entries = SearchEntry.objects.filter(page__live=True, course__live=True).filter(
        Q(module__isnull=True) | Q(module__live=True)
    )
    for root in roots:
        entries = entries.filter(roots__contains=f" {root} ")
    for path in _restricted_paths():
        entries = entries.exclude(page__path__startswith=path)
    return entries


def courses_matching(query: str):
    """The ids of the courses whose own title, summary, objectives or topics match (the
    catalogue's search): a subquery, no query of its own."""
    roots = query_roots(query)
    if not roots:  # punctuation only: nothing to look for
        return SearchEntry.objects.none().values("course_id")
    return matching_entries(roots).filter(kind=Kind.COURSE).values("course_id")


def _visible_to(entries, user):
    if not user.is_authenticated:
        return entries.filter(kind__in=[Kind.COURSE, Kind.MODULE])
    if user_is_staff_reader(user):
        return entries
    enrolled, _done = user_progress(user)
    return entries.filter(
        Q(kind__in=[Kind.COURSE, Kind.MODULE]) | Q(kind=Kind.LESSON, course_id__in=enrolled)
    )


def site_search(*, query: str, user, page_number) -> tuple[PaginatorPage, list[SearchResult]]:
    """One page of results, best first: title hits, then courses, modules, lessons in course
    order. Three queries however many pages match (count, page, nothing per result)."""
    roots = query_roots(query)
    if not roots:
        return Paginator(SearchEntry.objects.none(), PER_PAGE).get_page(1), []
    title_hits = functools.reduce(
        operator.add,
        [
            Case(When(title_roots__contains=f" {root} ", then=Value(1)), default=Value(0))
            for root in roots
        ],
    )
    entries = (
        _visible_to(matching_entries(roots), user)
        .annotate(title_hits=title_hits)
        .order_by("-title_hits", "kind", "page__path")
        .select_related("page", "course", "module")
    )
    page = Paginator(entries, PER_PAGE).get_page(page_number)
    wanted = set(roots)
    return page, [_result(entry, wanted, user) for entry in page.object_list]


def _result(entry: SearchEntry, roots: set[str], user) -> SearchResult:
    course = entry.course
    result = SearchResult(
        kind=entry.kind,
        kind_label=Kind(entry.kind).label,
        title=marked(entry.page.title, roots),
        course=course.title if entry.kind != Kind.COURSE else "",
        module=entry.module.title if entry.module else "",
        url=course.url,
        snippet=snippet(entry.text, roots),
    )
    if entry.kind == Kind.MODULE:
        result.url = f"{course.url}#module-{entry.page_id}"
    elif entry.kind == Kind.LESSON:
        result.url, result.note = _lesson_link(entry, user)
    return result


def _lesson_link(entry: SearchEntry, user) -> tuple[str | None, str]:
    """The lesson's URL when the reader may open it now, else None and why (a locked module).
    The course's structure and the reader's progress come from the caches."""
    outline = course_outline(course=entry.course, user=user)
    module = outline.module_of(entry.page_id)
    if module is None:
        return None, _("This lesson is not available.")
    if module.locked and not user_is_staff_reader(user):
        return None, _("Finish the module “%(module)s” first.") % {"module": module.locked_by.title}
    return next(lesson.url for lesson in module.lessons if lesson.id == entry.page_id), ""


def _is_hit(word: str, roots: set[str]) -> bool:
    return not roots.isdisjoint(index_roots(word))


def _parts(text: str, tokens, roots: set[str], start: int, end: int) -> list[Part]:
    parts: list[Part] = []
    position = start
    for token_start, token_end, word in tokens:
        if token_start < start or token_end > end:
            continue
        if _is_hit(word, roots):
            if token_start > position:
                parts.append(Part(text[position:token_start]))
            parts.append(Part(text[token_start:token_end], hit=True))
            position = token_end
    if position < end:
        parts.append(Part(text[position:end]))
    for part in parts:  # the text keeps one line per paragraph, item or cell
        part.text = part.text.replace("\n", " · ")
    return parts


def marked(text: str, roots: set[str]) -> list[Part]:
    """The whole text with its hits marked (a title)."""
    return _parts(text, words(text), roots, 0, len(text))


def snippet(text: str, roots: set[str]) -> list[Part]:
    """About SNIPPET_CHARS of the text around its first hit (its beginning if the hit was in
    the title), cut at words, with the hits marked."""
    tokens = words(text)
    if not tokens:
        return []
    first = next((i for i, (_s, _e, word) in enumerate(tokens) if _is_hit(word, roots)), 0)
    start = tokens[max(0, first - WORDS_BEFORE)][0]
    end = start
    for _token_start, token_end, _word in tokens[max(0, first - WORDS_BEFORE) :]:
        if token_end - start > SNIPPET_CHARS:
            break
        end = token_end
    end = max(end, tokens[first][1])
    parts = _parts(text, tokens, roots, start, end)
    if start > 0:
        parts.insert(0, Part("… "))
    if end < len(text.rstrip(" .")):
        parts.append(Part(" …"))
    return parts
