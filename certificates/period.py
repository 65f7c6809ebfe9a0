"""When and where the training took place, as a certificate says it ({dates}, {place}).

The holder's cohort of the course gives its dates and venue; without a cohort the period runs
from enrolment to the verdict, and the place is the template's training place (or, when that
is empty, its place of issue)."""

from __future__ import annotations

import datetime

from django.utils.formats import date_format
from django.utils.translation import override

# The en dash of a range, as Indonesian print uses it.
EN_DASH = "\u2013"


def date_text(value: datetime.date | None) -> str:
    if value is None:
        return ""
    with override("id"):
        return date_format(value, "j F Y")


def period_text(start: datetime.date, end: datetime.date) -> str:
    """One day, "3 Agustus 2026"; in one month, "3\u20137 Agustus 2026"; across months,
    "28 Juli \u2013 2 Agustus 2026"; across years in full on both sides."""
    if end < start:
        start, end = end, start
    if start == end:
        return date_text(start)
    with override("id"):
        if start.year != end.year:
            return f"{date_text(start)} {EN_DASH} {date_text(end)}"
        if start.month != end.month:
            return f"{date_format(start, 'j F')} {EN_DASH} {date_text(end)}"
        return f"{start.day}{EN_DASH}{date_text(end)}"


def training_period(
    *,
    cohort,
    template,
    enrolled_on: datetime.date | None,
    verdict_on: datetime.date | None,
    issued_on: datetime.date,
) -> dict:
    """The frozen "training" part of a certificate's data: its dates, place and their source."""
    default_place = template.training_place or template.place_of_issue
    if cohort is not None:
        start, end, source = cohort.start_date, cohort.end_date, "cohort"
        place = cohort.place or default_place
    else:
        start = enrolled_on or verdict_on or issued_on
        end = verdict_on or issued_on
        place, source = default_place, "enrolment"
    return {
        "source": source,
        "cohort": cohort.name if cohort is not None else "",
        "start": start.isoformat(),
        "end": end.isoformat(),
        "dates": period_text(start, end),
        "place": place,
    }
