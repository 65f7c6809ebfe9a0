"""The notices cohorts sends (registered in CohortsConfig.ready()): a session tomorrow, to the
cohort's members, made by the scheduled job of `send_due_notifications`."""

import datetime

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from notifications import schedule
from notifications.kinds import Kind, register
from notifications.services import JAKARTA, notify

from .models import CohortSession


def sessions_tomorrow(*, now: datetime.datetime) -> int:
    """Members hear of tomorrow's sessions (Jakarta's calendar); event_key is the session's
    date, so a run every few minutes (or a moved session's old day) sends nothing twice."""
    tomorrow = now.astimezone(JAKARTA).date() + datetime.timedelta(days=1)
    count = 0
    sessions = CohortSession.objects.filter(date=tomorrow).select_related("cohort")
    for session in sessions.prefetch_related("cohort__members"):
        count += len(
            notify(
                kind="session_tomorrow",
                obj=session,
                recipients=session.cohort.members.all(),
                params={
                    "cohort": session.cohort.name,
                    "topic": session.topic,
                    "place": session.place or session.cohort.place,
                    "date": session.date.isoformat(),
                },
                event_key=session.date.isoformat(),
                now=now,
            )
        )
    return count


def register_kinds() -> None:
    register(
        Kind(
            key="session_tomorrow",
            label=_("A session of my cohort is tomorrow"),
            title=_("Tomorrow: %(topic)s (%(cohort)s)"),
            body=lambda p: (_("Place: %(place)s") % p) if p.get("place") else "",
            url=lambda n: reverse("dashboard"),
        )
    )
    schedule.register("sessions_tomorrow", sessions_tomorrow)
