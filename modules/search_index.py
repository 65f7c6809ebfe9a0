"""The site search's index: one SearchEntry per course, module and lesson, rebuilt whenever the
page is saved with content (publishing included) or moved. Works on the real page models and
on a migration's historical ones (migrations/0006 fills the table for existing pages)."""

from __future__ import annotations

import html
import re

from django.utils.html import strip_tags
from wagtail import blocks

from .stemming import text_roots

STEPLEN = 4  # treebeard path segment length used by Wagtail
# A save with update_fields touching none of these (a draft saved, Wagtail's bookkeeping)
# leaves the published text as it was.
INDEXED_FIELDS = {"title", "summary", "objectives", "intro", "body", "live", "path", "url_path"}
COURSE, MODULE, LESSON = 1, 2, 3  # SearchEntry.Kind


_BLOCK_END = re.compile(r"</(p|h\d|li|blockquote)>|<br\s*/?>", re.I)


def rich_text(source: str) -> str:
    """Rich text as its reader sees it: one line per paragraph or item, entities decoded."""
    return html.unescape(strip_tags(_BLOCK_END.sub("\n", source)))


def _tag_names(page, apps=None) -> list[str]:
    if apps is None:  # the page's own tags, saved or not yet (modelcluster keeps them)
        return [tag.name for tag in page.tags.all()]
    through = apps.get_model("modules", f"{type(page).__name__}Tag")  # a migration's models
    return list(
        through.objects.filter(content_object_id=page.pk).values_list("tag__name", flat=True)
    )


def block_text(block, value) -> list[str]:
    """What a reader sees of a block's value: Wagtail's searchable content without choices
    (a heading's level or a callout's kind would put "h2" or "Tip" in every snippet)."""
    if isinstance(block, blocks.ChoiceBlock) or value is None:
        return []
    if isinstance(block, blocks.RichTextBlock):
        return [rich_text(value.source)]
    if isinstance(block, blocks.StreamBlock):
        return [text for child in value for text in block_text(child.block, child.value)]
    if isinstance(block, blocks.StructBlock):
        return [
            text
            for name, child in block.child_blocks.items()
            for text in block_text(child, value.get(name))
        ]
    if isinstance(block, blocks.ListBlock):
        return [text for item in value for text in block_text(block.child_block, item)]
    return block.get_searchable_content(value)


def page_text(page, kind: int) -> str:
    """What a reader sees of a page besides its title and topics, one line per piece."""
    if kind == LESSON:
        stream_block = type(page)._meta.get_field("body").stream_block
        parts = [page.intro, *block_text(stream_block, page.body)]
    else:
        parts = [page.summary if kind == COURSE else "", page.objectives]
    text = "\n".join(str(part) for part in parts if part)  # plain text: shown escaped
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def entry_values(page, kind: int, apps=None) -> dict:
    """The entry's fields: topics (tags) are searched but not shown in snippets."""
    text = page_text(page, kind)
    title = text_roots(page.title)
    topics = set() if kind == LESSON else text_roots(" ".join(_tag_names(page, apps)))
    return {
        "kind": kind,
        "text": text,
        "roots": _spaced(title | topics | text_roots(text)),
        "title_roots": _spaced(title),
    }


def _spaced(roots: set[str]) -> str:
    return " " + " ".join(sorted(roots)) + " "


def index_page(page, *, apps=None) -> None:
    """Writes (or removes) the entry of a course, module or lesson page; other pages have none.
    `apps` is a migration's app registry, where the models are the historical ones."""
    historical = apps
    if apps is None:
        from django.apps import apps
    kind = {"coursepage": COURSE, "modulepage": MODULE, "lessonpage": LESSON}.get(
        page._meta.model_name
    )
    if kind is None:
        return
    entries = apps.get_model("modules", "SearchEntry")
    course_id, module_id = page.pk, None
    if kind != COURSE:
        course_path = page.path[: len(page.path) - (kind - COURSE) * STEPLEN]
        courses = apps.get_model("modules", "CoursePage").objects
        course_id = courses.filter(path=course_path).values_list("pk", flat=True).first()
        if course_id is None:  # not (or no longer) under a course
            entries.objects.filter(page_id=page.pk).delete()
            return
    if kind == LESSON:
        pages = apps.get_model("wagtailcore", "Page").objects
        module_id = pages.filter(path=page.path[:-STEPLEN]).values_list("pk", flat=True).first()
    values = {
        **entry_values(page, kind, historical),
        "course_id": course_id,
        "module_id": module_id,
    }
    # Not update_or_create: its savepoint and row lock cost more than the write, per page saved.
    if not entries.objects.filter(page_id=page.pk).update(**values):
        entries.objects.create(page_id=page.pk, **values)


def reindex(pages) -> int:
    """Index these pages (the specific ones); returns how many."""
    count = 0
    for page in pages:
        index_page(page)
        count += 1
    return count


def reindex_all() -> int:
    """Every course, module and lesson, e.g. after the stemming rules changed."""
    from wagtail.models import Page

    from .models import CoursePage, LessonPage, ModulePage

    pages = Page.objects.type(CoursePage, ModulePage, LessonPage).order_by("path").specific()
    return reindex(pages.iterator(chunk_size=200))


def _page_saved(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    if raw or (update_fields is not None and not INDEXED_FIELDS & set(update_fields)):
        return
    index_page(instance)


def _page_moved(sender, instance, **kwargs) -> None:
    """A moved page may have a new course (its lessons too): index the subtree again."""
    from wagtail.models import Page

    from .models import CoursePage, LessonPage, ModulePage

    subtree = Page.objects.descendant_of(instance, inclusive=True)
    reindex(subtree.type(CoursePage, ModulePage, LessonPage).specific())


def connect_signals() -> None:
    from django.db.models.signals import post_save
    from wagtail.signals import post_page_move

    from .models import CoursePage, LessonPage, ModulePage

    for model in (CoursePage, ModulePage, LessonPage):
        post_save.connect(_page_saved, sender=model, dispatch_uid=f"psm-search-{model.__name__}")
    post_page_move.connect(_page_moved, dispatch_uid="psm-search-move")
