"""The competency verdict: one function computes it from every input, in a fixed number of
queries, and saves it with its reasons. Call it whenever an input changes (the services do,
through the recompute_verdict task)."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import audit
from core.numbers import format_number
from modules.models import CoursePage, Enrollment, ModulePage
from modules.selectors import course_outline

from . import scoring
from .models import (
    DOMAIN_NAMES,
    Attempt,
    AttemptAnswer,
    AttemptStatus,
    AttitudeInstrument,
    AttitudeRating,
    Domain,
    Observation,
    PredicateBand,
    QuizRole,
    RaterRole,
    Rubric,
    ScoreRecord,
    ScoreSource,
    Verdict,
    VerdictChange,
    VerdictStatus,
)
from .models import Quiz as QuizModel
from .signals import verdict_changed

Q2 = Decimal("0.01")


def _mean(values: list[Decimal]) -> Decimal | None:
    return (sum(values) / len(values)).quantize(Q2) if values else None


def _representative_attempts(method: str, attempts: list[Attempt]) -> list[Attempt]:
    """The attempts whose answers stand for the quiz grade (for competency units)."""
    if not attempts:
        return []
    if method == "highest":
        return [max(attempts, key=lambda a: (a.percent, -a.number))]
    if method == "last":
        return [attempts[-1]]
    if method == "first":
        return [attempts[0]]
    return attempts


def verdict_compute(*, user, course: CoursePage) -> dict:
    """Everything the verdict needs, as plain data. Reads only."""
    minimums = {
        Domain.KNOWLEDGE: Decimal(course.min_knowledge),
        Domain.SKILLS: Decimal(course.min_skills),
        Domain.ATTITUDE: Decimal(course.min_attitude),
    }
    modules = ModulePage.objects.live().child_of(course)
    quizzes = list(
        QuizModel.objects.filter(module__in=modules).exclude(role=QuizRole.PRE_TEST).order_by("pk")
    )
    rubrics = list(Rubric.objects.filter(module__in=modules).order_by("pk"))
    instruments = list(AttitudeInstrument.objects.filter(module__in=modules).order_by("pk"))
    reasons: list[dict] = []
    domain_scores: dict[str, Decimal | None] = {}

    # Knowledge: each quiz graded by its method; all quizzes must be taken and marked.
    attempts_by_quiz: dict[int, list[Attempt]] = defaultdict(list)
    for attempt in Attempt.objects.filter(
        user=user, quiz__in=quizzes, status=AttemptStatus.SUBMITTED
    ).order_by("number"):
        attempts_by_quiz[attempt.quiz_id].append(attempt)
    quiz_grades = []
    representative: list[int] = []
    for quiz in quizzes:
        graded = [
            a for a in attempts_by_quiz[quiz.pk] if not a.needs_marking and a.percent is not None
        ]
        if any(a.needs_marking for a in attempts_by_quiz[quiz.pk]) and not graded:
            reasons.append({"code": "quiz_waiting_marking", "quiz": quiz.title})
        elif not graded:
            reasons.append({"code": "quiz_not_taken", "quiz": quiz.title})
        else:
            quiz_grades.append(
                scoring.grade_attempts(quiz.grading_method, [a.percent for a in graded])
            )
            representative += [a.pk for a in _representative_attempts(quiz.grading_method, graded)]
    if quizzes:
        domain_scores[Domain.KNOWLEDGE] = (
            _mean(quiz_grades) if len(quiz_grades) == len(quizzes) else None
        )

    # Skills: the latest observation of each rubric.
    latest_obs: dict[int, Observation] = {}
    for observation in (
        Observation.objects.filter(volunteer=user, rubric_version__rubric__in=rubrics)
        .select_related("rubric_version")
        .order_by("created_at", "pk")
    ):
        latest_obs[observation.rubric_version.rubric_id] = observation
    for rubric in rubrics:
        if rubric.pk not in latest_obs:
            reasons.append({"code": "observation_missing", "rubric": rubric.title})
    if rubrics:
        domain_scores[Domain.SKILLS] = (
            _mean([latest_obs[r.pk].percent for r in rubrics])
            if len(latest_obs) == len(rubrics)
            else None
        )

    # Attitude: latest self and trainer rating of each instrument, combined by the policy.
    latest_rating: dict[tuple[int, str], Decimal] = {}
    for rating in AttitudeRating.objects.filter(
        volunteer=user, instrument__in=instruments
    ).order_by("created_at", "pk"):
        latest_rating[(rating.instrument_id, rating.role)] = rating.percent
    trainer_share = Decimal(course.attitude_trainer_percent) / 100
    attitude_values = []
    for instrument in instruments:
        own = latest_rating.get((instrument.pk, RaterRole.SELF))
        trainer = latest_rating.get((instrument.pk, RaterRole.TRAINER))
        if own is None:
            reasons.append({"code": "self_assessment_missing", "instrument": instrument.title})
        if trainer is None:
            reasons.append({"code": "trainer_rating_missing", "instrument": instrument.title})
        if own is not None and trainer is not None:
            attitude_values.append(trainer * trainer_share + own * (1 - trainer_share))
    if instruments:
        domain_scores[Domain.ATTITUDE] = (
            _mean(attitude_values) if len(attitude_values) == len(instruments) else None
        )

    # A trainer's override replaces the computed domain score (the latest override counts).
    overrides = {}
    for record in ScoreRecord.objects.filter(
        volunteer=user, course=course, source=ScoreSource.OVERRIDE
    ).order_by("created_at", "pk"):
        overrides[record.domain] = record
    for domain, record in overrides.items():
        domain_scores[domain] = record.value
        reasons = [r for r in reasons if _reason_domain(r) != domain]

    for domain, value in domain_scores.items():
        if value is not None and value < minimums[domain]:
            reasons.append(
                {
                    "code": "below_minimum",
                    "domain": domain,
                    "value": str(value),
                    "minimum": str(minimums[domain]),
                }
            )

    # Required modules: every lesson done.
    outline = course_outline(course=course, user=user)
    for module in outline.modules:
        if module.page.required and not module.complete:
            reasons.append({"code": "module_incomplete", "module": module.page.title})
    if not Enrollment.objects.filter(user=user, course=course).exists():
        reasons.insert(0, {"code": "not_enrolled"})
    if not domain_scores:
        reasons.append({"code": "no_assessments"})

    weights = {
        Domain.KNOWLEDGE: course.weight_knowledge,
        Domain.SKILLS: course.weight_skills,
        Domain.ATTITUDE: course.weight_attitude,
    }
    final = None
    if domain_scores and all(v is not None for v in domain_scores.values()):
        total_weight = sum(weights[d] for d in domain_scores)
        if total_weight:
            final = (
                sum(domain_scores[d] * weights[d] for d in domain_scores) / total_weight
            ).quantize(Q2)
    bands = list(PredicateBand.objects.values_list("name", "min_score"))
    units = _unit_verdicts(
        course=course,
        representative=representative,
        observations=list(latest_obs.values()),
        minimums=minimums,
    )
    return {
        "status": VerdictStatus.BELUM_KOMPETEN if reasons else VerdictStatus.KOMPETEN,
        "scores": domain_scores,
        "final": final,
        "predicate": scoring.predicate_for(final, bands) if not reasons else "",
        "reasons": reasons,
        "units": units,
    }


def _reason_domain(reason: dict) -> str | None:
    code = reason["code"]
    if code in ("quiz_not_taken", "quiz_waiting_marking"):
        return Domain.KNOWLEDGE
    if code == "observation_missing":
        return Domain.SKILLS
    if code in ("self_assessment_missing", "trainer_rating_missing"):
        return Domain.ATTITUDE
    return reason.get("domain")


def _unit_verdicts(*, course, representative, observations, minimums) -> list[dict]:
    units = list(course.competency_units.all())
    if not units:
        return []
    knowledge: dict[int, list[Decimal]] = defaultdict(lambda: [Decimal(0), Decimal(0)])
    answers = AttemptAnswer.objects.filter(
        attempt_id__in=representative,
        question_version__question__competency_units__in=units,
    ).values_list(
        "question_version__question__competency_units", "score", "question_version__points"
    )
    for unit_id, score, points in answers:
        knowledge[unit_id][0] += score or 0
        knowledge[unit_id][1] += points
    skills: dict[int, list[Decimal]] = defaultdict(lambda: [Decimal(0), Decimal(0)])
    for observation in observations:
        data = observation.rubric_version.data
        level_points = {lv["id"]: lv["points"] for lv in data["levels"]}
        best = max(level_points.values(), default=0)
        for criterion in data["criteria"]:
            if criterion.get("unit_id"):
                skills[criterion["unit_id"]][0] += level_points.get(
                    observation.levels.get(criterion["id"], ""), 0
                )
                skills[criterion["unit_id"]][1] += best
    result = []
    for unit in units:
        parts, reasons = {}, []
        for domain, table in ((Domain.KNOWLEDGE, knowledge), (Domain.SKILLS, skills)):
            earned, possible = table.get(unit.pk, (0, 0))
            if possible:
                value = (Decimal(earned) * 100 / Decimal(possible)).quantize(Q2)
                parts[domain] = str(value)
                if value < minimums[domain]:
                    reasons.append(
                        {
                            "code": "below_minimum",
                            "domain": domain,
                            "value": str(value),
                            "minimum": str(minimums[domain]),
                        }
                    )
        if not parts:
            reasons.append({"code": "unit_no_evidence"})
        result.append(
            {
                "id": unit.pk,
                "code": unit.code,
                "title": unit.title,
                "scores": parts,
                "status": VerdictStatus.BELUM_KOMPETEN if reasons else VerdictStatus.KOMPETEN,
                "reasons": reasons,
            }
        )
    return result


@transaction.atomic
def verdict_recompute(*, user, course: CoursePage, by=None) -> Verdict:
    """Recompute and save `user`'s verdict; a change of status is recorded in VerdictChange.
    `by` is who asked for it (None: the system, after one of its inputs changed)."""
    data = verdict_compute(user=user, course=course)
    verdict = Verdict.objects.select_for_update().filter(volunteer=user, course=course).first()
    old_status = verdict.status if verdict else ""
    if verdict is None:
        verdict = Verdict(volunteer=user, course=course)
    verdict.status = data["status"]
    verdict.knowledge = data["scores"].get(Domain.KNOWLEDGE)
    verdict.skills = data["scores"].get(Domain.SKILLS)
    verdict.attitude = data["scores"].get(Domain.ATTITUDE)
    verdict.final_score = data["final"]
    verdict.predicate = data["predicate"]
    verdict.reasons = data["reasons"]
    verdict.units = data["units"]
    verdict.computed_at = timezone.now()
    verdict.full_clean(validate_unique=False)
    verdict.save()
    if old_status != verdict.status:
        VerdictChange.objects.create(
            verdict=verdict,
            old_status=old_status,
            new_status=verdict.status,
            final_score=verdict.final_score,
        )
        audit(
            action="psm.verdict_change",
            instance=verdict,
            user=by,
            data={
                "volunteer": user.pk,
                "course": course.pk,
                "old": old_status,
                "new": verdict.status,
                "final_score": str(verdict.final_score) if verdict.final_score else None,
            },
        )
        # certificates listens: a verdict turned Kompeten gets its certificate issued.
        verdict_changed.send(sender=Verdict, verdict=verdict, previous=old_status, by=by)
    return verdict


def reason_text(reason: dict) -> str:
    """A stored reason in the reader's language (reasons are stored as codes)."""
    code = reason.get("code")
    domain = DOMAIN_NAMES.get(reason.get("domain"), reason.get("domain", ""))
    texts = {
        "not_enrolled": lambda: _("Not enrolled in the course."),
        "no_assessments": lambda: _("The course has no assessments yet."),
        "quiz_not_taken": lambda: _("Quiz “%(quiz)s” not taken yet.") % reason,
        "quiz_waiting_marking": lambda: (
            _("Quiz “%(quiz)s” is waiting for a trainer to mark it.") % reason
        ),
        "observation_missing": lambda: (
            _("Skill “%(rubric)s” not observed by a trainer yet.") % reason
        ),
        "self_assessment_missing": lambda: (
            _("Self-assessment “%(instrument)s” not filled yet.") % reason
        ),
        "trainer_rating_missing": lambda: (
            _("Trainer's rating “%(instrument)s” not given yet.") % reason
        ),
        "below_minimum": lambda: (
            _("%(domain)s %(value)s%% is below the minimum %(minimum)s%%.")
            % {
                "domain": domain,
                "value": format_number(reason.get("value")),
                "minimum": format_number(reason.get("minimum")),
            }
        ),
        "module_incomplete": lambda: _("Required module “%(module)s” not finished.") % reason,
        "unit_no_evidence": lambda: _("No assessment evidence for this unit yet."),
    }
    return texts.get(code, lambda: code or "")()


