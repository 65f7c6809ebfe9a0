"""Reads for courses, progress and access. Every function runs a fixed number of queries,
whatever the number of courses, modules or lessons."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils.translation import gettext as _
from taggit.models import Tag
from wagtail.images import get_image_model

from .cache import cached, content_key, progress_key
from .models import CoursePage, Domain, Enrollment, LessonCompletion, LessonPage, ModulePage

# The card covers of templates/modules/includes/course_cards.html, one per srcset width.
COVER_FILTERS = (
    "fill-640x320|format-webp",
    "fill-480x240|format-webp",
    "fill-360x180|format-webp",
)
STEPLEN = 4  # treebeard path segment length used by Wagtail


@dataclass
class LessonItem:
    id: int
    title: str
    url: str
    done: bool = False


@dataclass
class ModuleItem:
    page: ModulePage
    lessons: list[LessonItem] = field(default_factory=list)
    locked: bool = False
    locked_by: ModulePage | None = None

    @property
    def total(self) -> int:
        return len(self.lessons)

    @property
    def done_count(self) -> int:
        return sum(1 for lesson in self.lessons if lesson.done)

    @property
    def complete(self) -> bool:
        return self.done_count == self.total

    @property
    def percent(self) -> int:
        return round(100 * self.done_count / self.total) if self.total else 100


@dataclass
class Outline:
    course: CoursePage
    enrolled: bool
    can_study: bool
    modules: list[ModuleItem]
    url: str = ""  # the course's, worked out once (Page.url resolves the site each time)

    @property
    def lessons(self) -> list[LessonItem]:
        return [lesson for module in self.modules for lesson in module.lessons]

    @property
    def total(self) -> int:
        return sum(module.total for module in self.modules)

    @property
    def done_count(self) -> int:
        return sum(module.done_count for module in self.modules)

    @property
    def percent(self) -> int:
        return round(100 * self.done_count / self.total) if self.total else 0

    @property
    def next_lesson(self) -> LessonItem | None:
        for module in self.modules:
            if module.locked:
                return None
            for lesson in module.lessons:
                if not lesson.done:
                    return lesson
        return None

    def module_of(self, lesson_id: int) -> ModuleItem | None:
        for module in self.modules:
            if any(lesson.id == lesson_id for lesson in module.lessons):
                return module
        return None


@dataclass
class LessonAccess:
    allowed: bool
    login_required: bool = False
    reason: str = ""
    course: CoursePage | None = None
    outline: Outline | None = None
    module: ModuleItem | None = None
    previous: LessonItem | None = None
    next: LessonItem | None = None
    done: bool = False


def user_is_staff_reader(user) -> bool:
    """Trainers and office admins read every lesson without enrolling (to check content)."""
    return user.is_authenticated and user.has_perm("wagtailadmin.access_admin")


def _build_outline(
    *,
    course,
    modules,
    lessons,
    done_ids: frozenset[int] | set[int],
    enrolled: bool,
    can_study: bool,
) -> Outline:
    course_url = course.url
    items = {m.path: ModuleItem(page=m) for m in modules}
    for lesson in lessons:
        module = items.get(lesson.path[:-STEPLEN])
        if module is None:  # lesson under an unpublished module
            continue
        module.lessons.append(
            LessonItem(
                id=lesson.id,
                title=lesson.title,
                url=course_url + lesson.url_path[len(course.url_path) :],
                done=lesson.id in done_ids,
            )
        )
    ordered = list(items.values())
    for previous, current in pairwise(ordered):
        if current.page.requires_previous and (previous.locked or not previous.complete):
            current.locked = True
            current.locked_by = previous.page
    return Outline(
        course=course, enrolled=enrolled, can_study=can_study, modules=ordered, url=course_url
    )


def course_structure(course: CoursePage) -> tuple[list[ModulePage], list[LessonPage]]:
    """A course's live modules and lessons in order: the same for everyone, so from the shared
    content cache (modules/cache.py)."""

    def load():
        modules = list(ModulePage.objects.live().child_of(course).order_by("path"))
        lessons = list(
            LessonPage.objects.live()
            .descendant_of(course)
            .order_by("path")
            .only("id", "title", "path", "url_path")
        )
        return modules, lessons

    return cached(content_key("course-structure", course.path), load)


def user_progress(user) -> tuple[frozenset[int], frozenset[int]]:
    """The ids of the courses a user is enrolled in and of the lessons they finished, from the
    cache under the user's own version (modules.cache.progress_changed)."""

    def load():
        courses = Enrollment.objects.filter(user=user).values_list("course_id", flat=True)
        lessons = LessonCompletion.objects.filter(user=user).values_list("lesson_id", flat=True)
        return frozenset(courses), frozenset(lessons)

    return cached(progress_key(user.pk, "progress"), load)


def course_outline(*, course: CoursePage, user) -> Outline:
    modules, lessons = course_structure(course)
    enrolled = False
    done_ids: frozenset[int] = frozenset()
    if user.is_authenticated:
        courses, done_ids = user_progress(user)
        enrolled = course.pk in courses
    return _build_outline(
        course=course,
        modules=modules,
        lessons=lessons,
        done_ids=done_ids,
        enrolled=enrolled,
        can_study=enrolled or user_is_staff_reader(user),
    )


