"""What assessments hold about one person, for their own download (UU 27/2022); assembled by
`portal/export.py`.

Only what is about the person: their attempts and answers, the observations, evidence reviews,
attitude ratings, scores and verdicts about them. What they recorded as a trainer about other
volunteers is those volunteers' data and stays out. Trainers and markers appear by display name
only (never their phone or email). Evidence is listed without the file itself (the volunteer
opens each file from the evidence page). A fixed number of queries, however much there is."""

from django.db.models import Prefetch

from .models import (
    Attempt,
    AttemptAnswer,
    AttemptStatus,
    AttitudeRating,
    Evidence,
    Observation,
    ScoreRecord,
    ScoreSource,
    Verdict,
    VerdictChange,
)
from .verdict import reason_text

COVERS = (
    Attempt,
    AttemptAnswer,
    Observation,
    Evidence,
    AttitudeRating,
    ScoreRecord,
    Verdict,
    VerdictChange,
)


def _iso(value):
    return value.isoformat() if value else None


def _str(value):
    return None if value is None else str(value)


def _name(user) -> str | None:
    return user.get_full_name() if user else None


def _response_text(kind: str, data: dict, response):
    """The response with choice ids replaced by the choice texts the volunteer saw."""
    texts = {c["id"]: c["text"] for c in data.get("choices", [])}
    if kind in ("single", "true_false"):
        return _str(texts.get(response, response))
    if kind in ("multiple", "ordering") and isinstance(response, list):
        return [_str(texts.get(item, item)) for item in response]
    if kind == "matching" and isinstance(response, dict):
        matches = {c["id"]: c["match"] for c in data.get("choices", [])}
        return {texts.get(k, k): matches.get(v, v) for k, v in response.items()}
    return response


def _answer(answer: AttemptAnswer, *, attempt: Attempt, marked_at) -> dict:
    version = answer.question_version
    item = {
        "position": answer.position + 1,
        "question": version.data.get("text", ""),
        "kind": version.kind,
        "points": str(version.points),
        "response": answer.response,
        "response_text": _response_text(version.kind, version.data, answer.response),
        "saved_at": _iso(answer.saved_at),
    }
    if attempt.status != AttemptStatus.SUBMITTED:
        return item  # an open attempt: no marks, no feedback (the answer key stays closed)
    quiz = attempt.quiz
    # Right/wrong of automatically graded answers follows the quiz's review setting, as on the
    # result page; a trainer's mark (essays) is always the volunteer's to see. Never the key.
    if quiz.review_correctness or answer.marked_by_id:
        item["score"] = _str(answer.score)
        item["correct"] = answer.correct
    item["needs_marking"] = answer.needs_marking
    if quiz.review_feedback:
        item["feedback"] = version.data.get("feedback", "")
    item["marked_by"] = _name(answer.marked_by)
    item["marker_note"] = answer.marker_note
    # An answer keeps no time of its own: this is when the attempt's marking was recorded.
    item["marked_at"] = _iso(marked_at) if answer.marked_by_id else None
    return item


def _attempts(user, marked_at: dict[int, object]) -> list[dict]:
    answers = AttemptAnswer.objects.select_related("question_version", "marked_by").order_by(
        "position"
    )
    attempts = (
        Attempt.objects.filter(user=user)
        .select_related("quiz")
        .prefetch_related(Prefetch("answers", queryset=answers))
        .order_by("started_at", "pk")
    )
    return [
        {
            "quiz": a.quiz.title,
            "number": a.number,
            "status": a.status,
            "started_at": a.started_at.isoformat(),
            "finished_at": _iso(a.finished_at),
            "score": _str(a.score),
            "max_score": _str(a.max_score),
            "percent": _str(a.percent),
            "needs_marking": a.needs_marking,
            "answers": [
                _answer(answer, attempt=a, marked_at=marked_at.get(a.pk))
                for answer in a.answers.all()
            ],
        }
        for a in attempts
    ]


