"""The person's notifications, channel choices and push subscriptions, for their own download
(UU 27/2022); assembled by `portal/export.py`. Announcement is not covered: `sent_by` records
the office user who sent it (their act in their role); each recipient's copy is a
Notification, which is."""

from .kinds import render
from .models import Notification, Preference, PushSubscription, QuietHours

COVERS = (Notification, Preference, QuietHours, PushSubscription)


def personal_data(*, user) -> dict[str, list | dict]:
    notifications = Notification.objects.filter(recipient=user).order_by("created_at", "pk")
    quiet = QuietHours.objects.filter(user=user).values_list("enabled", flat=True).first()
    rows = [
        {
            "kind": n.kind,
            **{k: v for k, v in render(n).items() if k in ("title", "body", "details")},
            "created_at": n.created_at.isoformat(),
            "read_at": n.read_at.isoformat() if n.read_at else None,
            "channels": {d.channel: d.status for d in n.deliveries.all()},
        }
        for n in notifications.prefetch_related("deliveries")
    ]
    return {
        "notifications": rows,
        "notification_settings": {
            "channels": dict(Preference.objects.filter(user=user).values_list("kind", "channels")),
            "quiet_hours": quiet is not False,
            "push_subscriptions": [
                {"endpoint": s.endpoint, "created_at": s.created_at.isoformat()}
                for s in PushSubscription.objects.filter(user=user).order_by("pk")
            ],
        },
    }