def lesson_access(*, lesson: LessonPage, user) -> LessonAccess:
    if not user.is_authenticated:
        return LessonAccess(allowed=False, login_required=True)
    course_path = lesson.path[: -2 * STEPLEN]
    course = cached(
        content_key("course-at", course_path),
        lambda: CoursePage.objects.live().filter(path=course_path).first(),
    )
    if course is None:
        return LessonAccess(allowed=False, reason=_("This lesson is not available."))
    outline = course_outline(course=course, user=user)
    module = outline.module_of(lesson.id)
    if not outline.can_study:
        return LessonAccess(
            allowed=False,
            course=course,
            reason=_("Enrol in this course to open its lessons."),
        )
    if module is None:
        return LessonAccess(allowed=False, course=course, reason=_("This lesson is not available."))
    if module.locked and not user_is_staff_reader(user):
        return LessonAccess(
            allowed=False,
            course=course,
            reason=_("Finish the module “%(module)s” first.") % {"module": module.locked_by.title},
        )
    flat = outline.lessons
    index = next(i for i, item in enumerate(flat) if item.id == lesson.id)
    return LessonAccess(
        allowed=True,
        course=course,
        outline=outline,
        module=module,
        previous=flat[index - 1] if index > 0 else None,
        next=flat[index + 1] if index + 1 < len(flat) else None,
        done=flat[index].done,
    )


def course_list_for_catalogue(*, root):
    images = get_image_model().objects.prefetch_renditions(*COVER_FILTERS)
    return (
        CoursePage.objects.live()
        .public()
        .descendant_of(root)
        .order_by("path")
        .prefetch_related(Prefetch("cover", queryset=images), "tags")
    )


def catalogue_filter(*, root, params) -> dict:
    courses = course_list_for_catalogue(root=root)
    tag = (params.get("tag") or "").strip()
    domain = (params.get("domain") or "").strip()
    query = (params.get("q") or "").strip()[:100]
    if tag:
        courses = courses.filter(tags__slug=tag)
    if domain in Domain.values:
        courses = courses.filter(
            Exists(
                ModulePage.objects.live().filter(
                    domain=domain,
                    path__startswith=OuterRef("path"),
                    depth=OuterRef("depth") + 1,
                )
            )
        )
    if query:
        from .search import courses_matching  # search reads this module's outlines

        courses = courses.filter(pk__in=courses_matching(query))
    tags = (
        Tag.objects.filter(
            modules_coursepagetag_items__content_object__live=True,
        )
        .distinct()
        .order_by("name")
    )
    return {
        "courses": courses,
        "tags": tags,
        "domains": Domain.choices,
        "selected_tag": tag,
        "selected_domain": domain,
        "query": query,
    }


def dashboard_outlines(*, user) -> list[Outline]:
    """The volunteer's courses with progress: four queries however many courses and lessons."""
    enrollments = list(
        Enrollment.objects.filter(user=user, course__live=True)
        .select_related("course")
        .order_by("-enrolled_at")
    )
    if not enrollments:
        return []
    courses = [e.course for e in enrollments]
    under_courses = Q()
    for course in courses:
        under_courses |= Q(path__startswith=course.path)
    modules = list(
        ModulePage.objects.live().filter(under_courses, depth=courses[0].depth + 1).order_by("path")
    )
    lessons = list(
        LessonPage.objects.live()
        .filter(under_courses)
        .order_by("path")
        .only("id", "title", "path", "url_path")
    )
    done_ids = set(
        LessonCompletion.objects.filter(
            user=user, lesson_id__in=[lesson.id for lesson in lessons]
        ).values_list("lesson_id", flat=True)
    )
    outlines = []
    for course in courses:
        outlines.append(
            _build_outline(
                course=course,
                modules=[m for m in modules if m.path.startswith(course.path)],
                lessons=[les for les in lessons if les.path.startswith(course.path)],
                done_ids=done_ids,
                enrolled=True,
                can_study=True,
            )
        )
    return outlines


def module_lessons_done(
    *, module_paths: dict[int, str], user_ids
) -> tuple[dict[int, int], dict[tuple[int, int], int]]:
    """For the trainer's desk: each module's live lessons, and how many of them each user has
    done. `module_paths`: module id → its tree path. Two queries, however many modules, users
    and lessons: ({module id: lessons}, {(module id, user id): lessons done})."""
    if not module_paths:
        return {}, {}
    module_of_path = {path: pk for pk, path in module_paths.items()}
    under_any = Q()
    for path in module_paths.values():
        under_any |= Q(path__startswith=path)
    lessons = LessonPage.objects.live().filter(under_any).values_list("pk", "path")
    # A lesson is a module's child (ModulePage.subpage_types): its parent's path is its own
    # without the last segment.
    lesson_module = {
        pk: module_of_path[path[:-STEPLEN]]
        for pk, path in lessons
        if path[:-STEPLEN] in module_of_path
    }
    totals: dict[int, int] = {}
    for module_id in lesson_module.values():
        totals[module_id] = totals.get(module_id, 0) + 1
    done: dict[tuple[int, int], int] = {}
    completions = LessonCompletion.objects.filter(
        lesson_id__in=list(lesson_module), user_id__in=list(user_ids)
    ).values_list("lesson_id", "user_id")
    for lesson_id, user_id in completions:
        key = (lesson_module[lesson_id], user_id)
        done[key] = done.get(key, 0) + 1
    return totals, done
