from django_tasks import task

from .services import deliveries_send


@task()
def deliver_notifications(notification_ids: list[int]) -> dict:
    """Background: send the due channel deliveries of these notifications. Safe to run twice:
    each delivery is claimed with a conditional UPDATE before it is sent."""
    return deliveries_send(notification_ids=notification_ids)
