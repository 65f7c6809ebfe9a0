from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.views import serve as wagtail_serve

from core.errors import DomainError

from .cache import route_for_request
from .models import CoursePage, LessonPage
from .services import enrollment_create, lesson_complete


@require_POST
@login_required
def enrol(request, course_id: int):
    course = get_object_or_404(CoursePage.objects.live().public(), pk=course_id)
    try:
        enrollment_create(user=request.user, course=course)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("You are enrolled. Start with the first lesson."))
    return redirect(course.url)


@require_POST
@login_required
def lesson_mark_done(request, lesson_id: int):
    lesson = get_object_or_404(LessonPage.objects.live().public(), pk=lesson_id)
    try:
        lesson_complete(by=request.user, lesson=lesson)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(lesson.get_parent().get_parent().url)
    messages.success(request, _("Lesson marked as done."))
    following = request.POST.get("next_lesson")
    if following and following.isdigit():
        target = LessonPage.objects.live().filter(pk=int(following)).first()
        if target is not None:
            return redirect(target.url)
    return redirect(lesson.url)


def serve(request, path):
    """Wagtail's page view, with its route (site and page) from the shared content cache."""
    route_for_request(request, path)
    return wagtail_serve(request, path)