def _observations(user) -> list[dict]:
    observations = (
        Observation.objects.filter(volunteer=user)
        .select_related("rubric_version", "observer")
        .order_by("created_at", "pk")
    )
    result = []
    for o in observations:
        data = o.rubric_version.data
        levels = {lv["id"]: lv for lv in data.get("levels", [])}
        criteria = []
        for criterion in data.get("criteria", []):
            level = levels.get(o.levels.get(criterion["id"]), {})
            criteria.append(
                {
                    "criterion": criterion["title"],
                    "level": level.get("label"),
                    "points": level.get("points"),
                    "note": o.criterion_notes.get(criterion["id"], ""),
                }
            )
        result.append(
            {
                "rubric": data.get("title", ""),
                "rubric_version": o.rubric_version.number,
                "observer": _name(o.observer),
                "observed_on": o.observed_on.isoformat(),
                "at": o.created_at.isoformat(),
                "percent": str(o.percent),
                "criteria": criteria,
                "note": o.note,
            }
        )
    return result


def _attitude_ratings(user) -> list[dict]:
    ratings = (
        AttitudeRating.objects.filter(volunteer=user)
        .select_related("instrument", "rater")
        .prefetch_related("instrument__statements")
        .order_by("created_at", "pk")
    )
    return [
        {
            "instrument": r.instrument.title,
            "role": r.role,
            "rater": _name(r.rater),
            "percent": str(r.percent),
            "at": r.created_at.isoformat(),
            "note": r.note,
            "items": [
                {
                    "statement": s.wording_for(r.role),  # as the rater read it
                    "aspect": s.aspect,
                    "reverse_keyed": s.reverse_keyed,
                    "answer": r.answers.get(f"s{s.pk}"),
                }
                for s in r.instrument.statements.all()
                if f"s{s.pk}" in r.answers
            ],
        }
        for r in ratings
    ]


def _evidence(user) -> list[dict]:
    evidence = (
        Evidence.objects.filter(volunteer=user)
        .select_related("rubric", "reviewer")
        .order_by("created_at", "pk")
    )
    return [
        {
            "name": e.original_name,
            "status": e.status,
            "at": e.created_at.isoformat(),
            "rubric": e.rubric.title,
            "description": e.description,
            "content_type": e.content_type,
            "size": e.size,
            "status_label": str(e.get_status_display()),
            "reviewer": _name(e.reviewer),
            "review_comment": e.review_comment,
            "reviewed_at": _iso(e.reviewed_at),
        }
        for e in evidence
    ]


def _verdicts(user) -> list[dict]:
    verdicts = (
        Verdict.objects.filter(volunteer=user)
        .select_related("course")
        .prefetch_related(
            Prefetch("changes", queryset=VerdictChange.objects.order_by("changed_at", "pk"))
        )
        .order_by("pk")
    )
    return [
        {
            "course": v.course.title,
            "status": v.status,
            "status_label": str(v.get_status_display()),
            "knowledge": _str(v.knowledge),
            "skills": _str(v.skills),
            "attitude": _str(v.attitude),
            "final_score": _str(v.final_score),
            "predicate": v.predicate,
            "reasons": [str(reason_text(r)) for r in v.reasons],
            "units": [
                {
                    "code": unit.get("code"),
                    "title": unit.get("title"),
                    "scores": unit.get("scores", {}),
                    "status": unit.get("status"),
                    "reasons": [str(reason_text(r)) for r in unit.get("reasons", [])],
                }
                for unit in v.units
            ],
            "computed_at": v.computed_at.isoformat(),
            "changes": [
                {
                    "old_status": c.old_status,
                    "new_status": c.new_status,
                    "final_score": _str(c.final_score),
                    "at": c.changed_at.isoformat(),
                }
                for c in v.changes.all()
            ],
        }
        for v in verdicts
    ]


def personal_data(*, user) -> dict[str, list | dict]:
    records = list(
        ScoreRecord.objects.filter(volunteer=user)
        .select_related("course", "recorded_by")
        .order_by("created_at", "pk")
    )
    # When a trainer's marking of an attempt was recorded: the quiz score they recorded.
    marked_at = {
        r.attempt_id: r.created_at
        for r in records
        if r.source == ScoreSource.QUIZ and r.attempt_id and r.recorded_by_id
    }
    return {
        "quiz_attempts": _attempts(user, marked_at),
        "scores": [
            {
                "course": r.course.title,
                "domain": r.domain,
                "source": r.source,
                "source_label": str(r.get_source_display()),
                "value": str(r.value),
                # For a trainer's override, the reason they gave.
                "note": r.note,
                "recorded_by": _name(r.recorded_by),
                "at": r.created_at.isoformat(),
            }
            for r in records
        ],
        "attitude_ratings": _attitude_ratings(user),
        "evidence": _evidence(user),
        "observations": _observations(user),
        "verdicts": _verdicts(user),
    }
