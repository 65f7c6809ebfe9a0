from django_tasks import task

from .services import deliveries_send


@task()
def deliver_notifications(notification_ids: list[int]) -> dict:
    """Background: send the due channel deliveries of these notifications. Safe to run twice:
    each delivery is claimed with a conditional UPDATE before it is sent."""
    return deliveries_send(notification_ids=notification_ids)


@task()
def fan_out_announcement(announcement_id: int, start: int) -> int:
    """Background: one batch of an announcement's recipients (announcements.py)."""
    from .announcements import announcement_fan_out

    return announcement_fan_out(announcement_id=announcement_id, start=start)
