"""What a volunteer may save for reading without a signal: a course's pack (every page, image
and document they may open, each with its size and an etag) and the list of their courses.

A fixed number of queries whatever the number of modules, lessons and images. `etag` changes
when what that URL shows changes; `version` is a hash over every (url, etag), so a phone
compares one string, then fetches only the items whose etag changed."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Max
from django.http import Http404
from django.urls import reverse
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from assessments.models import Attempt, AttitudeStatement, Evidence, ScoreRecord
from assessments.selectors import instruments_of_modules
from modules.models import CoursePage, Enrollment, LessonPage
from modules.selectors import course_outline

# The renditions a phone 360 CSS px wide at 2 device pixels per px picks from the srcsets of
# templates/modules/blocks/image.html (the 720 one: also its fallback src) and of the course
# cover (templates/modules/course_page.html).
LESSON_IMAGE = "width-720|format-webp"
COVER_IMAGE = "fill-720x300|format-webp"
# A page's HTML is its content plus the chrome (header, footer, forms), measured on the demo
# course; pages are not rendered to be counted, so their size is this estimate.
PAGE_CHROME_BYTES = 6_000
BYTES_CACHE_SECONDS = 30 * 24 * 3600  # a rendition's file never changes under its name


def _tag(*parts) -> str:
    return hashlib.sha256(json.dumps(parts, default=str).encode()).hexdigest()[:16]


@dataclass
class Pack:
    course: CoursePage
    items: list[dict]

    @property
    def version(self) -> str:
        return _tag(sorted((item["url"], item["etag"]) for item in self.items))

    @property
    def total_bytes(self) -> int:
        return sum(item["bytes"] for item in self.items if not item["optional"])

    def as_dict(self) -> dict:
        return {
            "course": self.course.pk,
            "title": self.course.title,
            "version": self.version,
            "total_bytes": self.total_bytes,
            "items": self.items,
        }


def _page(url: str, title: str, etag: str, size: int) -> dict:
    return {
        "url": url,
        "bytes": size,
        "etag": etag,
        "kind": "page",
        "title": title,
        "optional": False,
    }


def _blocks(lesson, block_type: str, field: str) -> list[int]:
    ids = []
    for block in lesson.body.raw_data or []:
        if block.get("type") == block_type and isinstance(block.get("value"), dict):
            value = block["value"].get(field)
            if isinstance(value, int):
                ids.append(value)
    return ids


def _rendition_bytes(renditions) -> dict[str, int]:
    """File sizes of renditions by file name, from the cache (a stat, or on S3 a request, per
    file otherwise)."""
    names = {r.file.name for r in renditions}
    keys = {f"psm-offline-bytes:{name}": name for name in names}
    found = cache.get_many(list(keys))
    sizes = {keys[key]: size for key, size in found.items()}
    missing = {}
    for rendition in renditions:
        name = rendition.file.name
        if name not in sizes:
            sizes[name] = _file_size(rendition.file)
            missing[f"psm-offline-bytes:{name}"] = sizes[name]
    if missing:
        cache.set_many(missing, BYTES_CACHE_SECONDS)
    return sizes


def _images(image_specs: dict[int, str]) -> dict[int, dict]:
    """{image id: item} for the images, each at its phone rendition."""
    if not image_specs:
        return {}
    images = get_image_model().objects.filter(pk__in=image_specs)
    images = images.prefetch_renditions(LESSON_IMAGE, COVER_IMAGE)
    renditions = {image.pk: image.get_rendition(image_specs[image.pk]) for image in images}
    sizes = _rendition_bytes(renditions.values())
    return {
        pk: {
            "url": rendition.url,
            "bytes": sizes[rendition.file.name],
            "etag": rendition.file.name.rsplit("/", 1)[-1],
            "kind": "image",
            "optional": False,
        }
        for pk, rendition in renditions.items()
    }


def _file_size(file) -> int:
    try:
        return file.size
    except OSError:  # lost from storage: the phone will find out
        return 0


def _documents(document_ids: set[int]) -> dict[int, dict]:
    if not document_ids:
        return {}
    return {
        doc.pk: {
            "url": doc.url,
            "bytes": doc.file_size or _file_size(doc.file),
            "etag": f"{doc.pk}-{doc.file_hash or doc.file.name}",
            "kind": "document",
            "title": doc.title,
            "optional": True,
        }
        for doc in get_document_model().objects.filter(pk__in=document_ids)
    }


def enrolled_course(*, user, course_id: int) -> CoursePage:
    """The live, public course `user` is enrolled in; Http404 otherwise (whatever the reason:
    unknown, unpublished, private, not enrolled)."""
    if not 0 < course_id < 2**63:  # past a bigint, SQLite raises in .public()'s subquery
        raise Http404
    course = CoursePage.objects.live().public().filter(pk=course_id).first()
    if course is None or not Enrollment.objects.filter(user=user, course=course).exists():
        raise Http404
    return course


def course_pack(*, user, course: CoursePage) -> Pack:
    """Every URL `user` may open of `course` (enrolled: see enrolled_course), for saving."""
    language = translation.get_language()
    outline = course_outline(course=course, user=user)
    open_modules = [m for m in outline.modules if not m.locked]
    open_lesson_ids = {lesson.id for m in open_modules for lesson in m.lessons}
    lessons = list(
        LessonPage.objects.live()
        .public()
        .filter(pk__in=open_lesson_ids)
        .only("id", "title", "path", "intro", "body", "latest_revision_id")
    )
    by_id = {lesson.pk: lesson for lesson in lessons}
    found = instruments_of_modules(module_ids=[m.page.pk for m in open_modules])

    image_specs = {}
    if course.cover_id:
        image_specs[course.cover_id] = COVER_IMAGE
    lesson_images, lesson_documents = {}, {}
    for lesson in lessons:
        lesson_images[lesson.pk] = _blocks(lesson, "image", "image")
        lesson_documents[lesson.pk] = _blocks(lesson, "document", "document")
        for image_id in lesson_images[lesson.pk]:
            image_specs.setdefault(image_id, LESSON_IMAGE)
    images = _images(image_specs)
    documents = _documents({d for ids in lesson_documents.values() for d in ids})

    attempts = list(
        Attempt.objects.filter(user=user, quiz__in=found["quizzes"])
        .order_by("pk")
        .values_list("quiz_id", "pk", "status", "percent", "needs_marking")
    )
    evidence = list(
        Evidence.objects.filter(volunteer=user, rubric__in=found["rubrics"])
        .order_by("pk")
        .values_list("rubric_id", "pk", "status", "reviewed_at", "review_comment")
    )
    statements = list(
        AttitudeStatement.objects.filter(instrument__in=found["instruments"])
        .order_by("sort_order", "pk")
        .values_list("instrument_id", "pk", "text")
    )
    last_score = ScoreRecord.objects.filter(volunteer=user, course=course).aggregate(
        last=Max("pk")
    )["last"]

    items: list[dict] = []
    seen: set[str] = set()

    def add(item: dict) -> None:
        if item["url"] not in seen:  # an image shown by two lessons is saved once
            seen.add(item["url"])
            items.append(item)

    flat = [lesson for m in open_modules for lesson in m.lessons if lesson.id in by_id]
    structure = [(m.page.pk, m.page.latest_revision_id, m.locked) for m in outline.modules]
    course_tag = _tag(
        course.latest_revision_id,
        language,
        structure,
        [(item.id, by_id[item.id].latest_revision_id, item.done) for item in flat],
        [(q.pk, q.title) for q in found["quizzes"]],
        [(r.pk, r.title) for r in found["rubrics"]],
        [(i.pk, i.title) for i in found["instruments"]],
        attempts,
        evidence,
        last_score,
    )
    course_bytes = (
        PAGE_CHROME_BYTES + len(course.summary) + len(course.objectives) + 200 * len(flat)
    )
    add(_page(outline.url, course.title, course_tag, course_bytes))
    if course.cover_id in images:
        add(images[course.cover_id])

    for index, item in enumerate(flat):
        lesson = by_id[item.id]
        neighbours = [
            (n.id, by_id[n.id].latest_revision_id)
            for n in flat[max(index - 1, 0) : index + 2]
            if n.id != item.id
        ]
        etag = _tag(lesson.pk, lesson.latest_revision_id, item.done, neighbours, language)
        content = json.dumps(list(lesson.body.raw_data), default=str)
        size = PAGE_CHROME_BYTES + len(lesson.intro) + len(content)
        add(_page(item.url, item.title, etag, size))
        for image_id in lesson_images[item.id]:
            if image_id in images:
                add(images[image_id])
        for document_id in lesson_documents[item.id]:
            if document_id in documents:
                add(documents[document_id])

    for quiz in found["quizzes"]:
        shown = (quiz.title, quiz.instructions, quiz.role, quiz.time_limit_minutes)
        rules = (quiz.attempts_allowed, quiz.pass_percent, quiz.grading_method)
        mine = [a[1:] for a in attempts if a[0] == quiz.pk]
        etag = _tag("quiz", quiz.pk, shown, rules, mine, language)
        url = reverse("quiz_detail", args=[quiz.pk])
        add(_page(url, quiz.title, etag, PAGE_CHROME_BYTES + len(quiz.instructions)))
    for instrument in found["instruments"]:
        mine = [s[1:] for s in statements if s[0] == instrument.pk]
        etag = _tag("attitude", instrument.pk, instrument.title, instrument.instructions, mine)
        size = PAGE_CHROME_BYTES + len(instrument.instructions) + 400 * len(mine)
        url = reverse("attitude_self", args=[instrument.pk])
        add(_page(url, instrument.title, _tag(etag, language), size))
    for rubric in found["rubrics"]:
        mine = [e[1:] for e in evidence if e[0] == rubric.pk]
        etag = _tag("evidence", rubric.pk, rubric.title, rubric.description, mine, language)
        size = PAGE_CHROME_BYTES + len(rubric.description) + 300 * len(mine)
        url = reverse("evidence_upload", args=[rubric.pk])
        add(_page(url, rubric.title, etag, size))
    return Pack(course=course, items=items)


def saved_courses(*, user) -> list[dict]:
    """The live, public courses `user` is enrolled in, each with its pack's version: a phone
    removes any saved course that is not in this list."""
    courses = CoursePage.objects.live().public().filter(enrollments__user=user).order_by("path")
    result = []
    for course in courses:
        pack = course_pack(user=user, course=course)
        url = pack.items[0]["url"]
        result.append({"id": course.pk, "title": course.title, "url": url, "version": pack.version})
    return result