def verdict_for_display(verdict: Verdict | None, computed: dict | None = None) -> dict:
    """Verdict (stored, or freshly computed when none is stored yet) with readable reasons."""
    if verdict is not None:
        data = {
            "status": verdict.status,
            "status_label": verdict.get_status_display(),
            # Verdict has one score field per domain, named by its value.
            **{domain.value: getattr(verdict, domain.value) for domain in Domain},
            "final": verdict.final_score,
            "predicate": verdict.predicate,
            "reasons": verdict.reasons,
            "units": verdict.units,
            "computed_at": verdict.computed_at,
        }
    else:
        data = {
            "status": computed["status"],
            "status_label": VerdictStatus(computed["status"]).label,
            **{domain.value: computed["scores"].get(domain) for domain in Domain},
            "final": computed["final"],
            "predicate": computed["predicate"],
            "reasons": computed["reasons"],
            "units": computed["units"],
            "computed_at": None,
        }
    data["kompeten"] = data["status"] == VerdictStatus.KOMPETEN
    data["reason_texts"] = [reason_text(r) for r in data["reasons"]]
    for unit in data["units"]:
        unit["kompeten"] = unit["status"] == VerdictStatus.KOMPETEN
        unit["reason_texts"] = [reason_text(r) for r in unit["reasons"]]
    return data


def competency_profile_for(*, user) -> list[dict]:
    """Per enrolled course: domain scores, verdict, reasons, and the score history."""
    enrollments = list(
        Enrollment.objects.filter(user=user, course__live=True).select_related("course")
    )
    verdicts = {v.course_id: v for v in Verdict.objects.filter(volunteer=user)}
    history: dict[int, list[ScoreRecord]] = defaultdict(list)
    for record in ScoreRecord.objects.filter(volunteer=user).select_related("recorded_by"):
        history[record.course_id].append(record)
    profiles = []
    for enrollment in enrollments:
        course = enrollment.course
        verdict = verdicts.get(course.pk)
        computed = None if verdict else verdict_compute(user=user, course=course)
        profiles.append(
            {
                "course": course,
                "verdict": verdict_for_display(verdict, computed),
                "history": history[course.pk],
            }
        )
    return profiles
