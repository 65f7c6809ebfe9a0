"""[H] 12: a trainer's "submit" goes to the office (Admin Dinsos), who approves or requests
changes; before, the workflow's task had no group and the submitted lesson stayed locked."""

import pytest
from django.apps import apps
from django.test import Client
from wagtail.models import GroupApprovalTask, TaskState, Workflow, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from demo.factories import lessons_of
from modules.workflow import TASK_NAME, WORKFLOW_NAME, office_review_ensure


def _edit_form(lesson, title: str, **action) -> dict:
    return {
        **nested_form_data(
            {
                "title": title,
                "slug": lesson.slug,
                "intro": lesson.intro,
                "body": streamfield([("text", rich_text("<p>Isi yang direvisi.</p>"))]),
                "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0},
            }
        ),
        **action,
    }


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def submitted(trainer, course):
    """The trainer edits a lesson and submits it for review."""
    lesson = lessons_of(course)[0]
    course.trainers.add(trainer)
    desk = _client(trainer)
    editor = desk.get(f"/admin/pages/{lesson.pk}/edit/").content.decode()
    assert "Ajukan ke Tinjauan Dinas Sosial" in editor  # the action menu, in Indonesian
    response = desk.post(
        f"/admin/pages/{lesson.pk}/edit/",
        _edit_form(lesson, "Pendampingan (revisi)", **{"action-submit": "1"}),
    )
    assert response.status_code == 302, response.content[:800]
    lesson.refresh_from_db()
    task_state = lesson.current_workflow_task_state
    assert task_state is not None and task_state.task.name == TASK_NAME
    return lesson, task_state, desk


@pytest.mark.django_db
def test_the_migration_gives_the_office_the_review_task():
    workflow = Workflow.objects.get(workflow_pages__page__depth=1)
    assert workflow.name == WORKFLOW_NAME
    task = GroupApprovalTask.objects.get(workflow_tasks__workflow=workflow)
    assert task.name == TASK_NAME
    assert list(task.groups.values_list("name", flat=True)) == ["Admin Dinsos"]
    office_review_ensure(apps=apps)  # seed_demo's call: changes nothing the second time
    assert Workflow.objects.count() == 1 and GroupApprovalTask.objects.count() == 1
    assert task.groups.count() == 1


@pytest.mark.django_db
def test_the_office_sees_the_submission_and_approves_it(submitted, office_admin):
    lesson, task_state, desk = submitted
    office = _client(office_admin)
    home = office.get("/admin/").content.decode()
    assert "Menunggu tinjauan anda" in home and "Pendampingan (revisi)" in home
    response = office.post(
        f"/admin/pages/workflow/action/{lesson.pk}/approve/{task_state.pk}/", {"comment": ""}
    )
    assert response.status_code == 302
    lesson.refresh_from_db()
    assert lesson.live and lesson.title == "Pendampingan (revisi)"
    assert lesson.current_workflow_state is None
    assert WorkflowState.objects.get(object_id=str(lesson.pk)).status == "approved"
    # The trainer finds the lesson published and may edit it again.
    history = desk.get(f"/admin/pages/{lesson.pk}/history/").content.decode()
    assert "Persetujuan Admin Dinsos" in history
    assert desk.get(f"/admin/pages/{lesson.pk}/edit/").status_code == 200
    assert lesson.get_lock() is None


@pytest.mark.django_db
def test_the_office_requests_changes_and_the_trainer_sees_why(submitted, office_admin, trainer):
    lesson, task_state, desk = submitted
    office = _client(office_admin)
    response = office.post(
        f"/admin/pages/workflow/action/{lesson.pk}/reject/{task_state.pk}/",
        {"comment": "Tambahkan contoh kasus dari desa."},
    )
    assert response.status_code == 302
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_REJECTED
    lesson.refresh_from_db()
    assert lesson.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    # Unlocked for the trainer, with the office's comment in the page's history.
    assert lesson.get_lock() is None or not lesson.get_lock().for_user(trainer)
    history = desk.get(f"/admin/pages/{lesson.pk}/history/").content.decode()
    assert "Tambahkan contoh kasus dari desa." in history
    resubmit = desk.post(
        f"/admin/pages/{lesson.pk}/edit/",
        _edit_form(lesson, "Pendampingan (revisi 2)", **{"action-submit": "1"}),
    )
    assert resubmit.status_code == 302
    lesson.refresh_from_db()
    assert lesson.current_workflow_task_state.status == TaskState.STATUS_IN_PROGRESS
