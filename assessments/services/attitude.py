"""Attitude: a filled Likert instrument, by the volunteer or a trainer."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from core.errors import DomainError
from notifications.services import notify

from .. import scoring
from ..models import AttitudeInstrument, AttitudeRating, Domain, RaterRole, ScoreRecord, ScoreSource
from .common import _enqueue_verdict, _require_enrolled, course_of_module


@transaction.atomic
def attitude_rate(
    *,
    by,
    volunteer,
    instrument: AttitudeInstrument,
    role: str,
    answers: dict[str, int],
    note: str = "",
) -> AttitudeRating:
    statements = {f"s{s.pk}": s for s in instrument.statements.all()}
    if set(answers) != set(statements) or not all(
        isinstance(v, int) and 1 <= v <= 5 for v in answers.values()
    ):
        raise DomainError("incomplete_rating", _("Answer every statement with 1 to 5."))
    if role == RaterRole.SELF and by.pk != volunteer.pk:
        raise DomainError("not_yours", _("Not found."))
    course = course_of_module(instrument.module_id)
    _require_enrolled(volunteer, course)
    reverse = {key for key, s in statements.items() if s.reverse_keyed}
    rating = AttitudeRating(
        instrument=instrument,
        volunteer=volunteer,
        rater=by,
        role=role,
        answers=answers,
        percent=scoring.likert_percent(answers, reverse),
        note=note,
    )
    rating.full_clean()
    rating.save()
    ScoreRecord.objects.create(
        volunteer=volunteer,
        course=course,
        domain=Domain.ATTITUDE,
        source=ScoreSource.ATTITUDE_SELF
        if role == RaterRole.SELF
        else ScoreSource.ATTITUDE_TRAINER,
        value=rating.percent,
        recorded_by=by,
        attitude_rating=rating,
        note=note,
    )
    _enqueue_verdict(volunteer.pk, course.pk)
    if role == RaterRole.TRAINER:  # a self-assessment is the volunteer's own act
        notify(
            kind="attitude_rated",
            obj=rating,
            recipients=[volunteer],
            params={"instrument": instrument.title, "percent": f"{rating.percent:g}"},
        )
    return rating
