"""The page review the office does: a trainer's "submit" goes to Admin Dinsos for approval.

Wagtail's default workflow ("Moderators approval") asked the Moderators group, which
people/0004_roles removes; its task then had no reviewer and a submitted lesson stayed locked.
Used by migration modules/0006 (historical models) and by seed_demo (the real ones).
"""

from people.roles import OFFICE_ADMIN_GROUP

# Names are data shown in the admin ("Ajukan ke Tinjauan Dinas Sosial"), Indonesian as the
# office works. The old English names are taken over where they still exist.
WORKFLOW_NAME = "Tinjauan Dinas Sosial"
TASK_NAME = "Persetujuan Admin Dinsos"
WAGTAIL_DEFAULT_NAME = "Moderators approval"


def office_review_ensure(*, apps) -> None:
    """Idempotent: the workflow on the root page with one group-approval task for the office."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")

    office, _ = Group.objects.get_or_create(name=OFFICE_ADMIN_GROUP)
    task = GroupApprovalTask.objects.filter(name__in=[TASK_NAME, WAGTAIL_DEFAULT_NAME]).first()
    if task is None:
        content_type, _ = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask(name=TASK_NAME, content_type=content_type, active=True)
    task.name = TASK_NAME
    task.save()
    task.groups.add(office)

    workflow = Workflow.objects.filter(name__in=[WORKFLOW_NAME, WAGTAIL_DEFAULT_NAME]).first()
    if workflow is None:
        workflow = Workflow(name=WORKFLOW_NAME, active=True)
    workflow.name = WORKFLOW_NAME
    workflow.save()
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(
            workflow=workflow,
            task=task,
            sort_order=WorkflowTask.objects.filter(workflow=workflow).count(),
        )
    root = Page.objects.filter(depth=1).first()
    if root is not None and not WorkflowPage.objects.filter(page=root).exists():
        WorkflowPage.objects.create(page=root, workflow=workflow)
