import logging

from django.contrib.auth import get_user_model
from django_tasks import task

from modules.models import CoursePage

from .verdict import verdict_recompute

logger = logging.getLogger(__name__)


@task()
def recompute_verdict(user_id: int, course_id: int) -> str:
    """Background: recompute a volunteer's verdict after one of its inputs changed. A failure
    is logged here and recorded by the task backend (its result keeps the traceback), and the
    next input change recomputes again."""
    try:
        user = get_user_model().objects.get(pk=user_id)
        course = CoursePage.objects.get(pk=course_id)
        return verdict_recompute(user=user, course=course).status
    except Exception:
        logger.exception("verdict recompute failed (volunteer %s, course %s)", user_id, course_id)
        raise
