"""Two syncs with the same key at the same moment (a retry racing the first request): one is
applied, the other answers duplicate. PostgreSQL, real threads, separate connections."""

import datetime
import uuid

import pytest
from django.db import connection
from django.utils import timezone

from demo.factories import lessons_of, make_course
from modules.models import LessonCompletion
from modules.services import enrollment_create
from offline.models import SyncedAction
from offline.services import Action, sync_apply

from ..test_attempt_concurrency import run_together

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(autouse=True)
def needs_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL; CI runs this file on PostgreSQL")


def test_the_same_key_at_once_is_applied_once(volunteer):
    course = make_course(modules=1, lessons=1)
    enrollment_create(user=volunteer, course=course)
    lesson = lessons_of(course)[0]
    done = Action(
        key=uuid.uuid4(),
        kind="lesson_done",
        at=timezone.now() - datetime.timedelta(hours=1),
        payload={"lesson_id": lesson.pk},
    )
    results, errors = run_together([lambda: sync_apply(by=volunteer, actions=[done])] * 4)
    assert errors == []
    assert sorted(r[0]["status"] for r in results) == [
        "applied",
        "duplicate",
        "duplicate",
        "duplicate",
    ]
    assert SyncedAction.objects.count() == 1
    assert LessonCompletion.objects.count() == 1
